using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;

namespace EvalSpec.Execution;

/// <summary>
/// The judge stage of a row: decides a row (or one trial of it) from its runs. A failed, timed-out or unreadable run
/// decides it without asking a judge; otherwise the panels judge the output (the expected answer, the rubric or a person's
/// pinned verdict for an identity row; the relation's panel and own check for a relation row) within one deadline for all
/// of the row's checks, and the checks decide (<see cref="RowDecision.FromChecks"/>). A judge that errors or cannot be
/// read makes its panel's check inconclusive, never a pass. Returns an immutable <see cref="RowJudgement"/>.
/// </summary>
internal static class RowJudging
{
    /// <summary>Judges an identity row's source run.</summary>
    /// <param name="run">The run the row belongs to (its panels, baseline, options and cancellation).</param>
    /// <param name="row">The identity row.</param>
    /// <param name="source">The row's source run.</param>
    /// <param name="trial">The trial (0 for a row that runs once).</param>
    /// <param name="timeout">The row's timeout: the judging time of all its checks.</param>
    public static async Task<RowJudgement> JudgeIdentityAsync(EvalRunHost run, PreparedRow row, MethodRun source, int trial, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(source);
        if (source.OutputError is not null)
        {
            return RowJudgement.Unjudged(RowDecision.Of(VerdictOutcome.Inconclusive, source.OutputError));
        }

        if (source.TimedOut)
        {
            return RowJudgement.Unjudged(RowDecision.Of(VerdictOutcome.Fail, source.Error!.Message, timedOut: true));
        }

        if (!source.Succeeded)
        {
            return RowJudgement.Unjudged(RowDecision.Of(VerdictOutcome.Fail, $"the eval method threw {source.Error!.GetType().Name}: {source.Error.Message}", source.Error));
        }

        var checks = new List<PanelVerdict>();
        var notes = new List<string>();
        try
        {
            long judgingDeadline = Deadline(timeout);
            var request = new JudgeRequest(source.OutputText)
            {
                Input = source.Prompt.Length == 0 ? null : source.Prompt,
                Trajectory = source.Trajectory,
                Expected = row.Case.Expected,
                Rubric = row.Method.Rubric,
                Threshold = row.Method.Threshold,
                RowId = row.Id,
                Context = source.Context,
            };
            IReadOnlyList<(string Turn, JudgeRequest Request)>? turns = row.Method.JudgeEachTurn ? ConversationTurnJudging.Requests(source.Exchange ?? source.Output, request) : null;

            if (row.Case.Expected is not null)
            {
                checks.Add(await JudgeAsync(run, run.ExpectedAnswerPanel, request, judgingDeadline, JudgeContext(row, trial)).ConfigureAwait(false));
            }

            // A person's verdict pinned in the baseline for this very output decides instead of the rubric judges (not asked).
            // (Per-turn labels are for one turn's output, so a pin never matches a whole exchange judged turn by turn.)
            PinnedVerdict pinned = turns is null
                ? PinnedVerdict.For(run.Baseline.Find(row.Id), row.Id, source.JudgedIdentity, run.RubricPanel?.Name, System.IO.Path.GetFileName(run.Baseline.Path))
                : default;
            if (pinned.Check is { } person)
            {
                checks.Add(person);
                run.Statistics.DecidedByPerson();
            }
            else if (run.RubricPanel is not null && turns is not null)
            {
                // Per-turn mode: every assistant turn of the returned exchange is judged on its own, seeing the turns before it.
                foreach ((string turn, JudgeRequest turnRequest) in turns)
                {
                    PanelVerdict rubric = await JudgeAsync(run, run.RubricPanel, turnRequest, judgingDeadline, JudgeContext(row, trial)).ConfigureAwait(false);
                    checks.Add(rubric with { Panel = rubric.Panel + " (" + turn + ")" });
                    run.QueueForReview(rubric, turnRequest, row.Id);
                }
            }
            else if (run.RubricPanel is not null)
            {
                PanelVerdict rubric = await JudgeAsync(run, run.RubricPanel, request, judgingDeadline, JudgeContext(row, trial)).ConfigureAwait(false);
                checks.Add(rubric);
                run.QueueForReview(rubric, request, row.Id);
            }

            if (pinned.Note is { } stale)
            {
                notes.Add(stale);
            }

            bool rubricNotChecked = false;
            if (pinned.Check is null && !string.IsNullOrWhiteSpace(row.Method.Rubric) && !UnjudgedRubric.Checks(run.RubricPanel))
            {
                // A rubric nobody checks (no rubric panel, or judges that decide without reading it) is never dropped silently:
                // noted, and on a build server the row is inconclusive.
                rubricNotChecked = true;
                string reason = UnjudgedRubric.Reason(run.RubricPanel);
                if (UnjudgedRubric.Check(run.Options.UnjudgedRubric, run.BuildServerVariable, reason) is { } unjudged)
                {
                    checks.Add(unjudged);
                }
                else
                {
                    notes.Add(UnjudgedRubric.Note(run.Options.UnjudgedRubric, reason));
                }
            }

            return new RowJudgement(RowDecision.FromChecks(checks), checks.ToArray(), notes.ToArray(), rubricNotChecked);
        }
        catch (Exception ex)
        {
            return Stopped(ex, checks, notes);
        }
    }

    /// <summary>Judges a relation row: its follow-up run against the source run, by the relation's panel and its own check.</summary>
    /// <param name="run">The run the row belongs to (its panels and cancellation).</param>
    /// <param name="row">The relation row.</param>
    /// <param name="input">The follow-up input the relation made.</param>
    /// <param name="source">The source run.</param>
    /// <param name="followUp">The follow-up run; null when the source run failed (the follow-up is then not called).</param>
    /// <param name="trial">The trial (0 for a row that runs once).</param>
    /// <param name="timeout">The row's timeout: the judging time of all its checks.</param>
    public static async Task<RowJudgement> JudgeRelationAsync(EvalRunHost run, PreparedRow row, RelationInput input, MethodRun source, MethodRun? followUp, int trial, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(source);
        RelationDescriptor relation = row.Relation ?? throw new ArgumentException($"Row '{row.Id}' has no relation.", nameof(row));
        if (!source.Succeeded)
        {
            string why = source.OutputError ?? $"{source.Error!.GetType().Name}: {source.Error.Message}";
            return RowJudgement.Unjudged(RowDecision.Of(VerdictOutcome.Inconclusive, $"the source run (the identity row's input) failed, so the relation was not checked: {why}"));
        }

        ArgumentNullException.ThrowIfNull(followUp);
        if (followUp.OutputError is not null)
        {
            return RowJudgement.Unjudged(RowDecision.Of(VerdictOutcome.Inconclusive, followUp.OutputError));
        }

        if (followUp.TimedOut)
        {
            return RowJudgement.Unjudged(RowDecision.Of(VerdictOutcome.Fail, "the follow-up run " + followUp.Error!.Message, timedOut: true));
        }

        if (!followUp.Succeeded)
        {
            return RowJudgement.Unjudged(RowDecision.Of(VerdictOutcome.Fail, $"the eval method threw on the follow-up input: {followUp.Error!.GetType().Name}: {followUp.Error.Message}", followUp.Error));
        }

        var checks = new List<PanelVerdict>();
        try
        {
            var request = new JudgeRequest(followUp.OutputText)
            {
                Input = input.FollowUpPrompt,
                ReferenceOutput = source.OutputText,
                Expected = row.Case.Expected,
                Rubric = row.Method.Rubric,
                Threshold = relation.Threshold,
                RowId = row.Id,
                Context = followUp.Context,
            };
            JudgePanel panel = relation.Kind == RelationKind.Invariant
                ? run.InvariancePanel
                : relation.Expect switch
                {
                    // A counterfactual edit names the number that must move: compare that one, not the outputs' last numbers.
                    Change.Increases or Change.Decreases when input.Transform is Counterfactual && Counterfactual.EditOf(input.Notes) is { } edit =>
                        new JudgePanel("change", new IJudge[] { new EditedNumberChangeJudge(relation.Expect, edit) }),
                    Change.Increases => run.IncreasesPanel,
                    Change.Decreases => run.DecreasesPanel,
                    _ => run.ChangePanel,
                };
            PanelVerdict verdict = await JudgeAsync(run, panel, request, Deadline(timeout), JudgeContext(row, trial)).ConfigureAwait(false);
            checks.Add(verdict with { Panel = $"relation {relation.Key} ({relation.Kind.ToString().ToLowerInvariant()})" });
            if (input.Transform is IRelationCheck ownCheck)
            {
                var observation = new RelationObservation(relation.Key, input.SourceInput, input.FollowUpInput, source.OutputText, followUp.OutputText, input.Notes);
                Verdict own;
                try
                {
                    own = ownCheck.Check(observation) ?? Verdict.Error(relation.Key, $"relation '{relation.Key}' returned no verdict from its check");
                }
                catch (Exception ex)
                {
                    own = Verdict.Error(relation.Key, $"relation '{relation.Key}' threw {ex.GetType().Name} in its check: {ex.Message}");
                }

                checks.Add(new PanelVerdict($"relation {relation.Key} expectation", own.Outcome, own.Score, own.Rationale, new[] { own }));
            }

            return new RowJudgement(RowDecision.FromChecks(checks), checks.ToArray(), Array.Empty<string>());
        }
        catch (Exception ex)
        {
            return Stopped(ex, checks, Array.Empty<string>());
        }
    }

    /// <summary>
    /// Asks a panel within what is left of the row's judging time (one deadline for all of a row's checks);
    /// a judge that does not answer in time becomes an errored verdict naming it.
    /// </summary>
    internal static async Task<PanelVerdict> JudgeAsync(EvalRunHost run, JudgePanel panel, JudgeRequest request, long judgingDeadline, EvalCallContext context)
    {
        TimeSpan remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), judgingDeadline);
        using IDisposable scope = EvalFlow.Enter(run.Flow with { Call = context });
        return await panel.JudgeAsync(request, remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1), run.Cancellation).ConfigureAwait(false);
    }

    /// <summary>The call context of a row's judges: their recorded calls are filed with the row and its trial.</summary>
    internal static EvalCallContext JudgeContext(PreparedRow row, int trial) =>
        new(row.Method.SuiteType.FullName ?? row.Method.SuiteType.Name, row.Id, trial, EvalCallContext.JudgePhase);

    /// <summary>The judging deadline of a row that starts judging now (<see cref="Stopwatch.GetTimestamp"/> units).</summary>
    internal static long Deadline(TimeSpan timeout) => Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    private static RowJudgement Stopped(Exception ex, List<PanelVerdict> checks, IReadOnlyCollection<string> notes) =>
        new(RowDecision.NotEvaluated, checks.ToArray(), [.. notes]) { StoppedBy = ExceptionDispatchInfo.Capture(ex) };
}
