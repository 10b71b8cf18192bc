using System.Collections.Generic;

namespace EvalSpec.Reporting.Gate;

/// <summary>What recording a run changed in the baseline.</summary>
/// <param name="Path">The baseline file written.</param>
/// <param name="PreviousVersion">The version of the file before (0: there was none).</param>
/// <param name="Added">Rows recorded for the first time.</param>
/// <param name="OutcomeChanged">Rows whose outcome changed: (row id, recorded outcome, new outcome).</param>
/// <param name="Removed">Rows dropped: not applicable in the run, or not in it when the baseline was replaced.</param>
/// <param name="Kept">Recorded rows the run did not have, kept as they were.</param>
/// <param name="Rows">Rows in the file now.</param>
/// <param name="Methods">Methods in the file now.</param>
/// <param name="Errored">Rows whose outcome came from a failed model call (provider exception, timeout, judge error): their recorded entries are kept.</param>
/// <param name="Refused">Whether too many rows errored (<see cref="BaselineUpdate.MaxErroredShare"/>) and nothing was written.</param>
internal sealed record BaselineChanges(
    string Path,
    int PreviousVersion,
    IReadOnlyList<string> Added,
    IReadOnlyList<(string RowId, string From, string To)> OutcomeChanged,
    IReadOnlyList<string> Removed,
    int Kept,
    int Rows,
    int Methods,
    IReadOnlyList<string> Errored,
    bool Refused)
{
    /// <summary>The format of the file now (3, or 4 when a row has a person's verdict pinned).</summary>
    public int Format { get; init; }

    /// <summary>What the update did with rows of failed model calls, for the console and the summary; null when none errored.</summary>
    public string? ErroredNote(int judged) =>
        Errored.Count == 0
            ? null
            : Refused
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Baseline not updated: {Errored.Count} of {judged} judged rows errored on a model call (provider exception, timeout or judge error), more than {BaselineUpdate.MaxErroredShare * 100:0}%; the baseline was left unchanged. Run again when the provider answers.")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Errored.Count} of {judged} judged rows errored on a model call (provider exception, timeout or judge error): their recorded baseline entries were kept as they were (rows without one were recorded as they failed).");
}
