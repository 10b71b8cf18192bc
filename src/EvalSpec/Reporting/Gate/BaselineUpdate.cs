using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// Records a run in the baseline (<c>evalspec baseline update</c>): each judged row's outcome, reason, score and, for a
/// failure, its kind and evidence, and each method's pass rate, multi-prompt metrics and robustness.
/// </summary>
/// <remarks>
/// Like the recordings, a failed model call never replaces anything: a row whose outcome comes from a provider exception,
/// a timeout or a judge error (<see cref="RunRow.IsModelCallError"/>) keeps its recorded entry (a row with no entry yet is
/// recorded as it failed: there is nothing curated to lose), and when
/// more than <see cref="MaxErroredShare"/> of the run's judged rows errored (an outage) the update writes nothing at all.
/// </remarks>
internal static class BaselineUpdate
{
    /// <summary>The share of judged rows that may have errored on a model call for an update to write anything (10%, as for recordings).</summary>
    public const double MaxErroredShare = 0.10;

    /// <summary>The baseline entry of every judged row of the run (not-applicable rows are never recorded).</summary>
    public static IReadOnlyDictionary<string, BaselineEntry> Entries(RunData run) =>
        run.JudgedRows.ToDictionary(r => r.RowId, r => Baseline.Entry(r.Outcome, r.BaselineReason, r.FailureKind, r.Score, r.FailureEvidence), StringComparer.Ordinal);

    /// <summary>The run metrics of every method of the run, rounded as recorded.</summary>
    public static IReadOnlyDictionary<string, BaselineMethodMetrics?> Metrics(RunMetrics metrics)
    {
        var result = new Dictionary<string, BaselineMethodMetrics?>(StringComparer.Ordinal);
        foreach (MethodStatistics method in metrics.Methods)
        {
            MultiPromptStatistics? multiPrompt = metrics.MultiPrompt.FirstOrDefault(m => m.MethodId == method.MethodId);
            RelationStatistics? robustness = metrics.Relations.FirstOrDefault(r => r.MethodId == method.MethodId && r.Relation is null);
            result[method.MethodId] = new BaselineMethodMetrics(
                multiPrompt?.MaxP is null ? null : new BaselineMultiPrompt(Round(multiPrompt.MaxP), Round(multiPrompt.AvgP), Round(multiPrompt.Cps)),
                robustness?.AttackSuccessRate is null ? null : new BaselineRobustness(Round(robustness.AttackSuccessRate), Round(robustness.WeightedAttackSuccessRate)));
        }

        return result;
    }

    /// <summary>
    /// Writes <paramref name="run"/> into <paramref name="baseline"/>'s file: its rows replace the recorded ones, rows
    /// that did not apply are dropped, and (unless <paramref name="replace"/>) rows the run did not have are kept. The
    /// changes are those to the file as it was on disk when it was written (another run may have written it since
    /// <paramref name="baseline"/> was loaded: its rows are kept, see <see cref="Baseline.WriteMerged(IEnumerable{KeyValuePair{string, BaselineEntry}}, IEnumerable{string}, IReadOnlyDictionary{string, BaselineMethodMetrics}, bool)"/>).
    /// </summary>
    public static BaselineChanges Apply(Baseline baseline, RunData run, bool replace)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(run);
        string[] errored = run.JudgedRows.Where(r => r.IsModelCallError).Select(r => r.RowId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int judged = run.JudgedRows.Count();
        if (errored.Length > MaxErroredShare * judged)
        {
            // An outage says nothing about the rows: keep the file exactly as it is.
            return new BaselineChanges(baseline.Path, baseline.Version, [], [], [], baseline.Rows.Count, baseline.Rows.Count, baseline.Methods.Count, errored, Refused: true);
        }

        var entries = new Dictionary<string, BaselineEntry>(Entries(run), StringComparer.Ordinal);
        foreach (string id in errored)
        {
            if (baseline.Find(id) is not { } recorded)
            {
                // Nothing recorded for the row, so nothing curated to lose: record it as it failed (a system that
                // never answers within its timeout is a known weakness like any other).
                continue;
            }

            entries.Remove(id);
            if (replace)
            {
                // Replacing drops what the run did not record; an errored row's reviewed entry stays.
                entries[id] = recorded;
            }
        }

        string[] notApplicable = run.Rows.Where(r => !r.IsJudged).Select(r => r.RowId).ToArray();

        Baseline previous = baseline.WriteMerged(entries, notApplicable, Metrics(RunMetrics.Compute(run)), replace);
        string[] added = entries.Keys.Where(id => previous.Find(id) is null).Order(StringComparer.Ordinal).ToArray();
        (string, string, string)[] changed = entries
            .Where(e => previous.Find(e.Key) is { } recorded && recorded.Outcome != e.Value.Outcome)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Key, Lower(previous.Find(e.Key)!.Outcome), Lower(e.Value.Outcome)))
            .ToArray();
        string[] notInRun = previous.Rows.Keys.Where(id => !entries.ContainsKey(id)).ToArray();
        // A row with a person's verdict pinned is never dropped (see Baseline.WriteMerged).
        string[] removed = notInRun.Where(id => (replace || notApplicable.Contains(id, StringComparer.Ordinal)) && previous.Find(id)?.Person is null).Order(StringComparer.Ordinal).ToArray();

        Baseline written = Baseline.Load(baseline.Path);
        return new BaselineChanges(baseline.Path, previous.Version, added, changed, removed, notInRun.Length - removed.Length, written.Rows.Count, written.Methods.Count, errored, Refused: false) { Format = written.Version };
    }

    private static string Lower(Judging.VerdictOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static double? Round(double? value) => value is double v ? Math.Round(v, 4) : null;
}
