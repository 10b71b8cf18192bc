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
internal sealed record BaselineChanges(
    string Path,
    int PreviousVersion,
    IReadOnlyList<string> Added,
    IReadOnlyList<(string RowId, string From, string To)> OutcomeChanged,
    IReadOnlyList<string> Removed,
    int Kept,
    int Rows,
    int Methods);
