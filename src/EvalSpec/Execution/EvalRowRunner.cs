using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Reporting;

namespace EvalSpec.Execution;

/// <summary>
/// Runs one eval row: renders the prompt, applies the relation, calls the eval method (the source run is
/// shared by the case x variant pair's rows), judges, records the result and fails the test unless every
/// check passed. Called by generated tests.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EvalRowRunner
{
    private const int MessageTextLimit = 1500;


    /// <summary>Runs the row identified by its keys.</summary>
    /// <param name="instance">The test class instance (ignored for static eval methods).</param>
    /// <param name="method">The generated descriptor of the eval method.</param>
    /// <param name="caseId">The case id.</param>
    /// <param name="variantKey">The prompt variant key.</param>
    /// <param name="relationKey">The relation key, or <c>identity</c>.</param>
    /// <returns>Completes when the row passed; faults with <see cref="EvalRowFailedException"/> or <see cref="EvalRowInconclusiveException"/> otherwise.</returns>
    /// <remarks>
    /// The row runs in the run host that EvalSpec's test framework handed to the test (it enters the host's flow around each
    /// test it runs, since xUnit v2 calls a generated row without arguments); in an assembly with its own test framework,
    /// in the assembly's unattended host (<see cref="UnattendedRuns"/>).
    /// </remarks>
    public static Task RunAsync(object? instance, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        ArgumentNullException.ThrowIfNull(method);
        EvalFlow? flow = EvalFlow.Current;
        if (flow?.HostError is { } error)
        {
            var stopped = new EvalConfigurationException("EvalSpec could not start this run: " + error.Message, error);
            return Task.FromException(RowExceptionRedaction.Redact(stopped, Secrets.SecretRedactor.Default) ?? stopped);
        }

        EvalRunHost host;
        try
        {
            host = flow?.Host ?? UnattendedRuns.For(method.SuiteType.Assembly);
        }
        catch (Exception ex)
        {
            return Task.FromException(RowExceptionRedaction.Redact(ex, Secrets.SecretRedactor.Default) ?? ex);
        }

        return RunAsync(host, instance, method, caseId, variantKey, relationKey);
    }

    /// <summary>Runs the row identified by its keys in <paramref name="host"/> (the test framework's run of the assembly).</summary>
    /// <param name="host">The run the row belongs to.</param>
    /// <param name="instance">The test class instance (ignored for static eval methods).</param>
    /// <param name="method">The generated descriptor of the eval method.</param>
    /// <param name="caseId">The case id.</param>
    /// <param name="variantKey">The prompt variant key.</param>
    /// <param name="relationKey">The relation key, or <c>identity</c>.</param>
    internal static async Task RunAsync(EvalRunHost host, object? instance, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        ArgumentNullException.ThrowIfNull(host);

        // Everything a row tells the test framework leaves here: its message and those of the exceptions it carries are
        // redacted as the files are (the eval method's exception may quote an API key from a provider's error body).
        try
        {
            // Code the row cannot pass the host to (a judge panel or a snapshot assertion in a helper) finds it in the flow.
            using IDisposable flow = EvalFlow.Enter(host.Flow);
            await RunRowAsync(host, instance, method, caseId, variantKey, relationKey).ConfigureAwait(false);
        }
        catch (Exception ex) when (RowExceptionRedaction.Redact(ex, Secrets.SecretRedactor.Default) is { } redacted)
        {
            throw redacted;
        }
    }

    /// <summary>
    /// The row's pipeline: prepare (keys, sample, relation input; <see cref="RowPreparation"/>) -> evaluate, per trial:
    /// invoke (<see cref="RowInvocation"/>) -> judge (<see cref="RowJudging"/>) -> snapshot (<see cref="RowSnapshotVerification"/>)
    /// -> settle (replay misses, model calls, budgets; <see cref="RowSettlement"/>) -> classify against the baseline
    /// (<see cref="RowClassification"/>) -> persist (<see cref="RowPersistence"/>) -> report to the test framework.
    /// Each stage returns a value; only the last throws.
    /// </summary>
    private static async Task RunRowAsync(EvalRunHost run, object? instance, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        ArgumentNullException.ThrowIfNull(method);
        PreparedRow row = RowPreparation.Prepare(run, method, caseId, variantKey, relationKey);
        if (run.Resumed?.Find(row.Id) is { } taken)
        {
            // Decided before the run was interrupted: reported as it was decided, not run again (EVALSPEC_RESUME).
            ReportTakenOver(run, taken);
            return;
        }

        TimeSpan timeout = method.TimeoutMilliseconds > 0 ? TimeSpan.FromMilliseconds(method.TimeoutMilliseconds) : run.Options.RowTimeout;

        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        long started = Stopwatch.GetTimestamp();
        run.Statistics.RowStarted(started);
        using Activity? span = run.Telemetry.StartRow(row.Id, method.Id, row.Case.Id, row.Variant.Key, row.Relation?.Key ?? EvalDefaults.IdentityRelationKey);

        RelationInput? relationInput = null;
        RowOutcome? undecidable = null;
        if (row.Relation is not null)
        {
            (relationInput, undecidable) = await RowPreparation.PrepareRelationAsync(run, row, timeout).ConfigureAwait(false);
        }

        RowOutcome evaluated = undecidable ?? await EvaluateAsync(run, instance, row, relationInput, timeout).ConfigureAwait(false);
        (RowOutcome outcome, bool replayMissed, RowSpend spend) = RowSettlement.Settle(run, row, evaluated, decidedBeforeRunning: undecidable is not null);
        RowSpendResult spendResult = RowSpendResult.Of(spend, RowBudget.Resolve(method, run.Options.Budgets));

        long finished = Stopwatch.GetTimestamp();
        RowResult result = ToResult(run, row, outcome, startedAt, Stopwatch.GetElapsedTime(started, finished)) with
        {
            Spend = spendResult,
            Judgements = run.Judges.TakeRow(row.Id),

            // What RowPersistence counts in rowsWithJudgeErrors (JudgeErrorNotice), for a resumed run to count it the same.
            JudgeErrors = outcome.HasJudgeErrors && !outcome.NotApplicable ? true : null,
        };
        RowClassification classification = RowClassification.Classify(
            outcome, result, row.Relation is not null, run.Baseline.Find(row.Id), System.IO.Path.GetFileName(run.Baseline.Path), run.Options.Baseline, replayMissed);
        RowPersistence.Persist(
            run,
            new JudgedRow(row.Id, method, row.Case.Id, row.Variant.Key, row.Relation, outcome.Outcome, outcome.NotApplicable, outcome.InputSimilarity, outcome.OutcomeWithoutSnapshot),
            outcome,
            classification,
            result,
            JudgeErrorNotice(row, outcome, classification.KnownFailure),
            finished);
        if (!outcome.NotApplicable)
        {
            run.Spend.Add(method.Id, row.Variant.Key, spendResult);
        }

        run.Telemetry.RowFinished(span, method.Id, outcome.Outcome, outcome.NotApplicable, Stopwatch.GetElapsedTime(started, finished), outcome.Attempts.SelectMany(a => a.Checks).SelectMany(c => c.Verdicts));
        Report(run, row, outcome, classification);
    }

    /// <summary>The invoke, judge and snapshot stages, once per trial; a row with several trials is decided by the method's rule.</summary>
    private static async Task<RowOutcome> EvaluateAsync(EvalRunHost run, object? instance, PreparedRow row, RelationInput? relationInput, TimeSpan timeout)
    {
        if (row.Method.Trials <= 1)
        {
            (RowOutcome once, RowSnapshot? snapshot) = await EvaluateOnceAsync(run, instance, row, relationInput, timeout, trial: null).ConfigureAwait(false);
            return snapshot is null ? once : once.WithSnapshot(snapshot);
        }

        (RowOutcome Outcome, RowSnapshot? Snapshot)[] trials = await Task.WhenAll(
            Enumerable.Range(0, row.Method.Trials).Select(t => EvaluateOnceAsync(run, instance, row, relationInput, timeout, t))).ConfigureAwait(false);

        // The first trial's snapshot check is the row's, kept out of that trial's checks so that the trial rule counts the
        // judges' verdicts only.
        return RowOutcome.FromTrials(trials.Select(t => t.Outcome).ToArray(), trials[0].Snapshot, row.Method);
    }

    /// <summary>
    /// Evaluates the row once (or one trial of it): invoke (the source run, shared; a relation row's follow-up run), judge,
    /// then verify the snapshot. Returns the outcome without the snapshot check, and that check aside (the row's decision
    /// adds it: <see cref="EvaluateAsync"/>). Never throws except for stale generated code: what stops a stage (the run was
    /// cancelled, an error of EvalSpec) makes the row inconclusive with what the stages before it found.
    /// </summary>
    private static async Task<(RowOutcome Outcome, RowSnapshot? Snapshot)> EvaluateOnceAsync(EvalRunHost run, object? instance, PreparedRow row, RelationInput? relationInput, TimeSpan timeout, int? trial)
    {
        RowOutcome outcome = RowOutcome.NotEvaluated(trial);
        try
        {
            RowInput input = RowInput.Of(row);
            outcome = outcome with { Arguments = input.Arguments, Prompt = input.Prompt };
            MethodRun source = await RowInvocation.InvokeSourceAsync(run, instance, row, input, trial, timeout).ConfigureAwait(false);
            outcome = outcome with { Source = source };

            RowJudgement judgement;
            if (relationInput is null)
            {
                judgement = await RowJudging.JudgeIdentityAsync(run, row, source, trial ?? 0, timeout).ConfigureAwait(false);
            }
            else
            {
                outcome = outcome with { RelationNotes = relationInput.Notes, InputSimilarity = relationInput.Similarity, FollowUpPrompt = relationInput.FollowUpPrompt };
                if (source.Succeeded)
                {
                    // A failed source run leaves nothing to compare with: the follow-up is not called (the judge stage says so).
                    outcome = outcome with { FollowUpArguments = row.Relation!.Parameter is null ? null : RowInput.Name(row.Method, relationInput.FollowUpArguments) };
                    outcome = outcome with { FollowUp = await RowInvocation.InvokeFollowUpAsync(run, instance, row, relationInput, trial ?? 0, timeout).ConfigureAwait(false) };
                }

                judgement = await RowJudging.JudgeRelationAsync(run, row, relationInput, source, outcome.FollowUp, trial ?? 0, timeout).ConfigureAwait(false);
            }

            outcome = outcome.JudgedBy(judgement);
            judgement.StoppedBy?.Throw();

            RowSnapshot? snapshot = await RowSnapshotVerification.VerifyAsync(
                run, row, trial ?? 0, outcome.Prompt, row.Relation is null ? null : outcome.FollowUpPrompt, outcome.Judged(row.Relation is not null), timeout).ConfigureAwait(false);
            return (outcome, snapshot);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            // The run's cancellation, or only this row's test's (xUnit v3: CancelCurrentTest, a test timeout).
            return (outcome.DecidedAs(
                VerdictOutcome.Inconclusive,
                run.RunCancellation.IsCancellationRequested
                    ? "the test run was cancelled before the row finished"
                    : "the row's test was cancelled (by the test framework: a test timeout or CancelCurrentTest) before the row finished"), null);
        }
        catch (Exception ex)
        {
            return (outcome.DecidedAs(VerdictOutcome.Inconclusive, $"EvalSpec could not evaluate the row: {ex.GetType().Name}: {ex.Message}", ex), null);
        }
    }

    /// <summary>Reports a row of a resumed run decided before the interruption, with its recorded outcome and reason.</summary>
    private static void ReportTakenOver(EvalRunHost run, TakenOverRow taken)
    {
        string from = $"Decided in run {run.Resumed!.RunId} before it was interrupted (EVALSPEC_RESUME), not run again";
        string reason = taken.Row.Reason is { Length: > 0 } text ? ": " + text : string.Empty;
        if (taken.Judged.NotApplicable)
        {
            throw new EvalRowSkippedException($"Not applicable{reason}\n{from}.");
        }

        switch (taken.Row.Outcome)
        {
            case VerdictOutcome.Pass:
                return;
            case VerdictOutcome.Fail when taken.Row.KnownFailure:
                throw new EvalRowKnownFailureException($"Known failure, recorded in {System.IO.Path.GetFileName(run.Baseline.Path)}{reason}\n{from}.");
            default:
                throw new EvalRowFailedException($"Failed{reason}\n{from}; its results line in {run.Results.Path} has the checks and the output.");
        }
    }

    /// <summary>The report stage: tells the test framework, by returning or by the exception it throws, how the row ended.</summary>
    private static void Report(EvalRunHost run, PreparedRow row, RowOutcome outcome, RowClassification classification)
    {
        if (outcome.NotApplicable)
        {
            throw new EvalRowSkippedException($"Not applicable: {outcome.Reason}\n{Describe(row, outcome)}");
        }

        switch (outcome.Outcome)
        {
            case VerdictOutcome.Pass:
                return;
            case VerdictOutcome.Fail when classification.KnownFailure:
                throw new EvalRowKnownFailureException($"Known failure, recorded in {System.IO.Path.GetFileName(run.Baseline.Path)}: {classification.Recorded!.Reason}\n{Describe(row, outcome)}");
            case VerdictOutcome.Fail:
                throw new EvalRowFailedException(Describe(row, outcome) + classification.Match.Message, outcome.Exception);
            default:
                throw new EvalRowInconclusiveException(Describe(row, outcome), outcome.Exception);
        }
    }

    /// <summary>
    /// One line for the default console output when a panel of the row had errored or unreadable judges (whatever the
    /// row's outcome: a passing row is where such errors hide), naming the row, its outcome and the judges; else null.
    /// </summary>
    private static string? JudgeErrorNotice(PreparedRow row, RowOutcome evaluation, bool knownFailure)
    {
        string[] problems = evaluation.Attempts
            .SelectMany(e => e.Checks)
            .Where(c => c.Verdicts.Any(v => v.Errored))
            .Select(c => $"{c.Panel} panel {c.Outcome.ToString().ToLowerInvariant()}, " + string.Join(
                ", ",
                c.ErroredVerdicts.Select(v => $"{v.Judge} {PanelVerdict.Problem(v)} ({OneLine(v.Rationale, 160)})")))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (problems.Length == 0 || evaluation.NotApplicable)
        {
            return null;
        }

        string outcome = evaluation.Outcome switch
        {
            VerdictOutcome.Pass => "passed",
            VerdictOutcome.Fail when knownFailure => "failed (known failure)",
            VerdictOutcome.Fail => "FAILED",
            _ => "INCONCLUSIVE",
        };
        return $"EvalSpec: {DisplayName(row)} {outcome} with errored or unreadable judges: {string.Join("; ", problems)}";
    }

    /// <summary>The row's test name as the generator writes it: <c>Class.Method [case · variant · relation]</c>.</summary>
    private static string DisplayName(PreparedRow row)
    {
        var labels = new List<string> { row.Case.Id };
        bool implicitVariant = row.Method.Variants is [{ Key: EvalDefaults.DefaultVariantKey, Template: "" }];
        if (!implicitVariant)
        {
            labels.Add(row.Variant.Key);
        }

        if (row.Relation is not null)
        {
            labels.Add(row.Relation.Key);
        }

        string type = row.Method.SuiteType.Name;
        for (Type? outer = row.Method.SuiteType.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            type = outer.Name + "." + type;
        }

        return $"{type}.{row.Method.MethodName} [{string.Join(" · ", labels)}]";
    }

    private static string OneLine(string text, int limit)
    {
        string line = string.Join(' ', text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= limit ? line : line[..limit] + "...";
    }

    /// <summary>The row's results line before what the classification adds (<see cref="RowPersistence.ResultLine"/>).</summary>
    private static RowResult ToResult(EvalRunHost run, PreparedRow row, RowOutcome evaluation, DateTimeOffset startedAt, TimeSpan latency)
    {
        MethodRun? judged = row.Relation is null ? evaluation.Source : evaluation.FollowUp;
        return new RowResult
        {
            RunId = run.RunId,
            RowId = row.Id,
            Suite = row.Method.SuiteType.FullName ?? row.Method.SuiteType.Name,
            Method = row.Method.MethodName,
            Case = row.Case.Id,
            Variant = row.Variant.Key,
            Relation = row.Relation?.Key ?? EvalDefaults.IdentityRelationKey,
            RelationKind = row.Relation?.Kind.ToString().ToLowerInvariant(),
            Inputs = ToElements(evaluation.Arguments ?? RowInput.Name(row.Method, row.Case.Arguments)),
            FollowUpInputs = evaluation.FollowUpArguments is null ? null : ToElements(evaluation.FollowUpArguments),
            Prompt = evaluation.Prompt ?? string.Empty,
            FollowUpPrompt = evaluation.FollowUpPrompt,
            Expected = row.Case.Expected,
            Output = judged is { Succeeded: true } ? ResultsJson.ToElement(judged.Output) : null,
            SourceOutput = row.Relation is not null && evaluation.Source is { Succeeded: true } ? ResultsJson.ToElement(evaluation.Source.Output) : null,
            Trajectory = judged is { Succeeded: true, Trajectory: { } trajectory } ? ResultsJson.ToElement(trajectory.ToJson(withAnswer: false)) : null,
            Outcome = evaluation.NotApplicable ? Reporting.Reports.RunResultsReader.NotApplicable : evaluation.Outcome.ToString().ToLowerInvariant(),
            OutcomeWithoutSnapshot = evaluation.OutcomeWithoutSnapshot is VerdictOutcome before && before != evaluation.Outcome ? before.ToString().ToLowerInvariant() : null,
            Checks = evaluation.Checks.Select(ToCheckResult).ToArray(),
            Reason = evaluation.Reason,
            Notes = evaluation.Notes.Count == 0 ? null : evaluation.Notes.ToArray(),
            LatencyMs = Milliseconds(latency),
            SourceLatencyMs = evaluation.Source is null ? null : Milliseconds(evaluation.Source.Latency),
            FollowUpLatencyMs = evaluation.FollowUp is null ? null : Milliseconds(evaluation.FollowUp.Latency),
            StartedAt = startedAt,
            Trials = evaluation.Trials?.Select(t => new TrialResult(
                t.Trial!.Value,
                t.Outcome.ToString().ToLowerInvariant(),
                t.Reason,
                t.Judged(row.Relation is not null) is { Succeeded: true } trialOutput ? ResultsJson.ToElement(trialOutput.Output) : null)).ToArray(),
        };
    }

    private static CheckResult ToCheckResult(PanelVerdict check) => new(
        check.Panel,
        check.Outcome.ToString().ToLowerInvariant(),
        check.Score,
        check.Rationale,
        check.Verdicts.Select(ToVerdictResult).ToArray(),
        check.JudgesSkipped == 0 ? null : check.JudgesSkipped);

    private static VerdictResult ToVerdictResult(Verdict v) => new(
        v.Judge,
        v.Outcome.ToString().ToLowerInvariant(),
        v.Score,
        v.Rationale,
        v.RawOutput,
        Milliseconds(v.Latency),
        v.Errored ? true : null,
        v.ModelCalls == 0 ? null : v.ModelCalls,
        v.Model,
        v.Usage?.InputTokenCount,
        v.Usage?.OutputTokenCount,
        v.Pairwise is { } p ? new PairwiseResult(Lower(p.CandidateFirst), Lower(p.ReferenceFirst), p.IsConsistent) : null)
    {
        Cascade = v.Cascade is { } c
            ? new CascadeResult(
                c.DecidedBy,
                c.Abstained,
                c.Contested,
                c.Steps.Select(s => new CascadeStepResult(s.Tier, Lower(s.Leaning), Math.Round(s.Confidence, 4), s.Threshold, s.Decided, s.ModelCalls)).ToArray(),
                c.Guarantee is { } g ? string.Create(CultureInfo.InvariantCulture, $"agreement >= {g.Target} at risk {g.Risk}") : null)
            : null,
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static Dictionary<string, JsonElement> ToElements(IReadOnlyDictionary<string, object?> values) =>
        values.ToDictionary(p => p.Key, p => ResultsJson.ToElement(p.Value), StringComparer.Ordinal);

    private static double Milliseconds(TimeSpan span) => Math.Round(span.TotalMilliseconds, 1);

    private static string Describe(PreparedRow row, RowOutcome evaluation)
    {
        var text = new StringBuilder();
        string label = evaluation.NotApplicable ? "NOT APPLICABLE" : evaluation.Outcome == VerdictOutcome.Fail ? "FAILED" : "INCONCLUSIVE";
        text.Append(CultureInfo.InvariantCulture, $"Eval row {label}: {row.Id}");
        if (evaluation.Reason is not null)
        {
            text.Append("\nReason: ").Append(evaluation.Reason);
        }

        foreach (string note in evaluation.Notes)
        {
            text.Append("\nNote: ").Append(note);
        }

        string[] errored = evaluation.Checks
            .Where(c => c.Verdicts.Any(v => v.Errored))
            .Select(c => c.Panel + ": " + string.Join(", ", c.ErroredVerdicts.Select(v => $"{v.Judge} ({PanelVerdict.Problem(v)})")))
            .ToArray();
        if (errored.Length > 0)
        {
            text.Append("\nJudges errored or unreadable: ").Append(string.Join("; ", errored));
        }

        if (!string.IsNullOrEmpty(evaluation.Prompt))
        {
            text.Append("\nPrompt: ").Append(Quote(evaluation.Prompt));
        }

        if (evaluation.FollowUpPrompt is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nFollow-up prompt ({row.Relation!.Key}): ").Append(Quote(evaluation.FollowUpPrompt));
        }

        if (evaluation.RelationNotes is { Count: > 0 } notes)
        {
            text.Append("\nRelation changed: ").Append(string.Join("; ", notes.Select(n => n.Key + ": " + n.Value)));
        }

        if (row.Case.Expected is not null)
        {
            text.Append("\nExpected: ").Append(Quote(row.Case.Expected));
        }

        if (evaluation.Source is { Succeeded: true } source)
        {
            text.Append(row.Relation is null ? "\nOutput: " : "\nSource output: ").Append(Quote(source.OutputText));
        }

        if (evaluation.FollowUp is { Succeeded: true } followUp)
        {
            text.Append("\nFollow-up output: ").Append(Quote(followUp.OutputText));
        }

        foreach (PanelVerdict check in evaluation.Checks)
        {
            text.Append("\nCheck ").Append(check.Describe().Replace("\n", "\n    ", StringComparison.Ordinal));
        }

        if (evaluation.ModelCalls is { IsNone: false } calls)
        {
            text.Append("\nModel calls: ").Append(calls);
        }

        return text.ToString();
    }

    private static string Quote(string value)
    {
        string shown = value.Length > MessageTextLimit ? value[..MessageTextLimit] + $"... ({value.Length} chars, full text in results.jsonl)" : value;
        return "\"" + shown.Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

}
