using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace EvalSpec.Recording;

/// <summary>What compacting the journals of interrupted runs did (<see cref="RecordingJournal.RecoverOrphans"/>).</summary>
/// <param name="Recovered">Answers now in the files (written, or already there).</param>
/// <param name="Conflicts">Answers not written because the file's entry changed since their run read it; the file's entry was kept.</param>
internal sealed record RecordingRecovery(int Recovered, IReadOnlyList<RecordingRecovery.Conflict> Conflicts)
{
    /// <summary>How many conflicting answers a message names before it says "and n more".</summary>
    private const int NamedLimit = 10;

    /// <summary>Nothing recovered, nothing in conflict.</summary>
    public static readonly RecordingRecovery None = new(0, Array.Empty<Conflict>());

    /// <summary>
    /// One message per journal with conflicts: that its answers were not written and why, which entries, and where the
    /// answers were set aside; null when there was no conflict.
    /// </summary>
    public string? Describe()
    {
        if (Conflicts.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (IGrouping<string, Conflict> journal in Conflicts.GroupBy(c => c.Journal, StringComparer.Ordinal))
        {
            Conflict first = journal.First();
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            text.Append(CultureInfo.InvariantCulture, $"{journal.Count()} answer(s) of the interrupted run whose journal was {Path.GetFileName(first.Journal)} (last written {first.JournalWritten.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC) were NOT written: ")
                .Append("the recordings changed since that run read them (a pull, a checkout or another run), so the files' entries were kept: ")
                .Append(string.Join(", ", journal.Take(NamedLimit).Select(Name)));
            int more = journal.Count() - NamedLimit;
            if (more > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" and {more} more");
            }

            text.Append(". Its answers are kept in ").Append(first.SetAside).Append(": delete it once you have looked.");
        }

        return text.ToString();
    }

    private static string Name(Conflict conflict) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Path.GetFileName(conflict.File)} {conflict.Entry.Context} ('{conflict.Entry.Client}', request {(conflict.Entry.Hash.Length > 16 ? conflict.Entry.Hash[..16] : conflict.Entry.Hash)}, occurrence {conflict.Entry.Occurrence})");

    /// <summary>An answer of a journal that was not written.</summary>
    /// <param name="Journal">The journal it came from (deleted since).</param>
    /// <param name="JournalWritten">When that journal was last written (UTC).</param>
    /// <param name="SetAside">The file the answer was set aside in.</param>
    /// <param name="File">The recordings file whose entry was kept.</param>
    /// <param name="Entry">The answer.</param>
    internal sealed record Conflict(string Journal, DateTime JournalWritten, string SetAside, string File, RecordingEntry Entry);
}
