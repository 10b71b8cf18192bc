using System;
using System.Collections.Generic;
using EvalSpec.Judging;
using EvalSpec.Reporting.Gate;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Which rows changed outcome against the baseline, for the report's "changed since baseline" filter and its baseline
/// diff. With a baseline file the comparison is with it (as the gate's); without one, with the outcome each row says the
/// baseline recorded when the run started (<c>baseline</c> in results.jsonl).
/// </summary>
internal static class RowChanges
{
    /// <summary>The rows that changed, by row id (unchanged rows are left out).</summary>
    public static IReadOnlyDictionary<string, RowChange> Compute(RunData run, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(run);
        var changes = new Dictionary<string, RowChange>(StringComparer.Ordinal);
        bool compared = baseline is { Exists: true };
        foreach (RunRow row in run.Rows)
        {
            if (!row.IsJudged)
            {
                continue;
            }

            RowChange change = compared ? Against(row, baseline!) : AgainstRecorded(row);
            if (change != RowChange.None)
            {
                changes[row.RowId] = change;
            }
        }

        return changes;
    }

    /// <summary>What the baseline records for a row: its entry in the file, else the outcome the row says was recorded.</summary>
    public static BaselineEntry? Recorded(RunRow row, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (baseline is { Exists: true })
        {
            return baseline.Find(row.RowId);
        }

        return Outcome(row.RecordedOutcome) is VerdictOutcome recorded ? new BaselineEntry(recorded, null) : null;
    }

    private static RowChange Against(RunRow row, Baseline baseline)
    {
        if (baseline.Find(row.RowId) is not { } entry)
        {
            return RowChange.New;
        }

        return Classify(entry.Outcome, row, () => row.FailureEvidence is { } evidence && KnownFailureMatch.Decide(entry, Baseline.FileName, row.FailureKind, evidence).Excused);
    }

    private static RowChange AgainstRecorded(RunRow row) =>
        Outcome(row.RecordedOutcome) is VerdictOutcome recorded ? Classify(recorded, row, () => row.KnownFailure) : RowChange.None;

    private static RowChange Classify(VerdictOutcome recorded, RunRow row, Func<bool> sameFailure) => (recorded, row.Outcome) switch
    {
        (VerdictOutcome.Pass, VerdictOutcome.Pass) => RowChange.None,
        (VerdictOutcome.Pass, _) => RowChange.StoppedPassing,
        (_, VerdictOutcome.Pass) => RowChange.StartedPassing,
        (VerdictOutcome.Fail, VerdictOutcome.Fail) => sameFailure() ? RowChange.None : RowChange.FailsDifferently,
        (VerdictOutcome.Inconclusive, VerdictOutcome.Inconclusive) => RowChange.None,
        _ => RowChange.OtherChange,
    };

    private static VerdictOutcome? Outcome(string? text) => text switch
    {
        "pass" => VerdictOutcome.Pass,
        "fail" => VerdictOutcome.Fail,
        "inconclusive" => VerdictOutcome.Inconclusive,
        _ => null,
    };
}
