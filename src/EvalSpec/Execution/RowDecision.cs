using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>
/// How a row (or one trial of it) was decided: its outcome, the reason, the exception behind it and, for a failing row,
/// its failure kind (what the baseline compares). Immutable: each stage that decides makes a new one, and the failure kind
/// is derived here only, by the rule of the decision that made it.
/// </summary>
/// <param name="Outcome">Pass, fail or inconclusive.</param>
/// <param name="Reason">Why, or null for a row whose checks all passed.</param>
/// <param name="Exception">The exception that decided the row, or null.</param>
/// <param name="FailureKind">How a failing row failed (the failed checks, a timeout, an exception type, a trial rule); null unless it failed.</param>
/// <param name="DecidedByChecks">Whether the checks decided it (so a later check, the snapshot, decides it again with them).</param>
/// <param name="OutcomeWithoutSnapshot">The outcome before the snapshot check was added, or null when there is none.</param>
/// <param name="NotApplicable">The relation did not change the input: the row is skipped, not judged.</param>
internal sealed record RowDecision(
    VerdictOutcome Outcome,
    string? Reason,
    Exception? Exception,
    string? FailureKind,
    bool DecidedByChecks = false,
    VerdictOutcome? OutcomeWithoutSnapshot = null,
    bool NotApplicable = false)
{
    /// <summary>A row nothing has decided yet: inconclusive.</summary>
    public static RowDecision NotEvaluated => new(VerdictOutcome.Inconclusive, "the row was not evaluated", null, null);

    /// <summary>A decision not made by the checks (a failed run, a timeout, a relation that threw, a replay miss).</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="reason">Why.</param>
    /// <param name="exception">The exception behind it, or null.</param>
    /// <param name="timedOut">Whether a run of the eval method timed out (the failure kind is then <c>timeout</c>).</param>
    public static RowDecision Of(VerdictOutcome outcome, string reason, Exception? exception = null, bool timedOut = false) => new(
        outcome,
        reason,
        exception,
        outcome != VerdictOutcome.Fail ? null
        : timedOut ? "timeout"
        : exception is not null ? "exception: " + exception.GetType().Name
        : "other: " + reason);

    /// <summary>The relation did not change the input: inconclusive, and reported as not applicable.</summary>
    public static RowDecision NotApplicableBecause(string reason) => Of(VerdictOutcome.Inconclusive, reason) with { NotApplicable = true };

    /// <summary>Every check must pass: any failed check fails the row; otherwise any inconclusive check makes it inconclusive.</summary>
    public static RowDecision FromChecks(IReadOnlyList<PanelVerdict> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        string[] failed = checks.Where(c => c.Outcome == VerdictOutcome.Fail).Select(c => c.Panel).ToArray();
        string[] inconclusive = checks.Where(c => c.Outcome == VerdictOutcome.Inconclusive).Select(c => c.Panel).ToArray();
        return checks.Count == 0
            ? new(VerdictOutcome.Pass, "no judge applies to this row (no Expected answer, no registered judges): it passed on the eval method's own assertions", null, null, DecidedByChecks: true)
            : failed.Length > 0
                ? new(VerdictOutcome.Fail, "failed check(s): " + string.Join(", ", failed), null, "checks: " + string.Join(", ", failed.OrderBy(n => n, StringComparer.Ordinal)), DecidedByChecks: true)
                : inconclusive.Length > 0
                    ? new(VerdictOutcome.Inconclusive, "inconclusive check(s): " + string.Join(", ", inconclusive), null, null, DecidedByChecks: true)
                    : new(VerdictOutcome.Pass, null, null, null, DecidedByChecks: true);
    }

    /// <summary>
    /// A row decided from its trials by the method's rule (<paramref name="summary"/>). The failure kind is the rule, not
    /// the shown trial's failure: which trials fail changes from run to run.
    /// </summary>
    /// <param name="summary">The trials' outcomes under the rule.</param>
    /// <param name="shown">The trial the row shows (the first whose outcome is the row's).</param>
    /// <param name="shownTrial">The index of that trial.</param>
    public static RowDecision FromTrials(TrialSummary summary, RowDecision shown, int shownTrial)
    {
        ArgumentNullException.ThrowIfNull(shown);
        string detail = summary.Outcome == VerdictOutcome.Pass || shown.Reason is null ? string.Empty : $"; trial {shownTrial}: {shown.Reason}";
        return Of(summary.Outcome, summary.Description + detail, summary.Outcome == VerdictOutcome.Pass ? null : shown.Exception) with
        {
            FailureKind = summary.Outcome == VerdictOutcome.Fail ? "trials: " + summary.Rule : null,
        };
    }

    /// <summary>
    /// This decision with the snapshot check added (<paramref name="checks"/> holds every check, the snapshot's included).
    /// A row its checks decided is decided again with them; otherwise (a failed run, a trial rule) a failed snapshot fails a
    /// row that did not fail, and a snapshot that could not be verified makes a passing row inconclusive. A row that
    /// already fails keeps its reason and failure kind.
    /// </summary>
    public RowDecision WithSnapshot(PanelVerdict snapshot, IReadOnlyList<PanelVerdict> checks) =>
        WithCheck(snapshot, checks) with { OutcomeWithoutSnapshot = Outcome };

    /// <summary>
    /// This decision with the budget check added (<paramref name="checks"/> holds every check, the budget's included), by the
    /// same rule as the snapshot's; the outcome without the snapshot is kept as it was.
    /// </summary>
    public RowDecision WithBudget(PanelVerdict budget, IReadOnlyList<PanelVerdict> checks) => WithCheck(budget, checks);

    private RowDecision WithCheck(PanelVerdict check, IReadOnlyList<PanelVerdict> checks)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (DecidedByChecks)
        {
            return FromChecks(checks) with { OutcomeWithoutSnapshot = OutcomeWithoutSnapshot, NotApplicable = NotApplicable };
        }

        if (check.Outcome == VerdictOutcome.Fail && Outcome != VerdictOutcome.Fail)
        {
            return this with
            {
                Outcome = VerdictOutcome.Fail,
                Reason = "failed check(s): " + check.Panel + (Reason is null ? string.Empty : "; " + Reason),
                FailureKind = "checks: " + check.Panel,
            };
        }

        if (check.Outcome == VerdictOutcome.Inconclusive && Outcome == VerdictOutcome.Pass)
        {
            return this with
            {
                Outcome = VerdictOutcome.Inconclusive,
                Reason = "inconclusive check(s): " + check.Panel + (Reason is null ? string.Empty : "; " + Reason),
            };
        }

        return this;
    }
}
