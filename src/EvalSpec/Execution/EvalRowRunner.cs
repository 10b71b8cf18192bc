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
using EvalSpec.Conversations;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
using EvalSpec.Reporting;
using EvalSpec.Snapshots;

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
    /// The row's pipeline: prepare (keys, sample, relation input) -> evaluate (invoke, judge and snapshot, per trial) ->
    /// settle (replay misses, model calls) -> classify against the baseline -> persist -> report to the test framework.
    /// Each stage returns a value; only the last throws.
    /// </summary>
    private static async Task RunRowAsync(EvalRunHost run, object? instance, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        ArgumentNullException.ThrowIfNull(method);
        Row row = Prepare(run, method, caseId, variantKey, relationKey);
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

        // A relation's transformation depends only on the row (it is seeded by the row id), so it runs once, before
        // any call of the system under test: a relation that does not apply costs nothing.
        RelationInput? relationInput = null;
        RowEvaluation? undecidable = null;
        if (row.Relation is not null)
        {
            (relationInput, undecidable) = await PrepareRelationAsync(run, row, timeout).ConfigureAwait(false);
        }

        RowEvaluation evaluation = undecidable ?? await EvaluateAsync(run, instance, row, relationInput, timeout).ConfigureAwait(false);
        (RowOutcome outcome, bool replayMissed, RowSpend spend) = Settle(run, row, evaluation, decidedBeforeRunning: undecidable is not null);
        RowSpendResult spendResult = RowSpendResult.Of(spend, RowBudget.Resolve(method, run.Options.Budgets));

        long finished = Stopwatch.GetTimestamp();
        RowResult result = ToResult(run, row, outcome, startedAt, Stopwatch.GetElapsedTime(started, finished)) with { Spend = spendResult, Judgements = run.Judges.TakeRow(row.Id) };
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

    /// <summary>The prepare stage: the row from its keys; a row outside the sample of a sampled run is skipped here.</summary>
    private static Row Prepare(EvalRunHost run, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        var row = new Row(
            method,
            method.FindCase(caseId),
            method.FindVariant(variantKey),
            method.FindRelation(relationKey),
            RowIds.Row(method, caseId, variantKey, relationKey));
        if (run.Shard is { } shard && !shard.Includes(row.Id))
        {
            // Reported as skipped (not left out): the test list of every shard is the same, and the skip says where the row runs.
            run.SkippedOutsideShard();
            throw new EvalRowSkippedException(string.Create(
                CultureInfo.InvariantCulture,
                $"Not in this shard: EVALSPEC_SHARD={shard.Name} runs {shard.Rows} of the suite's {shard.Population.Rows.Count} rows; this row runs in another shard (merge the shards' run folders with `evalspec merge`)."));
        }

        if (run.Options.Sample > 0)
        {
            RowSample sample = run.Sample ?? throw new EvalConfigurationException(
                "EVALSPEC_SAMPLE (EvalOptions.Sample) is set but no sample was drawn: EvalSpec's xUnit test framework draws it from the rows of the run before they start. Either this test assembly declares another [assembly: TestFramework], or the framework recognised none of the generated row tests (rebuild the test project). Remove the Sample setting to run every row.");
            if (!sample.Knows(row.Id))
            {
                run.JudgedRowOutsidePopulation();
            }
            else if (!sample.Includes(row.Id))
            {
                run.SkippedOutsideSample();
                throw new EvalRowSkippedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Not in the sample: EVALSPEC_SAMPLE={sample.Budget} judges {sample.Selected} of {sample.Population} rows, stratified by method, prompt variant and relation."));
            }
        }

        return row;
    }

    /// <summary>The invoke, judge and snapshot stages, once per trial; a row with several trials is decided by the method's rule.</summary>
    private static async Task<RowEvaluation> EvaluateAsync(EvalRunHost run, object? instance, Row row, RelationInput? relationInput, TimeSpan timeout) =>
        row.Method.Trials <= 1
            ? await EvaluateOnceAsync(run, instance, row, relationInput, timeout, trial: null).ConfigureAwait(false)
            : RowEvaluation.FromTrials(
                await Task.WhenAll(Enumerable.Range(0, row.Method.Trials).Select(t => EvaluateOnceAsync(run, instance, row, relationInput, timeout, t))).ConfigureAwait(false),
                row.Method);

    /// <summary>
    /// Settles the evaluated row with its recordings: a replay miss fails it, the recordings learn how far it got, the
    /// row's model calls are counted, and its token, latency and cost budgets are checked from what it spent. Returns the
    /// immutable outcome, whether a replay missed, and the spend.
    /// </summary>
    private static (RowOutcome Outcome, bool ReplayMissed, RowSpend Spend) Settle(EvalRunHost run, Row row, RowEvaluation evaluation, bool decidedBeforeRunning)
    {
        // Replay is strict: a model call that was not recorded fails the row, also when the code under test caught the
        // RecordingMissException and answered something else (a fallback, a retry), which would otherwise be judged.
        string sourceRowId = RowIds.Row(row.Method, row.Case.Id, row.Variant.Key, EvalDefaults.IdentityRelationKey);
        IReadOnlyList<Recording.RecordingMissException> misses = decidedBeforeRunning
            ? Array.Empty<Recording.RecordingMissException>()
            : run.Recording.MissesFor(row.Id, sourceRowId);
        if (misses.Count > 0)
        {
            evaluation.Decide(VerdictOutcome.Fail, Recording.RecordingSession.DescribeMisses(misses), misses[0]);
        }

        // A Record run removes the entries of this row that it did not make again (a removed judge, a lowered trial count)
        // only if the row ran to its end; the recordings decide that from how far each trial got.
        IReadOnlyList<RowEvaluation> attempts = evaluation.Trials ?? [evaluation];
        run.Recording.RowEnded(new Recording.RowRunReport(
            row.Id,
            decidedBeforeRunning ? null : sourceRowId,
            SourceReturned: attempts.All(a => a.Source is { Error: null }),
            ReachedChecks: !run.Cancellation.IsCancellationRequested && attempts.All(a => a.Decision.DecidedByChecks || a.Decision.NotApplicable),
            JudgesAnswered: attempts.All(a => a.Checks.All(c => !c.Verdicts.Any(v => v.Errored)))));

        // Budgets are checked once, after judging, from what the row spent (see RowBudget).
        RowSpend spend = RowBudget.Measure(
            run.Recording.Usage.For(row.Id, decidedBeforeRunning ? row.Id : sourceRowId),
            attempts.SelectMany(a => a.Checks).SelectMany(c => c.Verdicts),
            RowBudget.SlowestRun(attempts.SelectMany(a => new[] { a.Source?.Latency, a.FollowUp?.Latency })),
            RowBudget.Prices(run.Options));
        if (!evaluation.Decision.NotApplicable && !decidedBeforeRunning)
        {
            (PanelVerdict? budget, IReadOnlyList<string> budgetNotes) = RowBudget.Check(RowBudget.Resolve(row.Method, run.Options.Budgets), spend);
            evaluation.AddBudgetCheck(budget, budgetNotes);
        }

        // How the row's model calls went (its source run's included), so that a replayed verdict says it was replayed.
        return (evaluation.ToOutcome(run.Recording.CallsFor(row.Id, decidedBeforeRunning ? row.Id : sourceRowId)), misses.Count > 0, spend);
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
    private static void Report(EvalRunHost run, Row row, RowOutcome outcome, RowClassification classification)
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

    /// <summary>Evaluates the row once (or one trial of it); never throws except for stale generated code.</summary>
    private static async Task<RowEvaluation> EvaluateOnceAsync(EvalRunHost run, object? instance, Row row, RelationInput? relationInput, TimeSpan timeout, int? trial)
    {
        var evaluation = new RowEvaluation { Trial = trial };
        try
        {
            await EvaluateTrialAsync(run, instance, row, relationInput, timeout, evaluation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, "the test run was cancelled before the row finished");
        }
        catch (Exception ex)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, $"EvalSpec could not evaluate the row: {ex.GetType().Name}: {ex.Message}", ex);
        }

        return evaluation;
    }

    /// <summary>Invokes the eval method (the source run, shared; a relation row's follow-up run), judges and verifies the snapshot.</summary>
    private static async Task EvaluateTrialAsync(EvalRunHost run, object? instance, Row row, RelationInput? relationInput, TimeSpan timeout, RowEvaluation evaluation)
    {
        int trial = evaluation.Trial ?? 0;
        object?[] arguments = row.Case.Arguments;
        evaluation.Arguments = Name(row.Method, arguments);
        RowConversation? conversation = RowConversation.Of(row.Case, row.Variant.Template, evaluation.Arguments);
        evaluation.Prompt = conversation?.Transcript ?? PromptTemplate.Render(row.Variant.Template, evaluation.Arguments);

        string sourceRowId = RowIds.Row(row.Method, row.Case.Id, row.Variant.Key, EvalDefaults.IdentityRelationKey);
        string prompt = evaluation.Prompt;
        IReadOnlyDictionary<string, object?> named = evaluation.Arguments;
        // Each trial has its own source run (the system under test is called afresh), shared by that trial's rows.
        Task<MethodRun> sourceTask = run.Sources.GetOrRun(
            RowIds.Source(row.Method, row.Case.Id, row.Variant.Key) + (evaluation.Trial is int t ? "/trial-" + t.ToString(CultureInfo.InvariantCulture) : string.Empty),
            () => CallAsync(
                run,
                instance,
                row.Method,
                token => Converse(conversation, new EvalInput(prompt, row.Variant.Template, row.Variant.Key, row.Case.Id, null, sourceRowId, row.Case.Expected, named, token) { Trial = trial }),
                arguments,
                timeout));

        // The source run has its own timeout; a row waiting for it only stops when the run is cancelled.
        evaluation.Source = await sourceTask.WaitAsync(run.Cancellation).ConfigureAwait(false);

        if (relationInput is null)
        {
            await DecideIdentityAsync(run, row, evaluation, timeout).ConfigureAwait(false);
        }
        else
        {
            await DecideRelationAsync(run, instance, row, row.Relation!, relationInput, evaluation, timeout).ConfigureAwait(false);
        }

        await VerifySnapshotAsync(run, row, evaluation, timeout).ConfigureAwait(false);
    }

    private static async Task DecideIdentityAsync(EvalRunHost run, Row row, RowEvaluation evaluation, TimeSpan timeout)
    {
        MethodRun source = evaluation.Source!;
        if (source.OutputError is not null)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, source.OutputError);
            return;
        }

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
            evaluation.Checks.Add(await JudgeAsync(run, run.ExpectedAnswerPanel, request, judgingDeadline, JudgeContext(row, evaluation)).ConfigureAwait(false));
        }

        // A person's verdict pinned in the baseline for this very output decides instead of the rubric judges (not asked).
        // (Per-turn labels are for one turn's output, so a pin never matches a whole exchange judged turn by turn.)
        PinnedVerdict pinned = turns is null
            ? PinnedVerdict.For(run.Baseline.Find(row.Id), row.Id, source.JudgedIdentity, run.RubricPanel?.Name, System.IO.Path.GetFileName(run.Baseline.Path))
            : default;
        if (pinned.Check is { } person)
        {
            evaluation.Checks.Add(person);
            run.Statistics.DecidedByPerson();
        }
        else if (run.RubricPanel is not null && turns is not null)
        {
            // Per-turn mode: every assistant turn of the returned exchange is judged on its own, seeing the turns before it.
            foreach ((string turn, JudgeRequest turnRequest) in turns)
            {
                PanelVerdict rubric = await JudgeAsync(run, run.RubricPanel, turnRequest, judgingDeadline, JudgeContext(row, evaluation)).ConfigureAwait(false);
                evaluation.Checks.Add(rubric with { Panel = rubric.Panel + " (" + turn + ")" });
                run.QueueForReview(rubric, turnRequest, row.Id);
            }
        }
        else if (run.RubricPanel is not null)
        {
            PanelVerdict rubric = await JudgeAsync(run, run.RubricPanel, request, judgingDeadline, JudgeContext(row, evaluation)).ConfigureAwait(false);
            evaluation.Checks.Add(rubric);
            run.QueueForReview(rubric, request, row.Id);
        }

        if (pinned.Note is { } stale)
        {
            evaluation.Notes.Add(stale);
        }

        if (pinned.Check is null && !string.IsNullOrWhiteSpace(row.Method.Rubric) && !UnjudgedRubric.Checks(run.RubricPanel))
        {
            // A rubric nobody checks (no rubric panel, or judges that decide without reading it) is never dropped silently:
            // noted, and on a build server the row is inconclusive.
            evaluation.RubricNotChecked = true;
            string reason = UnjudgedRubric.Reason(run.RubricPanel);
            if (UnjudgedRubric.Check(run.Options.UnjudgedRubric, run.BuildServerVariable, reason) is { } unjudged)
            {
                evaluation.Checks.Add(unjudged);
            }
            else
            {
                evaluation.Notes.Add(UnjudgedRubric.Note(run.Options.UnjudgedRubric, reason));
            }
        }

        evaluation.DecideFromChecks();
    }

    /// <summary>
    /// Transforms the row's input by its relation. Returns the follow-up input, or a finished evaluation when the
    /// relation threw (inconclusive) or did not change the input (not applicable).
    /// </summary>
    private static async Task<(RelationInput? Input, RowEvaluation? Finished)> PrepareRelationAsync(EvalRunHost run, Row row, TimeSpan timeout)
    {
        RelationDescriptor relation = row.Relation!;
        object?[] arguments = row.Case.Arguments;
        Dictionary<string, object?> named = Name(row.Method, arguments);
        RowConversation? conversation = RowConversation.Of(row.Case, row.Variant.Template, named);
        string prompt = conversation?.Transcript ?? PromptTemplate.Render(row.Variant.Template, named);
        var finished = new RowEvaluation { Arguments = named, Prompt = prompt };
        object?[] followUpArguments = arguments;
        RowConversation? followUpConversation = conversation;
        string followUpPrompt;
        string sourceInput;
        string followUpInput;
        IMetamorphicRelation transform;
        MetamorphicContext context;
        try
        {
            transform = relation.Create();
            if (relation.Parameter is null && conversation is not null)
            {
                // A conversation: the relation changes user turns only (which ones, its ConversationScope says).
                context = new MetamorphicContext(row.Id);
                ConversationRelation.Result changed = ConversationRelation.Apply(transform, conversation.Turns, row.Id, context.Notes);
                if (changed.NotApplicable is { } why)
                {
                    finished.DecideNotApplicable($"relation '{relation.Key}' does not apply to a conversation: {why}");
                    return (null, finished);
                }

                sourceInput = changed.SourceText;
                followUpInput = changed.FollowUpText;
                followUpConversation = RowConversation.From(changed.Turns);
                followUpPrompt = followUpConversation.Transcript;
            }
            else if (relation.Parameter is null)
            {
                context = new MetamorphicContext(row.Id, OtherPrompts(row, named));
                sourceInput = prompt;
                followUpPrompt = transform.Transform(sourceInput, context);
                followUpInput = followUpPrompt;
            }
            else
            {
                context = new MetamorphicContext(row.Id);
                int index = Array.IndexOf(row.Method.ParameterNames, relation.Parameter);
                sourceInput = PromptTemplate.FormatValue(arguments[index]);
                followUpInput = transform.Transform(sourceInput, context);
                followUpArguments = (object?[])arguments.Clone();
                followUpArguments[index] = followUpInput;
                followUpPrompt = PromptTemplate.Render(row.Variant.Template, Name(row.Method, followUpArguments));
                if (conversation is not null)
                {
                    followUpConversation = RowConversation.Of(row.Case, row.Variant.Template, Name(row.Method, followUpArguments));
                    followUpPrompt = followUpConversation!.Transcript;
                }
            }
        }
        catch (Exception ex)
        {
            finished.Decide(VerdictOutcome.Inconclusive, $"relation '{relation.Key}' threw {ex.GetType().Name} while transforming the input: {ex.Message}", ex);
            return (null, finished);
        }

        var notes = new Dictionary<string, string>(context.Notes, StringComparer.Ordinal);
        if (followUpInput == sourceInput && notes.Count == 0)
        {
            string what = relation.Parameter is not null ? $"the parameter '{relation.Parameter}'" : conversation is not null ? "any user turn" : "the prompt";
            finished.DecideNotApplicable($"relation '{relation.Key}' did not change {what}, so there is nothing to check for this case");
            return (null, finished);
        }

        // Directional relations change the meaning on purpose: only invariant rows are weighted by what they kept.
        double? similarity;
        try
        {
            // In the row's own context, so recorded embeddings are filed (and replayed, and pruned) with the row.
            using IDisposable scope = EvalFlow.Enter(run.Flow with
            {
                Call = new EvalCallContext(row.Method.SuiteType.FullName ?? row.Method.SuiteType.Name, row.Id, 0, EvalCallContext.SimilarityPhase),
            });
            similarity = relation.Kind == RelationKind.Invariant
                ? await run.InputSimilarity.ComputeAsync(sourceInput, followUpInput, timeout, run.Cancellation).ConfigureAwait(false)
                : null;
        }
        catch (Recording.RecordingMissException miss)
        {
            // Replay is strict: the embeddings that weigh this row were not recorded, so the row fails rather than being
            // weighed by token F1 unseen.
            finished.Decide(VerdictOutcome.Fail, Recording.RecordingSession.DescribeMisses([miss]), miss);
            return (null, finished);
        }

        return (new RelationInput(transform, sourceInput, followUpInput, followUpPrompt, followUpArguments, notes, similarity) { FollowUpConversation = followUpConversation }, null);
    }

    private static async Task DecideRelationAsync(EvalRunHost run, object? instance, Row row, RelationDescriptor relation, RelationInput input, RowEvaluation evaluation, TimeSpan timeout)
    {
        MethodRun source = evaluation.Source!;
        evaluation.RelationNotes = input.Notes;
        evaluation.InputSimilarity = input.Similarity;
        evaluation.FollowUpPrompt = input.FollowUpPrompt;
        if (!source.Succeeded)
        {
            string why = source.OutputError ?? $"{source.Error!.GetType().Name}: {source.Error.Message}";
            evaluation.Decide(VerdictOutcome.Inconclusive, $"the source run (the identity row's input) failed, so the relation was not checked: {why}");
            return;
        }

        object?[] followUpArguments = input.FollowUpArguments;
        string followUpPrompt = input.FollowUpPrompt;
        IReadOnlyDictionary<string, object?> followUpNamed = Name(row.Method, followUpArguments);
        evaluation.FollowUpArguments = relation.Parameter is null ? null : followUpNamed;
        MethodRun followUp = await CallAsync(
            run,
            instance,
            row.Method,
            token => Converse(input.FollowUpConversation, new EvalInput(followUpPrompt, row.Variant.Template, row.Variant.Key, row.Case.Id, relation.Key, row.Id, row.Case.Expected, followUpNamed, token) { Trial = evaluation.Trial ?? 0 }),
            followUpArguments,
            timeout).ConfigureAwait(false);
        evaluation.FollowUp = followUp;
        if (followUp.OutputError is not null)
        {
            evaluation.Decide(VerdictOutcome.Inconclusive, followUp.OutputError);
            return;
        }

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
        PanelVerdict verdict = await JudgeAsync(run, panel, request, Deadline(timeout), JudgeContext(row, evaluation)).ConfigureAwait(false);
        evaluation.Checks.Add(verdict with { Panel = $"relation {relation.Key} ({relation.Kind.ToString().ToLowerInvariant()})" });
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

            evaluation.Checks.Add(new PanelVerdict($"relation {relation.Key} expectation", own.Outcome, own.Score, own.Rationale, new[] { own }));
        }

        evaluation.DecideFromChecks();
    }

    /// <summary>
    /// Verifies the row's snapshot ([Snapshot] evals; the first trial of a row with several, whose snapshot check the row
    /// carries whatever its trial rule): the prompt (and follow-up prompt) exactly, the output exactly or by meaning as
    /// <see cref="SnapshotComparison"/> decides. When the eval method returned no output, only the prompt is compared,
    /// read-only: a failed run writes and accepts nothing. A snapshot that does not match is a failed check.
    /// </summary>
    private static async Task VerifySnapshotAsync(EvalRunHost run, Row row, RowEvaluation evaluation, TimeSpan timeout)
    {
        if (row.Method.SnapshotOutput is not SnapshotOutput mode || (evaluation.Trial ?? 0) != 0 || evaluation.Prompt is null)
        {
            return;
        }

        MethodRun? judged = row.Relation is null ? evaluation.Source : evaluation.FollowUp;
        MethodRun? withOutput = mode != SnapshotOutput.PromptOnly && judged is { Succeeded: true } ? judged : null;
        string? followUpPrompt = row.Relation is null ? null : evaluation.FollowUpPrompt;
        SnapshotComparison comparison = SnapshotComparison.Decide(mode, run.RecordingMode, run.InvariancePanel);
        string directory = System.IO.Path.GetFullPath(row.Method.SnapshotDirectory ?? string.Empty, run.ProjectDirectory);
        string baseName = SnapshotNames.ForRow(row.Method.SuiteType, row.Method.MethodName, row.Case.Id, row.Variant.Key, row.Relation?.Key ?? EvalDefaults.IdentityRelationKey);

        async ValueTask<SnapshotEquivalence> SameMeaning(string verified, string received, CancellationToken cancellationToken)
        {
            var request = new JudgeRequest(received) { ReferenceOutput = verified, Input = evaluation.Prompt, Threshold = EvalDefaults.Threshold, RowId = row.Id };
            PanelVerdict verdict = await JudgeAsync(run, run.InvariancePanel, request, Deadline(timeout), JudgeContext(row, evaluation)).ConfigureAwait(false);
            return new SnapshotEquivalence(verdict.Outcome == VerdictOutcome.Pass, verdict.Rationale);
        }

        if (run.SnapshotCaseCollisions.TryGetValue(System.IO.Path.Combine(directory, baseName), out IReadOnlyList<string>? sameFile))
        {
            // Nothing is read or written: on Windows and macOS these rows would share (and overwrite) one file.
            evaluation.AddSnapshotCheck(new PanelVerdict(
                "snapshot",
                VerdictOutcome.Fail,
                0,
                $"the snapshot name {baseName} differs from {string.Join(", ", sameFile)} only in letter case: on Windows and macOS they are one file. Give the cases, variants or relations keys that differ in more than case.",
                Array.Empty<Verdict>()));
            return;
        }

        PanelVerdict check;
        try
        {
            SnapshotResult result;
            if (withOutput is not null)
            {
                SnapshotDocument document = SnapshotDocument.ForRow(evaluation.Prompt, followUpPrompt, withOutput.SnapshotValue, run.SnapshotSettings, run.ProjectDirectory);
                result = await run.SnapshotStore.VerifyAsync(directory, baseName, document, comparison.ByMeaning ? SameMeaning : null, run.Cancellation).ConfigureAwait(false);
            }
            else
            {
                SnapshotDocument prompts = SnapshotDocument.ForPrompt(evaluation.Prompt, followUpPrompt, run.SnapshotSettings, run.ProjectDirectory);
                result = mode == SnapshotOutput.PromptOnly
                    ? await run.SnapshotStore.VerifyAsync(directory, baseName, prompts, null, run.Cancellation).ConfigureAwait(false)
                    : await run.SnapshotStore.CheckPromptAsync(directory, baseName, prompts, run.Cancellation).ConfigureAwait(false);
            }

            // A prompt checked without an output is neither a match nor a miss of the whole snapshot: the counts skip it.
            if (result.Outcome is not (SnapshotOutcome.PromptMatched or SnapshotOutcome.NotCompared))
            {
                run.SnapshotCounts.Record(result);
            }

            VerdictOutcome outcome = result.Passed ? VerdictOutcome.Pass : result.Outcome == SnapshotOutcome.NotCompared ? VerdictOutcome.Inconclusive : VerdictOutcome.Fail;
            string rationale = withOutput is not null && comparison.Note is not null ? result.Message + "\n" + comparison.Note : result.Message;
            check = new PanelVerdict("snapshot", outcome, outcome switch { VerdictOutcome.Pass => 1, VerdictOutcome.Fail => 0, _ => null }, rationale, Array.Empty<Verdict>());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !run.Cancellation.IsCancellationRequested)
        {
            check = new PanelVerdict("snapshot", VerdictOutcome.Inconclusive, null, $"the snapshot {baseName} could not be verified: {ex.GetType().Name}: {ex.Message}", Array.Empty<Verdict>());
        }

        evaluation.AddSnapshotCheck(check);
    }

    /// <summary>The other prompt variants rendered with the row's arguments (for instruction paraphrases).</summary>
    private static EvalInput Converse(RowConversation? conversation, EvalInput input) => conversation is null ? input : conversation.Attach(input);

    private static string[] OtherPrompts(Row row, IReadOnlyDictionary<string, object?> arguments) =>
        row.Method.Variants.Where(v => v.Key != row.Variant.Key).Select(v => PromptTemplate.Render(v.Template, arguments)).ToArray();

    /// <summary>
    /// Calls the eval method once. The timeout starts when a concurrency slot is free (waiting for one does
    /// not count) and ends the call as a <see cref="MethodRun.TimedOut"/> result even if the method ignores
    /// its cancellation token.
    /// </summary>
    private static async Task<MethodRun> CallAsync(EvalRunHost run, object? instance, EvalMethodDescriptor method, Func<CancellationToken, EvalInput> createInput, object?[] arguments, TimeSpan timeout)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        EvalInput input = createInput(cancellation.Token);
        using IDisposable scope = EvalFlow.Enter(run.Flow with
        {
            Call = new EvalCallContext(
                method.SuiteType.FullName ?? method.SuiteType.Name,
                input.RowId,
                input.Trial,
                input.Relation is null ? EvalCallContext.SourcePhase : EvalCallContext.FollowUpPhase),
        });
        await run.SystemUnderTestLimiter.WaitAsync(run.Cancellation).ConfigureAwait(false);
        long started = Stopwatch.GetTimestamp();
        Task<object?>? call = null;
        try
        {
            cancellation.CancelAfter(timeout);
            run.Statistics.SystemUnderTestCalled();

            // On the thread pool, so that a method that blocks synchronously is also bounded by the timeout.
            object?[] callArguments = (object?[])arguments.Clone();
            call = Task.Run(() => method.Invoke(instance, input, callArguments).AsTask(), CancellationToken.None);
            object? output = await call.WaitAsync(cancellation.Token).ConfigureAwait(false);
            return MethodRun.Completed(input, output, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !run.Cancellation.IsCancellationRequested)
        {
            return MethodRun.Failed(input, new TimeoutException(TimeoutMessage(timeout)), Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return MethodRun.Failed(input, ex, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            // A call abandoned at its timeout keeps its concurrency slot until it really ends, so that
            // MaxConcurrency bounds the calls actually running — but at most one more timeout, so that a
            // method that never returns cannot stall the rest of the run.
            if (call is null || call.IsCompleted)
            {
                run.SystemUnderTestLimiter.Release();
            }
            else
            {
                _ = ReleaseAfterAbandonedCallAsync(call, run.SystemUnderTestLimiter, timeout);
            }
        }
    }

    private static async Task ReleaseAfterAbandonedCallAsync(Task call, SemaphoreSlim limiter, TimeSpan grace)
    {
        try
        {
            await call.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The row has already reported its timeout; what the abandoned call does later is not its result.
            _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        try
        {
            limiter.Release();
        }
        catch (ObjectDisposedException)
        {
            // The run ended first.
        }
    }

    /// <summary>
    /// Asks a panel within what is left of the row's judging time (one deadline for all of a row's checks);
    /// a judge that does not answer in time becomes an errored verdict naming it.
    /// </summary>
    private static async Task<PanelVerdict> JudgeAsync(EvalRunHost run, JudgePanel panel, JudgeRequest request, long judgingDeadline, EvalCallContext context)
    {
        TimeSpan remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), judgingDeadline);
        using IDisposable scope = EvalFlow.Enter(run.Flow with { Call = context });
        return await panel.JudgeAsync(request, remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1), run.Cancellation).ConfigureAwait(false);
    }

    private static EvalCallContext JudgeContext(Row row, RowEvaluation evaluation) =>
        new(row.Method.SuiteType.FullName ?? row.Method.SuiteType.Name, row.Id, evaluation.Trial ?? 0, EvalCallContext.JudgePhase);

    private static long Deadline(TimeSpan timeout) => Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    private static string TimeoutMessage(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s (set [Eval(Timeout = ...)] in milliseconds, or RowTimeout in evalspec.json)");

    private static Dictionary<string, object?> Name(EvalMethodDescriptor method, object?[] arguments)
    {
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < method.ParameterNames.Length; i++)
        {
            named[method.ParameterNames[i]] = i < arguments.Length ? arguments[i] : null;
        }

        return named;
    }


    /// <summary>
    /// One line for the default console output when a panel of the row had errored or unreadable judges (whatever the
    /// row's outcome: a passing row is where such errors hide), naming the row, its outcome and the judges; else null.
    /// </summary>
    private static string? JudgeErrorNotice(Row row, RowOutcome evaluation, bool knownFailure)
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
    private static string DisplayName(Row row)
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
    private static RowResult ToResult(EvalRunHost run, Row row, RowOutcome evaluation, DateTimeOffset startedAt, TimeSpan latency)
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

    private static string Describe(Row row, RowOutcome evaluation)
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

        if (evaluation.ModelCalls is { Total: > 0 } calls)
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

    private sealed record Row(EvalMethodDescriptor Method, EvalCaseDescriptor Case, PromptVariant Variant, RelationDescriptor? Relation, string Id);

    /// <summary>A relation row's follow-up input, prepared once for all its trials.</summary>
    private sealed record RelationInput(
        IMetamorphicRelation Transform,
        string SourceInput,
        string FollowUpInput,
        string FollowUpPrompt,
        object?[] FollowUpArguments,
        IReadOnlyDictionary<string, string> Notes,
        double? Similarity)
    {
        /// <summary>For a conversation case: the follow-up conversation the method is sent.</summary>
        public RowConversation? FollowUpConversation { get; init; }
    }

    /// <summary>
    /// What is known about a row (or one trial) while the evaluate stage runs: its inputs, runs and checks, and its decision
    /// (an immutable <see cref="RowDecision"/>, replaced as stages decide). <see cref="ToOutcome"/> freezes it.
    /// </summary>
    private sealed class RowEvaluation
    {
        /// <summary>The trial index, when the row runs several times.</summary>
        public int? Trial { get; init; }

        /// <summary>For a row with several trials: each trial's evaluation.</summary>
        public IReadOnlyList<RowEvaluation>? Trials { get; private init; }

        public IReadOnlyDictionary<string, object?>? Arguments { get; set; }

        public IReadOnlyDictionary<string, object?>? FollowUpArguments { get; set; }

        public string? Prompt { get; set; }

        public string? FollowUpPrompt { get; set; }

        public MethodRun? Source { get; set; }

        public MethodRun? FollowUp { get; set; }

        public IReadOnlyDictionary<string, string>? RelationNotes { get; set; }

        /// <summary>How much of the input's meaning the relation's follow-up input kept (relation rows).</summary>
        public double? InputSimilarity { get; set; }

        public List<PanelVerdict> Checks { get; } = new();

        /// <summary>What the row's message and result say besides its checks (a rubric that no judge checked).</summary>
        public List<string> Notes { get; } = new();

        /// <summary>The eval has a rubric and no rubric judge is registered: the rubric was not checked.</summary>
        public bool RubricNotChecked { get; set; }

        /// <summary>How the row is decided so far.</summary>
        public RowDecision Decision { get; private set; } = RowDecision.NotEvaluated;

        public VerdictOutcome Outcome => Decision.Outcome;

        /// <summary>
        /// The snapshot check of the first trial of a row with several trials. It is kept out of that trial's checks and
        /// outcome (so the trial rule counts the judges' verdicts only) and carried by the row (<see cref="FromTrials"/>).
        /// </summary>
        public PanelVerdict? TrialSnapshotCheck { get; private set; }

        /// <summary>
        /// Decides a row from its trials by the method's rule. The row shows the first trial whose outcome is the
        /// row's (else the first trial) as its prompt, output and checks.
        /// </summary>
        public static RowEvaluation FromTrials(IReadOnlyList<RowEvaluation> trials, EvalMethodDescriptor method)
        {
            TrialSummary summary = TrialSummary.Decide(trials.Select(t => t.Outcome).ToArray(), method.TrialRule, method.PassRate);
            RowEvaluation shown = trials.FirstOrDefault(t => t.Outcome == summary.Outcome) ?? trials[0];
            var row = new RowEvaluation
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
            row.Checks.AddRange(shown.Checks);
            row.Notes.AddRange(shown.Notes);
            row.Decision = RowDecision.FromTrials(summary, shown.Decision, shown.Trial!.Value);

            // The snapshot is of the first trial, but it is the row's: a mismatch fails the row whatever the trial rule
            // (with AnyPass, a passing trial must not hide it).
            if (trials[0].TrialSnapshotCheck is { } snapshot)
            {
                row.Checks.Add(snapshot);
                row.Decision = row.Decision.WithSnapshot(snapshot, row.Checks);
            }

            return row;
        }

        /// <summary>Adds the snapshot check: to a single-trial row's checks and decision, or aside for the first of several trials.</summary>
        public void AddSnapshotCheck(PanelVerdict check)
        {
            if (Trial is not null)
            {
                TrialSnapshotCheck = check;
                return;
            }

            Checks.Add(check);
            Decision = Decision.WithSnapshot(check, Checks);
        }

        /// <summary>Adds the budget check (if the row has budgets) and its notes to the row's checks and decision.</summary>
        public void AddBudgetCheck(PanelVerdict? check, IReadOnlyList<string> notes)
        {
            Notes.AddRange(notes);
            if (check is null)
            {
                return;
            }

            Checks.Add(check);
            Decision = Decision.WithBudget(check, Checks);
        }

        /// <summary>Decides the row otherwise than by its checks (it keeps being reported as not applicable if it was).</summary>
        public void Decide(VerdictOutcome outcome, string reason, Exception? exception = null) =>
            Decision = RowDecision.Of(outcome, reason, exception, timedOut: Source?.TimedOut == true || FollowUp?.TimedOut == true) with { NotApplicable = Decision.NotApplicable };

        public void DecideNotApplicable(string reason) => Decision = RowDecision.NotApplicableBecause(reason);

        /// <summary>Decides the row by its checks (<see cref="RowDecision.FromChecks"/>).</summary>
        public void DecideFromChecks() => Decision = RowDecision.FromChecks(Checks) with { NotApplicable = Decision.NotApplicable };

        /// <summary>The immutable outcome of the evaluation, with the row's model calls.</summary>
        public RowOutcome ToOutcome(Recording.RowModelCalls? modelCalls = null) => new(Decision, Checks.ToArray(), Notes.ToArray())
        {
            Trial = Trial,
            Trials = Trials?.Select(t => t.ToOutcome()).ToArray(),
            Arguments = Arguments,
            FollowUpArguments = FollowUpArguments,
            Prompt = Prompt,
            FollowUpPrompt = FollowUpPrompt,
            Source = Source,
            FollowUp = FollowUp,
            RelationNotes = RelationNotes,
            InputSimilarity = InputSimilarity,
            RubricNotChecked = RubricNotChecked,
            ModelCalls = modelCalls,
        };
    }
}
