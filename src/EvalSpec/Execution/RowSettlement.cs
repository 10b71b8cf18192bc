using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>
/// The settle stage of a row, after it was evaluated: a replay miss fails it, the recordings learn how far it got, its
/// model calls are counted, and its token, latency and cost budgets are checked from what it spent.
/// </summary>
internal static class RowSettlement
{
    /// <summary>Settles the evaluated row with its recordings. Returns the row's final outcome, whether a replay missed, and the spend.</summary>
    /// <param name="run">The run the row belongs to.</param>
    /// <param name="row">The row.</param>
    /// <param name="evaluated">The row's outcome from the evaluate stages (or from the prepare stage).</param>
    /// <param name="decidedBeforeRunning">The prepare stage decided the row (the relation threw or did not apply): nothing was called.</param>
    public static (RowOutcome Outcome, bool ReplayMissed, RowSpend Spend) Settle(EvalRunHost run, PreparedRow row, RowOutcome evaluated, bool decidedBeforeRunning)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(evaluated);
        RowOutcome outcome = evaluated;

        // Replay is strict: a model call that was not recorded fails the row, also when the code under test caught the
        // RecordingMissException and answered something else (a fallback, a retry), which would otherwise be judged.
        string sourceRowId = row.SourceRowId;
        IReadOnlyList<Recording.RecordingMissException> misses = decidedBeforeRunning
            ? Array.Empty<Recording.RecordingMissException>()
            : run.Recording.MissesFor(row.Id, sourceRowId);
        if (misses.Count > 0)
        {
            outcome = outcome.DecidedAs(VerdictOutcome.Fail, Recording.RecordingSession.DescribeMisses(misses), misses[0]);
        }

        // A Record run removes the entries of this row that it did not make again (a removed judge, a lowered trial count)
        // only if the row ran to its end; the recordings decide that from how far each trial got.
        IReadOnlyList<RowOutcome> attempts = outcome.Attempts;
        run.Recording.RowEnded(new Recording.RowRunReport(
            row.Id,
            decidedBeforeRunning ? null : sourceRowId,
            SourceReturned: attempts.All(a => a.Source is { Error: null }),
            ReachedChecks: !run.Cancellation.IsCancellationRequested && attempts.All(a => a.Decision.DecidedByChecks || a.Decision.NotApplicable),
            JudgesAnswered: attempts.All(a => a.Checks.All(c => !c.Verdicts.Any(v => v.Errored)))));

        // Budgets are checked once, after judging, from what the row spent (see RowBudget). A row decided before running used no source run.
        string callsSource = decidedBeforeRunning ? row.Id : sourceRowId;
        RowSpend spend = RowBudget.Measure(
            run.Recording.Usage.For(row.Id, callsSource),
            attempts.SelectMany(a => a.Checks).SelectMany(c => c.Verdicts),
            RowBudget.SlowestRun(attempts.SelectMany(a => new[] { a.Source?.Latency, a.FollowUp?.Latency })),
            RowBudget.Prices(run.Options));
        if (!outcome.NotApplicable && !decidedBeforeRunning)
        {
            (PanelVerdict? budget, IReadOnlyList<string> budgetNotes) = RowBudget.Check(RowBudget.Resolve(row.Method, run.Options.Budgets), spend);
            outcome = outcome.WithBudget(budget, budgetNotes);
        }

        // How the row's model calls went (its source run's included), so that a replayed verdict says it was replayed.
        // The source run's counter is read once: an abandoned source call can still count while the row settles.
        Recording.RowModelCalls sourceCalls = run.Recording.SourceCallsFor(callsSource);
        return (outcome with { ModelCalls = run.Recording.OwnCallsFor(row.Id) + sourceCalls, SourceModelCalls = sourceCalls }, misses.Count > 0, spend);
    }
}
