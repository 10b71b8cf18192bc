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

    /// <summary>How the row's recorded model calls went (replayed, recorded, live, failed).</summary>
    public Recording.RowModelCalls? ModelCalls { get; init; }

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
}
