using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
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

    private static readonly JudgePanel ExpectedAnswerPanel = new("expected-answer", new IJudge[] { new ExpectedAnswerJudge() });

    /// <summary>Runs the row identified by its keys.</summary>
    /// <param name="instance">The test class instance (ignored for static eval methods).</param>
    /// <param name="method">The generated descriptor of the eval method.</param>
    /// <param name="caseId">The case id.</param>
    /// <param name="variantKey">The prompt variant key.</param>
    /// <param name="relationKey">The relation key, or <c>identity</c>.</param>
    /// <returns>Completes when the row passed; faults with <see cref="EvalRowFailedException"/> or <see cref="EvalRowInconclusiveException"/> otherwise.</returns>
    public static async Task RunAsync(object? instance, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        ArgumentNullException.ThrowIfNull(method);
        EvalRun run = EvalRun.GetOrCreate(method.SuiteType);
        var row = new Row(
            method,
            method.FindCase(caseId),
            method.FindVariant(variantKey),
            method.FindRelation(relationKey),
            RowIds.Row(method, caseId, variantKey, relationKey));
        TimeSpan timeout = method.TimeoutMilliseconds > 0 ? TimeSpan.FromMilliseconds(method.TimeoutMilliseconds) : run.Options.RowTimeout;

        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        long started = Stopwatch.GetTimestamp();
        run.Statistics.RowStarted(started);

        var evaluation = new RowEvaluation();
        try
        {
            await EvaluateAsync(run, instance, row, timeout, evaluation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (EvalRun.RunCancellation.IsCancellationRequested)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, "the test run was cancelled before the row finished");
        }
        catch (Exception ex)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, $"EvalSpec could not evaluate the row: {ex.GetType().Name}: {ex.Message}", ex);
        }

        long finished = Stopwatch.GetTimestamp();
        BaselineEntry? recorded = run.Baseline.Find(row.Id);
        bool knownFailure = evaluation.Outcome == VerdictOutcome.Fail && run.Options.Baseline == BaselineMode.Use && recorded?.Outcome == VerdictOutcome.Fail;
        if (knownFailure)
        {
            run.Statistics.KnownFailure();
        }
        else if (evaluation.Outcome == VerdictOutcome.Pass && recorded?.Outcome == VerdictOutcome.Fail)
        {
            run.Statistics.FixedSinceBaseline();
        }

        run.Statistics.RowFinished(method.Id, evaluation.Outcome, finished);
        run.RecordOutcome(row.Id, evaluation.Outcome, evaluation.Summary);
        run.Results.Append(ToResult(run, row, evaluation, startedAt, Stopwatch.GetElapsedTime(started, finished)) with
        {
            Baseline = recorded is null ? null : recorded.Outcome.ToString().ToLowerInvariant(),
            KnownFailure = knownFailure ? true : null,
        });

        switch (evaluation.Outcome)
        {
            case VerdictOutcome.Pass:
                return;
            case VerdictOutcome.Fail when knownFailure:
                throw new EvalRowKnownFailureException($"Known failure, recorded in {System.IO.Path.GetFileName(run.Baseline.Path)}: {recorded!.Reason}\n{Describe(row, evaluation)}");
            case VerdictOutcome.Fail:
                throw new EvalRowFailedException(Describe(row, evaluation) + (recorded?.Outcome == VerdictOutcome.Pass ? $"\nRegression: {System.IO.Path.GetFileName(run.Baseline.Path)} records this row as passing." : string.Empty), evaluation.Exception);
            default:
                throw new EvalRowInconclusiveException(Describe(row, evaluation), evaluation.Exception);
        }
    }

    private static async Task EvaluateAsync(EvalRun run, object? instance, Row row, TimeSpan timeout, RowEvaluation evaluation)
    {
        object?[] arguments = row.Case.Arguments;
        evaluation.Arguments = Name(row.Method, arguments);
        evaluation.Prompt = PromptTemplate.Render(row.Variant.Template, evaluation.Arguments);

        string sourceRowId = RowIds.Row(row.Method, row.Case.Id, row.Variant.Key, EvalDefaults.IdentityRelationKey);
        string prompt = evaluation.Prompt;
        IReadOnlyDictionary<string, object?> named = evaluation.Arguments;
        Task<MethodRun> sourceTask = run.Sources.GetOrRun(
            RowIds.Source(row.Method, row.Case.Id, row.Variant.Key),
            () => CallAsync(
                run,
                instance,
                row.Method,
                token => new EvalInput(prompt, row.Variant.Template, row.Variant.Key, row.Case.Id, null, sourceRowId, row.Case.Expected, named, token),
                arguments,
                timeout));

        // The source run has its own timeout; a row waiting for it only stops when the run is cancelled.
        evaluation.Source = await sourceTask.WaitAsync(EvalRun.RunCancellation).ConfigureAwait(false);

        if (row.Relation is null)
        {
            await DecideIdentityAsync(run, row, evaluation, timeout).ConfigureAwait(false);
        }
        else
        {
            await DecideRelationAsync(run, instance, row, row.Relation, arguments, evaluation, timeout).ConfigureAwait(false);
        }
    }

    private static async Task DecideIdentityAsync(EvalRun run, Row row, RowEvaluation evaluation, TimeSpan timeout)
    {
        MethodRun source = evaluation.Source!;
        if (source.TimedOut)
        {
            evaluation.Decide(VerdictOutcome.Fail, source.Error!.Message);
            return;
        }

        if (!source.Succeeded)
        {
            evaluation.Decide(VerdictOutcome.Fail, $"the eval method threw {source.Error!.GetType().Name}: {source.Error.Message}", source.Error);
            return;
        }

        var request = new JudgeRequest(source.OutputText)
        {
            Input = source.Prompt,
            Expected = row.Case.Expected,
            Rubric = row.Method.Rubric,
            Threshold = row.Method.Threshold,
            RowId = row.Id,
        };

        if (row.Case.Expected is not null)
        {
            evaluation.Checks.Add(await JudgeAsync(ExpectedAnswerPanel, request, timeout).ConfigureAwait(false));
        }

        if (run.RubricPanel is not null)
        {
            evaluation.Checks.Add(await JudgeAsync(run.RubricPanel, request, timeout).ConfigureAwait(false));
        }

        evaluation.DecideFromChecks();
    }

    private static async Task DecideRelationAsync(EvalRun run, object? instance, Row row, RelationDescriptor relation, object?[] arguments, RowEvaluation evaluation, TimeSpan timeout)
    {
        MethodRun source = evaluation.Source!;
        if (!source.Succeeded)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, $"the source run (the identity row's input) failed, so the relation was not checked: {source.Error!.GetType().Name}: {source.Error.Message}");
            return;
        }

        object?[] followUpArguments = arguments;
        string followUpPrompt;
        try
        {
            IMetamorphicRelation transform = relation.Create();
            var context = new MetamorphicContext(row.Id);
            if (relation.Parameter is null)
            {
                followUpPrompt = transform.Transform(source.Prompt, context);
            }
            else
            {
                int index = Array.IndexOf(row.Method.ParameterNames, relation.Parameter);
                followUpArguments = (object?[])arguments.Clone();
                followUpArguments[index] = transform.Transform(PromptTemplate.FormatValue(arguments[index]), context);
                followUpPrompt = PromptTemplate.Render(row.Variant.Template, Name(row.Method, followUpArguments));
            }
        }
        catch (Exception ex)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, $"relation '{relation.Key}' threw {ex.GetType().Name} while transforming the input: {ex.Message}", ex);
            return;
        }

        IReadOnlyDictionary<string, object?> followUpNamed = Name(row.Method, followUpArguments);
        evaluation.FollowUpPrompt = followUpPrompt;
        evaluation.FollowUpArguments = relation.Parameter is null ? null : followUpNamed;
        MethodRun followUp = await CallAsync(
            run,
            instance,
            row.Method,
            token => new EvalInput(followUpPrompt, row.Variant.Template, row.Variant.Key, row.Case.Id, relation.Key, row.Id, row.Case.Expected, followUpNamed, token),
            followUpArguments,
            timeout).ConfigureAwait(false);
        evaluation.FollowUp = followUp;
        if (followUp.TimedOut)
        {
            evaluation.Decide(VerdictOutcome.Fail, "the follow-up run " + followUp.Error!.Message);
            return;
        }

        if (!followUp.Succeeded)
        {
            evaluation.Decide(VerdictOutcome.Fail, $"the eval method threw on the follow-up input: {followUp.Error!.GetType().Name}: {followUp.Error.Message}", followUp.Error);
            return;
        }

        var request = new JudgeRequest(followUp.OutputText)
        {
            Input = followUpPrompt,
            ReferenceOutput = source.OutputText,
            Expected = row.Case.Expected,
            Rubric = row.Method.Rubric,
            Threshold = relation.Threshold,
            RowId = row.Id,
        };
        JudgePanel panel = relation.Kind == RelationKind.Invariant ? run.InvariancePanel : run.ChangePanel;
        PanelVerdict verdict = await JudgeAsync(panel, request, timeout).ConfigureAwait(false);
        evaluation.Checks.Add(verdict with { Panel = $"relation {relation.Key} ({relation.Kind.ToString().ToLowerInvariant()})" });
        evaluation.DecideFromChecks();
    }

    /// <summary>
    /// Calls the eval method once. The timeout starts when a concurrency slot is free (waiting for one does
    /// not count) and ends the call as a <see cref="MethodRun.TimedOut"/> result even if the method ignores
    /// its cancellation token.
    /// </summary>
    private static async Task<MethodRun> CallAsync(EvalRun run, object? instance, EvalMethodDescriptor method, Func<CancellationToken, EvalInput> createInput, object?[] arguments, TimeSpan timeout)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(EvalRun.RunCancellation);
        EvalInput input = createInput(cancellation.Token);
        await run.SystemUnderTestLimiter.WaitAsync(EvalRun.RunCancellation).ConfigureAwait(false);
        cancellation.CancelAfter(timeout);
        long started = Stopwatch.GetTimestamp();
        try
        {
            run.Statistics.SystemUnderTestCalled();
            object? output = await method.Invoke(instance, input, (object?[])arguments.Clone()).AsTask().WaitAsync(cancellation.Token).ConfigureAwait(false);
            return new MethodRun(input.Prompt, input.Arguments, output, OutputText(output), null, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !EvalRun.RunCancellation.IsCancellationRequested)
        {
            return new MethodRun(input.Prompt, input.Arguments, null, string.Empty, new TimeoutException(TimeoutMessage(timeout)), Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (EvalRun.RunCancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new MethodRun(input.Prompt, input.Arguments, null, string.Empty, ex, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            run.SystemUnderTestLimiter.Release();
        }
    }

    /// <summary>Asks a panel, bounded by the row timeout; a panel that does not finish in time is an inconclusive check.</summary>
    private static async Task<PanelVerdict> JudgeAsync(JudgePanel panel, JudgeRequest request, TimeSpan timeout)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(EvalRun.RunCancellation);
        cancellation.CancelAfter(timeout);
        try
        {
            return await panel.JudgeAsync(request, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !EvalRun.RunCancellation.IsCancellationRequested)
        {
            string reason = string.Create(CultureInfo.InvariantCulture, $"judging did not finish within {timeout.TotalSeconds:0.###} s");
            return new PanelVerdict(panel.Name, VerdictOutcome.Inconclusive, null, reason, Array.Empty<Verdict>());
        }
    }

    private static string TimeoutMessage(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s (set [Eval(Timeout = ...)] in milliseconds, or EvalSpec:RowTimeout)");

    private static Dictionary<string, object?> Name(EvalMethodDescriptor method, object?[] arguments)
    {
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < method.ParameterNames.Length; i++)
        {
            named[method.ParameterNames[i]] = i < arguments.Length ? arguments[i] : null;
        }

        return named;
    }

    private static string OutputText(object? output) => output switch
    {
        null => string.Empty,
        string text => text,
        // Indented, so that punctuation removal in lexical judges leaves names and values as separate words.
        _ => JsonSerializer.Serialize(output, ResultsJson.Indented),
    };

    private static RowResult ToResult(EvalRun run, Row row, RowEvaluation evaluation, DateTimeOffset startedAt, TimeSpan latency)
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
            Inputs = ToElements(evaluation.Arguments ?? Name(row.Method, row.Case.Arguments)),
            FollowUpInputs = evaluation.FollowUpArguments is null ? null : ToElements(evaluation.FollowUpArguments),
            Prompt = evaluation.Prompt ?? string.Empty,
            FollowUpPrompt = evaluation.FollowUpPrompt,
            Expected = row.Case.Expected,
            Output = judged is { Succeeded: true } ? ResultsJson.ToElement(judged.Output) : null,
            SourceOutput = row.Relation is not null && evaluation.Source is { Succeeded: true } ? ResultsJson.ToElement(evaluation.Source.Output) : null,
            Outcome = evaluation.Outcome.ToString().ToLowerInvariant(),
            Checks = evaluation.Checks.Select(ToCheckResult).ToArray(),
            Reason = evaluation.Reason,
            LatencyMs = Milliseconds(latency),
            SourceLatencyMs = evaluation.Source is null ? null : Milliseconds(evaluation.Source.Latency),
            FollowUpLatencyMs = evaluation.FollowUp is null ? null : Milliseconds(evaluation.FollowUp.Latency),
            StartedAt = startedAt,
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
        v.Pairwise is { } p ? new PairwiseResult(Lower(p.CandidateFirst), Lower(p.ReferenceFirst), p.IsConsistent) : null);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static Dictionary<string, JsonElement> ToElements(IReadOnlyDictionary<string, object?> values) =>
        values.ToDictionary(p => p.Key, p => ResultsJson.ToElement(p.Value), StringComparer.Ordinal);

    private static double Milliseconds(TimeSpan span) => Math.Round(span.TotalMilliseconds, 1);

    private static string Describe(Row row, RowEvaluation evaluation)
    {
        var text = new StringBuilder();
        string label = evaluation.Outcome == VerdictOutcome.Fail ? "FAILED" : "INCONCLUSIVE";
        text.Append(CultureInfo.InvariantCulture, $"Eval row {label}: {row.Id}");
        if (evaluation.Reason is not null)
        {
            text.Append("\nReason: ").Append(evaluation.Reason);
        }

        if (!string.IsNullOrEmpty(evaluation.Prompt))
        {
            text.Append("\nPrompt: ").Append(Quote(evaluation.Prompt));
        }

        if (evaluation.FollowUpPrompt is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nFollow-up prompt ({row.Relation!.Key}): ").Append(Quote(evaluation.FollowUpPrompt));
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

        return text.ToString();
    }

    private static string Quote(string value)
    {
        string shown = value.Length > MessageTextLimit ? value[..MessageTextLimit] + $"... ({value.Length} chars, full text in results.jsonl)" : value;
        return "\"" + shown.Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    private sealed record Row(EvalMethodDescriptor Method, EvalCaseDescriptor Case, PromptVariant Variant, RelationDescriptor? Relation, string Id);

    /// <summary>What is known about a row as it is evaluated, and its decision.</summary>
    private sealed class RowEvaluation
    {
        public IReadOnlyDictionary<string, object?>? Arguments { get; set; }

        public IReadOnlyDictionary<string, object?>? FollowUpArguments { get; set; }

        public string? Prompt { get; set; }

        public string? FollowUpPrompt { get; set; }

        public MethodRun? Source { get; set; }

        public MethodRun? FollowUp { get; set; }

        public List<PanelVerdict> Checks { get; } = new();

        public VerdictOutcome Outcome { get; private set; } = VerdictOutcome.Inconclusive;

        public string? Reason { get; private set; } = "the row was not evaluated";

        public Exception? Exception { get; private set; }

        /// <summary>One line on why the row did not pass: the first failing (else inconclusive) check's rationale, or the reason.</summary>
        public string? Summary =>
            Outcome == VerdictOutcome.Pass
                ? null
                : Checks.FirstOrDefault(c => c.Outcome == Outcome) is { } check ? check.Panel + ": " + check.Rationale : Reason;

        public void Decide(VerdictOutcome outcome, string reason, Exception? exception = null)
        {
            Outcome = outcome;
            Reason = reason;
            Exception = exception;
        }

        /// <summary>Every check must pass: any failed check fails the row; otherwise any inconclusive check makes it inconclusive.</summary>
        public void DecideFromChecks()
        {
            Exception = null;
            if (Checks.Count == 0)
            {
                Outcome = VerdictOutcome.Pass;
                Reason = "no judge applies to this row (no Expected answer, no registered judges): it passed on the eval method's own assertions";
            }
            else if (Checks.Any(c => c.Outcome == VerdictOutcome.Fail))
            {
                Outcome = VerdictOutcome.Fail;
                Reason = "failed check(s): " + string.Join(", ", Checks.Where(c => c.Outcome == VerdictOutcome.Fail).Select(c => c.Panel));
            }
            else if (Checks.Any(c => c.Outcome == VerdictOutcome.Inconclusive))
            {
                Outcome = VerdictOutcome.Inconclusive;
                Reason = "inconclusive check(s): " + string.Join(", ", Checks.Where(c => c.Outcome == VerdictOutcome.Inconclusive).Select(c => c.Panel));
            }
            else
            {
                Outcome = VerdictOutcome.Pass;
                Reason = null;
            }
        }
    }
}
