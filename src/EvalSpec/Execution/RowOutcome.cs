using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Execution;

/// <summary>
/// What the evaluation of a row produced, once decided: its inputs, runs, checks and decision. Immutable; classifying it
/// against the baseline (<see cref="RowClassification"/>), persisting it (<see cref="RowPersistence"/>) and reporting it
/// read it and change nothing in it.
/// </summary>
/// <param name="Decision">How the row was decided.</param>
/// <param name="Checks">The checks, in the order they ran (the snapshot last).</param>
/// <param name="Notes">What the row's message and result say besides its checks.</param>
internal sealed record RowOutcome(RowDecision Decision, IReadOnlyList<PanelVerdict> Checks, IReadOnlyList<string> Notes)
{
    /// <summary>The trial index, when the row runs several times.</summary>
    public int? Trial { get; init; }

    /// <summary>For a row with several trials: each trial's outcome.</summary>
    public IReadOnlyList<RowOutcome>? Trials { get; init; }

    /// <summary>The eval method's arguments by parameter name.</summary>
    public IReadOnlyDictionary<string, object?>? Arguments { get; init; }

    /// <summary>A relation row's follow-up arguments, when the relation transformed a parameter.</summary>
    public IReadOnlyDictionary<string, object?>? FollowUpArguments { get; init; }

    /// <summary>The rendered prompt.</summary>
    public string? Prompt { get; init; }

    /// <summary>A relation row's transformed prompt.</summary>
    public string? FollowUpPrompt { get; init; }

    /// <summary>The source run (the eval method called with the row's own input).</summary>
    public MethodRun? Source { get; init; }

    /// <summary>A relation row's follow-up run.</summary>
    public MethodRun? FollowUp { get; init; }

    /// <summary>What the relation changed.</summary>
    public IReadOnlyDictionary<string, string>? RelationNotes { get; init; }

    /// <summary>How much of the input's meaning the relation's follow-up input kept (relation rows).</summary>
    public double? InputSimilarity { get; init; }

    /// <summary>The eval has a rubric and no rubric judge checked it.</summary>
    public bool RubricNotChecked { get; init; }

    /// <summary>How the row's recorded model calls went (replayed, recorded, live, failed, missing), its source run's included.</summary>
    public Recording.RowModelCalls? ModelCalls { get; init; }

    /// <summary>
    /// Of <see cref="ModelCalls"/>, those of the source run, which the rows of a case x prompt variant share: a resumed run
    /// that takes rows over counts each source run once (<see cref="TakenOverRow"/>).
    /// </summary>
    public Recording.RowModelCalls? SourceModelCalls { get; init; }

    /// <summary>Calls of the eval method behind the row (<see cref="EvalRunHost.RunStatistics.SystemUnderTestCalls"/>): its source runs (one per trial) and follow-up runs.</summary>
    public int EvalMethodCalls => SourceEvalMethodCalls + Attempts.Count(a => a.FollowUp is not null);

    /// <summary>Of <see cref="EvalMethodCalls"/>, the source runs', which the rows of a case x prompt variant share.</summary>
    public int SourceEvalMethodCalls => Attempts.Count(a => a.Source is not null);

    /// <summary>What the run's snapshot counts recorded of the row's snapshot (its results line keeps it, so a resumed run counts it again); null for none.</summary>
    public Snapshots.SnapshotOutcome? SnapshotCounted { get; init; }

    /// <summary>Whether <see cref="SnapshotCounted"/> is a match by meaning.</summary>
    public bool SnapshotMatchedByMeaning { get; init; }

    /// <summary>The row's outcome.</summary>
    public VerdictOutcome Outcome => Decision.Outcome;

    /// <summary>Why the row did not pass (or null).</summary>
    public string? Reason => Decision.Reason;

    /// <summary>The exception that decided the row, or null.</summary>
    public Exception? Exception => Decision.Exception;

    /// <summary>How a failing row failed, for the baseline; null unless it failed.</summary>
    public string? FailureKind => Decision.FailureKind;

    /// <summary>The relation did not change the input.</summary>
    public bool NotApplicable => Decision.NotApplicable;

    /// <summary>The outcome before the snapshot check, or null.</summary>
    public VerdictOutcome? OutcomeWithoutSnapshot => Decision.OutcomeWithoutSnapshot;

    /// <summary>The run whose output the row's checks judged: the source run, or a relation row's follow-up run.</summary>
    public MethodRun? Judged(bool relation) => relation ? FollowUp : Source;

    /// <summary>The row and, for a row with several trials, each trial: where judge errors are looked for.</summary>
    public IReadOnlyList<RowOutcome> Attempts => Trials is { Count: > 0 } trials ? trials : [this];

    /// <summary>Whether a judge of the row (or of one of its trials) errored or could not be read.</summary>
    public bool HasJudgeErrors => Attempts.SelectMany(a => a.Checks).Any(c => c.Verdicts.Any(v => v.Errored));

    /// <summary>A row (or one trial of it) that nothing has decided yet: inconclusive, without checks.</summary>
    /// <param name="trial">The trial index, or null for a row that runs once.</param>
    public static RowOutcome NotEvaluated(int? trial = null) => new(RowDecision.NotEvaluated, Array.Empty<PanelVerdict>(), Array.Empty<string>()) { Trial = trial };

    /// <summary>
    /// Decides a row from its trials by the method's rule. The row shows the first trial whose outcome is the row's (else
    /// the first trial) as its prompt, output and checks. The snapshot is of the first trial, but it is the row's: a mismatch
    /// fails the row whatever the trial rule (with AnyPass, a passing trial must not hide it).
    /// </summary>
    /// <param name="trials">Each trial's outcome, without the snapshot check.</param>
    /// <param name="firstTrialSnapshot">The first trial's snapshot stage, or null.</param>
    /// <param name="method">The eval method (its trial rule and pass rate).</param>
    public static RowOutcome FromTrials(IReadOnlyList<RowOutcome> trials, RowSnapshot? firstTrialSnapshot, EvalMethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(method);
        TrialSummary summary = TrialSummary.Decide(trials.Select(t => t.Outcome).ToArray(), method.TrialRule, method.PassRate);
        RowOutcome shown = trials.FirstOrDefault(t => t.Outcome == summary.Outcome) ?? trials[0];
        var row = new RowOutcome(RowDecision.FromTrials(summary, shown.Decision, shown.Trial!.Value), shown.Checks, shown.Notes)
        {
            Arguments = shown.Arguments,
            FollowUpArguments = shown.FollowUpArguments,
            Prompt = shown.Prompt,
            FollowUpPrompt = shown.FollowUpPrompt,
            Source = shown.Source,
            FollowUp = shown.FollowUp,
            RelationNotes = shown.RelationNotes,
            InputSimilarity = shown.InputSimilarity,
            Trials = trials,
            RubricNotChecked = trials.Any(t => t.RubricNotChecked),
        };
        return firstTrialSnapshot is null ? row : row.WithSnapshot(firstTrialSnapshot);
    }

    /// <summary>This outcome with the judge stage's decision, checks and notes (<see cref="RowJudging"/>).</summary>
    public RowOutcome JudgedBy(RowJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        return this with { Decision = judgement.Decision, Checks = judgement.Checks, Notes = judgement.Notes, RubricNotChecked = judgement.RubricNotChecked };
    }

    /// <summary>
    /// This outcome decided otherwise than by its checks (a cancelled run, an error of EvalSpec, a replay miss); a row that
    /// was not applicable stays reported as such, and a failure of a row whose run timed out is a timeout.
    /// </summary>
    public RowOutcome DecidedAs(VerdictOutcome outcome, string reason, Exception? exception = null) => this with
    {
        Decision = RowDecision.Of(outcome, reason, exception, timedOut: Source?.TimedOut == true || FollowUp?.TimedOut == true) with { NotApplicable = NotApplicable },
    };

    /// <summary>This outcome with the snapshot check added to its checks and decision (<see cref="RowDecision.WithSnapshot"/>), and what the counts recorded of it.</summary>
    public RowOutcome WithSnapshot(RowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        PanelVerdict[] checks = [.. Checks, snapshot.Check];
        return this with
        {
            Checks = checks,
            Decision = Decision.WithSnapshot(snapshot.Check, checks),
            SnapshotCounted = snapshot.Counted,
            SnapshotMatchedByMeaning = snapshot.MatchedByMeaning,
        };
    }

    /// <summary>This outcome with the budget check (if the row has budgets) and its notes added (<see cref="RowDecision.WithBudget"/>).</summary>
    public RowOutcome WithBudget(PanelVerdict? check, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        string[] allNotes = [.. Notes, .. notes];
        if (check is null)
        {
            return this with { Notes = allNotes };
        }

        PanelVerdict[] checks = [.. Checks, check];
        return this with { Checks = checks, Notes = allNotes, Decision = Decision.WithBudget(check, checks) };
    }
}
