using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EvalSpec.Judging;

/// <summary>
/// Calls a judge's model: per-attempt timeout, retries with exponential backoff (or the server's
/// <c>Retry-After</c>) on transient errors, and one re-ask when the answer cannot be parsed. Everything that
/// goes wrong ends as an errored, inconclusive verdict with the reason and the raw text — never a silent pass
/// or fail. Counts calls and tokens.
/// </summary>
internal sealed class JudgeModelCaller
{
    private readonly IChatClient _client;
    private readonly LlmJudgeOptions _options;
    private readonly ResiliencePipeline<ChatResponse> _pipeline;

    public JudgeModelCaller(string judge, IChatClient client, LlmJudgeOptions options)
    {
        Judge = judge;
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate(judge);
        Model = options.ChatOptions?.ModelId ?? client.GetService<ChatClientMetadata>()?.DefaultModelId;
        var builder = new ResiliencePipelineBuilder<ChatResponse>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ChatResponse>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && TransientErrors.IsTransient(ex, args.Context.CancellationToken.IsCancellationRequested)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(TransientErrors.RetryAfter(args.Outcome.Exception) is { } wait
                    ? (TimeSpan?)(wait > options.MaxRetryDelay ? options.MaxRetryDelay : wait)
                    : null),
            });
        }

        _pipeline = builder.AddTimeout(options.CallTimeout).Build();
    }

    public string Judge { get; }

    public string? Model { get; }

    /// <summary>
    /// Asks the model and reads the answer with <paramref name="parse"/> (the grammar of <see cref="JudgeAnswers"/>);
    /// when it cannot be read (no verdict, a contradiction, a score off the scale, too long), re-asks once with the
    /// problem and <paramref name="answerInstruction"/>. A call that fails, is filtered, or stays unreadable comes
    /// back with an errored <see cref="JudgeCall{T}.Failure"/> verdict carrying the raw text.
    /// </summary>
    public async Task<JudgeCall<T>> AskAsync<T>(
        IReadOnlyList<ChatMessage> messages,
        ChatResponseFormat? format,
        Func<string, JudgeParse<T>> parse,
        string answerInstruction,
        CancellationToken cancellationToken)
        where T : struct
    {
        // Recording: answers that end in an errored verdict (unreadable, refused, filtered) are flagged in the recordings,
        // so that Auto mode asks the model again instead of replaying them (Replay mode still replays them).
        using Recording.RecordedAnswerScope answers = Recording.RecordedAnswerScope.Begin();
        JudgeCall<T> call = await AskModelAsync(messages, format, parse, answerInstruction, cancellationToken).ConfigureAwait(false);
        if (call.Failure is { } failure)
        {
            answers.MarkUnusable(failure.Rationale);
        }

        return call;
    }

    private async Task<JudgeCall<T>> AskModelAsync<T>(
        IReadOnlyList<ChatMessage> messages,
        ChatResponseFormat? format,
        Func<string, JudgeParse<T>> parse,
        string answerInstruction,
        CancellationToken cancellationToken)
        where T : struct
    {
        var state = new CallState();
        var conversation = new List<ChatMessage>(messages);
        string? firstRaw = null;
        while (true)
        {
            ChatResponse? response = await CallAsync(conversation, format, state, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return state.Fail<T>(Verdict.Error(Judge, $"judge '{Judge}' could not reach its model{ModelSuffix}: {state.LastError}", firstRaw), firstRaw ?? string.Empty);
            }

            string raw = response.Text ?? string.Empty;

            // A too-long answer is kept (in the verdict and in the re-ask) as its start and end only.
            string kept = JudgeAnswers.Keep(raw);
            string shown = firstRaw is null ? kept : firstRaw + "\n---- re-asked ----\n" + kept;
            ErrorContent? refusal = response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>().FirstOrDefault();
            if (refusal is not null)
            {
                return state.Fail<T>(Verdict.Error(Judge, $"judge '{Judge}'{ModelSuffix} refused to judge ({refusal.ErrorCode}): {refusal.Message}", shown), shown);
            }

            if (response.FinishReason == ChatFinishReason.ContentFilter)
            {
                return state.Fail<T>(Verdict.Error(Judge, $"judge '{Judge}'{ModelSuffix} was stopped by the provider's content filter", shown), shown);
            }

            JudgeParse<T> parsed = parse(raw);
            if (parsed.Value is { } value)
            {
                return state.Succeed(value, shown);
            }

            if (firstRaw is not null)
            {
                return state.Fail<T>(Verdict.Error(Judge, $"judge '{Judge}'{ModelSuffix} gave no readable verdict, also when asked again: {parsed.Problem}", shown), shown);
            }

            firstRaw = kept;
            conversation.Add(new ChatMessage(ChatRole.Assistant, kept));
            conversation.Add(new ChatMessage(ChatRole.User, $"Your answer could not be read ({parsed.Problem}). {answerInstruction}"));
        }
    }

    /// <summary>Adds the calls, tokens and model of <paramref name="calls"/> to a verdict.</summary>
    public Verdict Account<T>(Verdict verdict, params JudgeCall<T>[] calls)
        where T : struct
    {
        UsageDetails? usage = null;
        foreach (UsageDetails details in calls.Select(c => c.Usage).OfType<UsageDetails>())
        {
            usage ??= new UsageDetails();
            usage.Add(details);
        }

        return verdict with
        {
            ModelCalls = calls.Sum(c => c.Calls),
            Usage = usage,
            Model = calls.Select(c => c.Model).FirstOrDefault(m => m is not null) ?? Model,
        };
    }

    private string ModelSuffix => Model is null ? string.Empty : $" ({Model})";

    private async Task<ChatResponse?> CallAsync(List<ChatMessage> conversation, ChatResponseFormat? format, CallState state, CancellationToken cancellationToken)
    {
        ChatOptions options = _options.ChatOptions?.Clone() ?? new ChatOptions();
        if (format is not null)
        {
            options.ResponseFormat = format;
        }

        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    state.Calls++;
                    ChatResponse response = await _client.GetResponseAsync(conversation, options, token).ConfigureAwait(false);
                    state.Add(response.Usage);
                    state.Model ??= response.ModelId;
                    return response;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            state.LastError = TransientErrors.Describe(ex) + (TransientErrors.IsTransient(ex, callerCancelled: false) ? $" (after {state.Calls} attempt(s))" : " (not retried: the error is permanent)");
            return null;
        }
    }

    private sealed class CallState
    {
        public int Calls { get; set; }

        public UsageDetails? Usage { get; private set; }

        public string? Model { get; set; }

        public string LastError { get; set; } = "unknown error";

        public JudgeCall<T> Succeed<T>(T value, string raw)
            where T : struct => new(value, raw, null, Calls, Usage, Model);

        public JudgeCall<T> Fail<T>(Verdict failure, string raw)
            where T : struct => new(null, raw, failure, Calls, Usage, Model);

        public void Add(UsageDetails? usage)
        {
            if (usage is null)
            {
                return;
            }

            Usage ??= new UsageDetails();
            Usage.Add(usage);
        }
    }
}

/// <summary>The outcome of asking a judge's model: the parsed answer, or an errored verdict saying why not.</summary>
internal readonly record struct JudgeCall<T>(T? Value, string Raw, Verdict? Failure, int Calls, UsageDetails? Usage, string? Model)
    where T : struct;

/// <summary>A parsed judge answer, or why none could be read.</summary>
internal readonly record struct JudgeParse<T>(T? Value, string Problem)
    where T : struct
{
    public static JudgeParse<T> Of(T value) => new(value, string.Empty);

    public static JudgeParse<T> Unreadable(string problem) => new(null, problem);
}
