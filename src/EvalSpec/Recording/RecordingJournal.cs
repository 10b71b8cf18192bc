using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace EvalSpec.Recording;

/// <summary>
/// The journal of one run's recordings: each recorded answer (and each answer found unusable) is appended to it as one line
/// of JSON before the call returns, and the run writes its recordings files once, at its end, from memory; then the journal
/// is deleted. A run that was killed leaves its journal behind, and the next run compacts it into the files before it reads
/// them (<see cref="RecoverOrphans"/>): a crash loses at most the calls in flight.
/// </summary>
/// <remarks>
/// <para>
/// Journals live in <c>&lt;recordings&gt;/.evalspec/journal-&lt;random&gt;.jsonl</c>, one per run (so two processes recording
/// into one folder never write the same journal). The folder holds its own <c>.gitignore</c> (<c>*</c>), so git never sees it
/// and a journal is never committed by accident.
/// </para>
/// <para>
/// A run holds its journal open with a shared lock for as long as it runs; a journal that can be locked exclusively belongs
/// to a run that is gone (the operating system releases the locks of a killed process).
/// </para>
/// </remarks>
internal sealed class RecordingJournal : IDisposable
{
    /// <summary>The folder, inside the recordings folder, of journals and row inventories (git-ignored by its own .gitignore).</summary>
    public const string FolderName = ".evalspec";

    private const string Prefix = "journal-";
    private const string ConflictsPrefix = "conflicts-";
    private const string Extension = ".jsonl";

    /// <summary>An empty journal younger than this may be one a run has just created and not locked yet.</summary>
    private static readonly TimeSpan EmptyJournalGrace = TimeSpan.FromMinutes(10);

    private readonly object _gate = new();
    private readonly string _recordingsDirectory;
    private FileStream? _stream;
    private bool _closed;

    /// <summary>A journal for a run recording into <paramref name="recordingsDirectory"/>; the file is created on the first append.</summary>
    public RecordingJournal(string recordingsDirectory) => _recordingsDirectory = recordingsDirectory;

    /// <summary>The journal file, once created.</summary>
    public string? Path { get; private set; }

    /// <summary>Why the journal could not be written (the answers stay in memory and are written at the end of the run), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The folder of journals and inventories under <paramref name="recordingsDirectory"/>.</summary>
    public static string Folder(string recordingsDirectory) => System.IO.Path.Combine(recordingsDirectory, FolderName);

    /// <summary>Creates the journal folder and its <c>.gitignore</c> when they are missing.</summary>
    public static string EnsureFolder(string recordingsDirectory)
    {
        string folder = Folder(recordingsDirectory);
        Directory.CreateDirectory(folder);
        string ignore = System.IO.Path.Combine(folder, ".gitignore");
        if (!File.Exists(ignore))
        {
            try
            {
                File.WriteAllText(ignore, "# Written by EvalSpec: journals of runs in progress and row inventories. Never commit them.\n*\n");
            }
            catch (IOException)
            {
                // Another process wrote it at the same moment.
            }
        }

        return folder;
    }

    /// <summary>Appends a recorded answer of <paramref name="suite"/>, with the version of the file's entry it was recorded over (null: none).</summary>
    public void AppendEntry(string suite, RecordingEntry entry, string? baseVersion) => Append(RecordingFile.JournalLine(suite, entry, baseVersion));

    /// <summary>Appends that the answer under <paramref name="id"/> could not be used, and why, with the version of the file's entry that was replayed (null: none).</summary>
    public void AppendUnusable(string suite, RecordingEntryId id, string reason, string? baseVersion) => Append(RecordingFile.JournalLine(new RecordingJournalLine
    {
        Suite = suite,
        Base = EntryBase.WhenRead(baseVersion),
        Unusable = new RecordingUnusableMark(id.Context, id.Hash, id.Occurrence, reason),
    }));

    /// <summary>
    /// Appends one line and hands it to the operating system before returning, so that it survives the process being killed.
    /// A journal that cannot be written is given up (<see cref="Error"/>): the answers are in memory all the same.
    /// </summary>
    private void Append(byte[] line)
    {
        lock (_gate)
        {
            if (_closed || Error is not null)
            {
                return;
            }

            try
            {
                _stream ??= Create();
                _stream.Write(line);
                _stream.Flush(flushToDisk: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Error = $"EvalSpec could not write its journal in {Folder(_recordingsDirectory)}: {ex.Message}";
            }
        }
    }

    private FileStream Create()
    {
        string folder = EnsureFolder(_recordingsDirectory);
        for (int attempt = 1; ; attempt++)
        {
            string path = System.IO.Path.Combine(folder, Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() + Extension);
            try
            {
                // FileShare.Read: a shared lock that tells other runs this journal is in use (they lock it exclusively to recover it).
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
                Path = path;
                return stream;
            }
            catch (IOException) when (attempt < 3)
            {
                // A name taken at the same moment, or a recovering run that locked the new (empty) file first: another name.
            }
        }
    }

    /// <summary>Closes the journal, and deletes it when <paramref name="delete"/> (the recordings files hold everything in it).</summary>
    public void Close(bool delete)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _stream?.Dispose();
            _stream = null;
            if (delete && Path is not null)
            {
                TryDelete(Path);
            }
        }
    }

    /// <summary>Closes the journal and keeps it (the next run compacts it).</summary>
    public void Dispose() => Close(delete: false);

    /// <summary>The journals in <paramref name="recordingsDirectory"/>, each with whether a run still holds it (is recording).</summary>
    public static IReadOnlyList<(string Path, bool InUse)> List(string recordingsDirectory)
    {
        string folder = Folder(recordingsDirectory);
        if (!Directory.Exists(folder))
        {
            return Array.Empty<(string, bool)>();
        }

        var journals = new List<(string, bool)>();
        foreach (string journal in Directory.EnumerateFiles(folder, Prefix + "*" + Extension).Order(StringComparer.Ordinal))
        {
            try
            {
                using var probe = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.None);
                journals.Add((journal, false));
            }
            catch (FileNotFoundException)
            {
            }
            catch (IOException)
            {
                journals.Add((journal, true));
            }
        }

        return journals;
    }

    /// <summary>
    /// Compacts the journals that runs which are gone left in <paramref name="recordingsDirectory"/> into its recordings files,
    /// oldest first, then deletes them. Journals of runs still in progress are left alone. Each answer is written only where
    /// the file still holds what its run read (<see cref="RecordingMerge.Recover"/>); an answer whose entry changed since
    /// (a pull, a checkout: the journal is git-ignored and outlives both) is not written, and is set aside with the others of
    /// its journal in <c>conflicts-&lt;id&gt;.jsonl</c> next to it. Nothing is removed: a run that was cut short cannot tell
    /// what is stale.
    /// </summary>
    /// <returns>The answers recovered, and those not written.</returns>
    /// <exception cref="EvalConfigurationException">A journal or a recordings file cannot be read; the message names it.</exception>
    public static RecordingRecovery RecoverOrphans(string recordingsDirectory)
    {
        string folder = Folder(recordingsDirectory);
        if (!Directory.Exists(folder))
        {
            return RecordingRecovery.None;
        }

        int recovered = 0;
        var conflicts = new List<RecordingRecovery.Conflict>();
        var earlier = new Dictionary<string, Dictionary<RecordingEntryId, (EntryBase Base, string Written)>>(StringComparer.Ordinal);
        var changedBefore = new Dictionary<string, DateTime>(StringComparer.Ordinal);

        // Oldest first: of two killed runs that recorded the same call, the later one's answer is the one kept.
        string[] journals = Directory.EnumerateFiles(folder, Prefix + "*" + Extension)
            .Select(path => (Path: path, Written: File.GetLastWriteTimeUtc(path)))
            .OrderBy(j => j.Written)
            .ThenBy(j => j.Path, StringComparer.Ordinal)
            .Select(j => j.Path)
            .ToArray();
        foreach (string journal in journals)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            catch (IOException)
            {
                // Locked: its run is still going (another target framework's test process, say).
                continue;
            }

            var setAside = new List<(string Suite, RecordingEntry Entry, EntryBase Base)>();
            DateTime written = File.GetLastWriteTimeUtc(journal);
            using (stream)
            {
                if (stream.Length == 0)
                {
                    if (DateTime.UtcNow - written > EmptyJournalGrace)
                    {
                        TryDelete(journal);
                    }

                    continue;
                }

                byte[] bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                JournalContent content = Parse(journal, bytes);
                foreach ((string suite, SuiteJournal answers) in content.Suites.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    string file = System.IO.Path.Combine(recordingsDirectory, RecordingFile.FileName(suite));
                    if (!earlier.TryGetValue(suite, out Dictionary<RecordingEntryId, (EntryBase Base, string Written)>? before))
                    {
                        before = new Dictionary<RecordingEntryId, (EntryBase Base, string Written)>();
                        earlier[suite] = before;
                    }

                    var notWritten = new List<RecordingEntry>();
                    // When the file last changed before this recovery wrote into it (an earlier journal's writes say nothing of a pull).
                    if (!changedBefore.TryGetValue(file, out DateTime fileChanged))
                    {
                        fileChanged = File.GetLastWriteTimeUtc(file);
                        changedBefore[file] = fileChanged;
                    }

                    RecordingFile.Update(file, suite, edit => recovered += RecordingMerge.Recover(edit.Entries, answers, before, notWritten, journalIsNewer: written > fileChanged));
                    setAside.AddRange(notWritten.Select(e => (suite, e, answers.Bases.GetValueOrDefault(e.Id, EntryBase.Unknown))));
                }
            }

            if (setAside.Count > 0)
            {
                // The answers that were not written stay on disk for a person to look at: never silently dropped.
                string kept = SetAside(folder, journal, setAside);
                conflicts.AddRange(setAside.Select(a => new RecordingRecovery.Conflict(journal, written, kept, System.IO.Path.Combine(recordingsDirectory, RecordingFile.FileName(a.Suite)), a.Entry)));
            }

            // Deleted once every file holds its answers; a crash before this line compacts the same answers again (the same result).
            TryDelete(journal);
        }

        return new RecordingRecovery(recovered, conflicts);
    }

    /// <summary>Writes the answers of <paramref name="journal"/> that were not written to <c>conflicts-&lt;id&gt;.jsonl</c>, as journal lines.</summary>
    private static string SetAside(string folder, string journal, List<(string Suite, RecordingEntry Entry, EntryBase Base)> answers)
    {
        string name = System.IO.Path.GetFileName(journal);
        string path = System.IO.Path.Combine(folder, ConflictsPrefix + name[Prefix.Length..]);
        using var buffer = new MemoryStream();
        foreach ((string suite, RecordingEntry entry, EntryBase recordedOver) in answers)
        {
            buffer.Write(RecordingFile.JournalLine(new RecordingJournalLine { Suite = suite, Base = recordedOver, Entry = entry }));
        }

        // Appended: a journal recovered again after a crash between this write and its deletion adds the same lines.
        using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            stream.Write(buffer.ToArray());
        }

        return path;
    }

    /// <summary>
    /// The answers of a journal. Its last line may be torn (the process was killed while writing it): it is left out, since
    /// its call had not returned. A line that cannot be read followed by lines that can is damage, not a crash: an error.
    /// </summary>
    internal static JournalContent Parse(string journal, byte[] bytes)
    {
        var content = new JournalContent();
        int start = 0;
        int lineNumber = 0;
        (int Line, string Problem)? unreadable = null;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            int length = (end < 0 ? bytes.Length : end) - start;
            lineNumber++;
            ReadOnlyMemory<byte> line = bytes.AsMemory(start, length);
            start = end < 0 ? bytes.Length : end + 1;
            if (line.Span.Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            if (unreadable is { } earlier)
            {
                throw new EvalConfigurationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The recordings journal {journal} cannot be read: line {earlier.Line} is damaged ({earlier.Problem}) and more lines follow it. It holds the answers a run recorded before it stopped; fix the line or delete the journal to give up those answers."));
            }

            try
            {
                RecordingJournalLine read = JsonSerializer.Deserialize(line.Span, RecordingsJson.Line.RecordingJournalLine) ?? throw new FormatException("a line that is JSON null");
                Read(content, journal, read, lineNumber);
            }
            catch (Exception ex) when (ex is JsonException or EvalConfigurationException or InvalidOperationException or FormatException)
            {
                unreadable = (lineNumber, ex.Message);
            }
        }

        return content;
    }

    private static void Read(JournalContent content, string journal, RecordingJournalLine line, int lineNumber)
    {
        string suite = line.Suite ?? throw new FormatException("no \"suite\"");
        SuiteJournal answers = content.For(suite);
        if (line.Entry is { } read)
        {
            RecordingEntry entry = RecordingFile.Checked(journal, read, lineNumber);
            answers.Entries[entry.Id] = entry;
            answers.Bases.TryAdd(entry.Id, line.Base);
            answers.Unusable.Remove(entry.Id);
        }
        else if (line.Unusable is { } mark)
        {
            if (mark is not { Context: { } context, Hash: { } hash, Occurrence: { } occurrence, Reason: { } reason })
            {
                throw new FormatException("an \"unusable\" without its context, hash, occurrence and reason");
            }

            var id = new RecordingEntryId(context, hash, occurrence);
            if (answers.Entries.TryGetValue(id, out RecordingEntry? recorded))
            {
                answers.Entries[id] = recorded with { Unusable = reason };
            }
            else
            {
                answers.Unusable[id] = (reason, line.Base);
            }
        }
        else
        {
            throw new FormatException("neither \"entry\" nor \"unusable\"");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>What a journal holds, by suite.</summary>
    internal sealed class JournalContent
    {
        public Dictionary<string, SuiteJournal> Suites { get; } = new(StringComparer.Ordinal);

        public SuiteJournal For(string suite)
        {
            if (!Suites.TryGetValue(suite, out SuiteJournal? answers))
            {
                answers = new SuiteJournal();
                Suites[suite] = answers;
            }

            return answers;
        }
    }

    /// <summary>
    /// The answers of one suite in a journal: the last one per key with the version of the file's entry it was recorded
    /// over, and replayed answers found unusable with the version that was replayed.
    /// </summary>
    internal sealed class SuiteJournal
    {
        public Dictionary<RecordingEntryId, RecordingEntry> Entries { get; } = new();

        public Dictionary<RecordingEntryId, EntryBase> Bases { get; } = new();

        public Dictionary<RecordingEntryId, (string Reason, EntryBase Base)> Unusable { get; } = new();
    }

    /// <summary>
    /// What the recordings file held under a key when the run that wrote a journal line read it: an entry of that version,
    /// no entry (<see cref="Absent"/>), or not said (<see cref="Unknown"/>: a journal written before lines carried it).
    /// </summary>
    internal readonly record struct EntryBase(bool Known, string? Version)
    {
        public static EntryBase Unknown => new(false, null);

        public static EntryBase Absent => new(true, null);

        public static EntryBase Of(string version) => new(true, version);

        /// <summary>What the run read under the key: an entry of <paramref name="version"/>, or none (null).</summary>
        public static EntryBase WhenRead(string? version) => new(true, version);
    }
}
