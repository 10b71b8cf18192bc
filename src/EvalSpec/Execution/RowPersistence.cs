using System;
using EvalSpec.Reporting;

namespace EvalSpec.Execution;

/// <summary>
/// The persist stage of a row: counts it in the run's statistics, remembers it for the end-of-run metrics, appends its
/// line to results.jsonl and, without EvalSpec's test framework, rewrites the summary. It changes nothing in the row.
/// </summary>
internal static class RowPersistence
{
    /// <summary>The row's results line: <paramref name="result"/> with what the classification and the recordings add.</summary>
    /// <param name="result">The row's line before the baseline fields.</param>
    /// <param name="outcome">The row's outcome.</param>
    /// <param name="classification">The row against the baseline.</param>
    /// <param name="recordingMode">How the run used recorded model calls.</param>
    /// <param name="attempt">Which resume of the run this is (<see cref="EvalRunHost.Attempt"/>): 0 for the run itself.</param>
    /// <param name="shard">The shard the run runs (<see cref="RowShard.Name"/>), or null when it is not sharded.</param>
    public static RowResult ResultLine(RowResult result, RowOutcome outcome, RowClassification classification, Recording.RecordingMode recordingMode, int attempt = 0, string? shard = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(classification);
        return result with
        {
            Baseline = classification.Recorded is null ? null : classification.Recorded.Outcome.ToString().ToLowerInvariant(),
            KnownFailure = classification.KnownFailure ? true : null,
            FailureKind = outcome.Outcome == Judging.VerdictOutcome.Fail ? outcome.FailureKind : null,
            FailureEvidence = classification.Evidence?.Excerpt,
            FailureEvidenceHash = classification.Evidence?.Hash,
            RelationNotes = outcome.RelationNotes is { Count: > 0 } notes ? notes : null,
            InputSimilarity = outcome.InputSimilarity is double similarity ? Math.Round(similarity, 4) : null,
            ModelCalls = outcome.ModelCalls is { IsNone: false } calls
                ? ModelCallsResult.Of(recordingMode, calls, outcome.SourceModelCalls ?? Recording.RowModelCalls.None)
                : null,
            EvalMethodCalls = outcome.EvalMethodCalls == 0 ? null : new EvalMethodCallsResult(outcome.EvalMethodCalls, outcome.SourceEvalMethodCalls),
            Attempt = attempt > 0 ? attempt : null,
            Shard = shard,
            Snapshot = outcome.SnapshotCounted is { } counted ? SnapshotName(counted) : null,
            SnapshotByMeaning = outcome.SnapshotCounted is not null && outcome.SnapshotMatchedByMeaning ? true : null,
        };
    }

    /// <summary>A counted snapshot outcome as the results line writes it (the summary's names: anything else counts as invalid).</summary>
    internal static string SnapshotName(Snapshots.SnapshotOutcome outcome) => outcome switch
    {
        Snapshots.SnapshotOutcome.Matched => "matched",
        Snapshots.SnapshotOutcome.Accepted => "accepted",
        Snapshots.SnapshotOutcome.Missing => "missing",
        Snapshots.SnapshotOutcome.Mismatched => "mismatched",
        _ => "invalid",
    };

    /// <summary>A results line's <c>snapshot</c> read back (<see cref="SnapshotName"/>); null for a name it does not write.</summary>
    internal static Snapshots.SnapshotOutcome? SnapshotOutcomeOf(string? name) => name switch
    {
        "matched" => Snapshots.SnapshotOutcome.Matched,
        "accepted" => Snapshots.SnapshotOutcome.Accepted,
        "missing" => Snapshots.SnapshotOutcome.Missing,
        "mismatched" => Snapshots.SnapshotOutcome.Mismatched,
        "invalid" => Snapshots.SnapshotOutcome.InvalidVerifiedFile,
        _ => null,
    };

    /// <summary>Persists a decided row in <paramref name="run"/>.</summary>
    /// <param name="run">The run the row belongs to.</param>
    /// <param name="row">What the end-of-run metrics need of the row.</param>
    /// <param name="outcome">The row's outcome.</param>
    /// <param name="classification">The row against the baseline.</param>
    /// <param name="result">The row's results line before the baseline fields.</param>
    /// <param name="judgeErrorNotice">The console line about the row's errored judges, or null when none errored.</param>
    /// <param name="finished">When the row finished (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
    /// <returns>The line written to results.jsonl.</returns>
    public static RowResult Persist(EvalRunHost run, JudgedRow row, RowOutcome outcome, RowClassification classification, RowResult result, string? judgeErrorNotice, long finished)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        if (classification.KnownFailure)
        {
            run.Statistics.KnownFailure();
        }
        else if (classification.FixedSinceBaseline)
        {
            run.Statistics.FixedSinceBaseline();
        }

        if (outcome.RubricNotChecked)
        {
            run.Statistics.UnjudgedRubricRow();
        }

        if (judgeErrorNotice is not null)
        {
            run.Statistics.RowWithJudgeErrors();
            run.RowNotice(judgeErrorNotice);
        }

        run.Statistics.RowFinished(row.Method.Id, outcome.Outcome, finished, outcome.NotApplicable);
        run.RecordOutcome(row);
        RowResult line = ResultLine(result, outcome, classification, run.RecordingMode, run.Attempt, run.Shard?.Name);
        run.Results.Append(line);
        run.CheckpointIfUnattended();
        return line;
    }
}
