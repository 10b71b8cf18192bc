using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Snapshots;

namespace EvalSpec.Execution;

/// <summary>
/// The snapshot stage of a row ([Snapshot] evals; the first trial of a row with several, whose snapshot check the row
/// carries whatever its trial rule): verifies the prompt (and follow-up prompt) exactly, the output exactly or by meaning as
/// <see cref="SnapshotComparison"/> decides. When the eval method returned no output, only the prompt is compared,
/// read-only: a failed run writes and accepts nothing. Returns the snapshot check: a snapshot that does not match is a
/// failed check, one that could not be verified an inconclusive one.
/// </summary>
internal static class RowSnapshotVerification
{
    /// <summary>Verifies the row's snapshot; null when the row has none to verify (no [Snapshot], a later trial, no prompt).</summary>
    /// <param name="run">The run the row belongs to (its snapshot store, settings and invariance panel).</param>
    /// <param name="row">The row.</param>
    /// <param name="trial">The trial (0 for a row that runs once): only the first trial's snapshot is verified.</param>
    /// <param name="prompt">The row's rendered prompt, or null when it was not rendered.</param>
    /// <param name="followUpPrompt">A relation row's follow-up prompt, else null.</param>
    /// <param name="judged">The run whose output the row's checks judged (the source run, or a relation row's follow-up run), or null when there was none.</param>
    /// <param name="timeout">The row's timeout (judging by meaning asks the invariance panel within it).</param>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<RowSnapshot?> VerifyAsync(EvalRunHost run, PreparedRow row, int trial, string? prompt, string? followUpPrompt, MethodRun? judged, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Method.SnapshotOutput is not SnapshotOutput mode || trial != 0 || prompt is null)
        {
            return null;
        }

        MethodRun? withOutput = mode != SnapshotOutput.PromptOnly && judged is { Succeeded: true } ? judged : null;
        SnapshotComparison comparison = SnapshotComparison.Decide(mode, run.RecordingMode, run.InvariancePanel);
        string directory = System.IO.Path.GetFullPath(row.Method.SnapshotDirectory ?? string.Empty, run.ProjectDirectory);
        string baseName = SnapshotNames.ForRow(row.Method.SuiteType, row.Method.MethodName, row.Case.Id, row.Variant.Key, row.Relation?.Key ?? EvalDefaults.IdentityRelationKey);

        async ValueTask<SnapshotEquivalence> SameMeaning(string verified, string received, CancellationToken cancellationToken)
        {
            var request = new JudgeRequest(received) { ReferenceOutput = verified, Input = prompt, Threshold = EvalDefaults.Threshold, RowId = row.Id };
            PanelVerdict verdict = await RowJudging.JudgeAsync(run, run.InvariancePanel, request, RowJudging.Deadline(timeout), RowJudging.JudgeContext(row, trial)).ConfigureAwait(false);
            return new SnapshotEquivalence(verdict.Outcome == VerdictOutcome.Pass, verdict.Rationale);
        }

        if (run.SnapshotCaseCollisions.TryGetValue(System.IO.Path.Combine(directory, baseName), out IReadOnlyList<string>? sameFile))
        {
            // Nothing is read or written: on Windows and macOS these rows would share (and overwrite) one file.
            return new RowSnapshot(new PanelVerdict(
                "snapshot",
                VerdictOutcome.Fail,
                0,
                $"the snapshot name {baseName} differs from {string.Join(", ", sameFile)} only in letter case: on Windows and macOS they are one file. Give the cases, variants or relations keys that differ in more than case.",
                Array.Empty<Verdict>()));
        }

        try
        {
            SnapshotResult result;
            if (withOutput is not null)
            {
                SnapshotDocument document = SnapshotDocument.ForRow(prompt, followUpPrompt, withOutput.SnapshotValue, run.SnapshotSettings, run.ProjectDirectory);
                result = await run.SnapshotStore.VerifyAsync(directory, baseName, document, comparison.ByMeaning ? SameMeaning : null, run.Cancellation).ConfigureAwait(false);
            }
            else
            {
                SnapshotDocument prompts = SnapshotDocument.ForPrompt(prompt, followUpPrompt, run.SnapshotSettings, run.ProjectDirectory);
                result = mode == SnapshotOutput.PromptOnly
                    ? await run.SnapshotStore.VerifyAsync(directory, baseName, prompts, null, run.Cancellation).ConfigureAwait(false)
                    : await run.SnapshotStore.CheckPromptAsync(directory, baseName, prompts, run.Cancellation).ConfigureAwait(false);
            }

            // A prompt checked without an output is neither a match nor a miss of the whole snapshot: the counts skip it.
            SnapshotOutcome? counted = null;
            if (result.Outcome is not (SnapshotOutcome.PromptMatched or SnapshotOutcome.NotCompared))
            {
                run.SnapshotCounts.Record(result.Outcome, result.MatchedByMeaning);
                counted = result.Outcome;
            }

            VerdictOutcome outcome = result.Passed ? VerdictOutcome.Pass : result.Outcome == SnapshotOutcome.NotCompared ? VerdictOutcome.Inconclusive : VerdictOutcome.Fail;
            string rationale = withOutput is not null && comparison.Note is not null ? result.Message + "\n" + comparison.Note : result.Message;
            return new RowSnapshot(
                new PanelVerdict("snapshot", outcome, outcome switch { VerdictOutcome.Pass => 1, VerdictOutcome.Fail => 0, _ => null }, rationale, Array.Empty<Verdict>()),
                counted,
                counted == SnapshotOutcome.Matched && result.MatchedByMeaning);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !run.Cancellation.IsCancellationRequested)
        {
            return new RowSnapshot(new PanelVerdict("snapshot", VerdictOutcome.Inconclusive, null, $"the snapshot {baseName} could not be verified: {ex.GetType().Name}: {ex.Message}", Array.Empty<Verdict>()));
        }
    }
}

/// <summary>A row's snapshot stage: its check, and what the run's snapshot counts recorded of it (for its results line).</summary>
/// <param name="Check">The snapshot check the row's decision adds.</param>
/// <param name="Counted">What <see cref="SnapshotStatistics"/> counted (matched, accepted, missing, mismatched, invalid); null when nothing was (a prompt checked alone, a snapshot not compared or not verified, clashing names).</param>
/// <param name="MatchedByMeaning">Whether it matched by meaning rather than exactly.</param>
internal sealed record RowSnapshot(PanelVerdict Check, SnapshotOutcome? Counted = null, bool MatchedByMeaning = false);
