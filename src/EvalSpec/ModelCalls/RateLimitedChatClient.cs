using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using Microsoft.Extensions.AI;

namespace EvalSpec.ModelCalls;

/// <summary>
/// Keeps calls to each provider and model within their <see cref="RateLimitOptions"/>: a call waits for the
/// <see cref="ModelCallGate"/> of its provider and model, and an answer that says to slow down (HTTP 429, or an error with
/// <c>Retry-After</c>) halves the calls in flight, holds new ones for the <c>Retry-After</c>, and is tried again up to
/// <see cref="RateLimitOptions.RetriesOn429"/> times. Calls to a model without limits pass through.
/// </summary>
internal sealed class RateLimitedChatClient : DelegatingChatClient
{
    private readonly Func<string, string, ModelCallGate?> _gates;

    /// <param name="innerClient">The provider's client.</param>
    /// <param name="gates">The run's gate for a provider and model, or null when that model has no limits.</param>
    public RateLimitedChatClient(IChatClient innerClient, Func<string, string, ModelCallGate?> gates)
        : base(innerClient)
    {
        _gates = gates;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ModelCallGate? gate = GateFor(options);
        if (gate is null)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<ChatMessage> conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        for (int attempt = 0; ; attempt++)
        {
            ChatResponse response;
            using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    response = await base.GetResponseAsync(conversation, options, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (SlowDown(ex) is { } wait)
                {
                    TimeSpan pause = Pause(gate.Limit, wait, attempt);
                    gate.Concurrency.RateLimited(pause);
                    if (attempt >= gate.Limit.RetriesOn429)
                    {
                        throw;
                    }

                    continue;
                }
            }

            gate.Concurrency.Succeeded();
            await gate.EndedAsync(response.Usage?.TotalTokenCount ?? (response.Usage?.InputTokenCount ?? 0) + (response.Usage?.OutputTokenCount ?? 0)).ConfigureAwait(false);
            return response;
        }
    }

    /// <remarks>A stream is limited like a call, but not tried again: a 429 halves the limit and reaches the caller.</remarks>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ModelCallGate? gate = GateFor(options);
        if (gate is null)
        {
            await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        long tokens = 0;
        using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await using IAsyncEnumerator<ChatResponseUpdate> stream = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (SlowDown(ex) is { } wait)
                {
                    gate.Concurrency.RateLimited(Pause(gate.Limit, wait, 0));
                    throw;
                }

                foreach (AIContent content in stream.Current.Contents)
                {
                    if (content is UsageContent usage)
                    {
                        tokens += usage.Details.TotalTokenCount ?? (usage.Details.InputTokenCount ?? 0) + (usage.Details.OutputTokenCount ?? 0);
                    }
                }

                yield return stream.Current;
            }
        }

        gate.Concurrency.Succeeded();
        await gate.EndedAsync(tokens).ConfigureAwait(false);
    }

    private ModelCallGate? GateFor(ChatOptions? options)
    {
        ChatClientMetadata? metadata = this.GetService<ChatClientMetadata>();
        string model = options?.ModelId ?? metadata?.DefaultModelId ?? "unknown";
        string provider = metadata?.ProviderName ?? "unknown";
        return _gates(provider, model);
    }

    /// <summary>
    /// How long the server asked to wait, when <paramref name="exception"/> says to slow down: HTTP 429 (not OpenAI's
    /// <c>insufficient_quota</c>, which waiting does not cure), or any transient error with <c>Retry-After</c>. Zero when a
    /// 429 names no wait.
    /// </summary>
    internal static TimeSpan? SlowDown(Exception exception)
    {
        if (!TransientErrors.IsTransient(exception, callerCancelled: false))
        {
            return null;
        }

        TimeSpan? retryAfter = TransientErrors.RetryAfter(exception);
        return retryAfter ?? (TransientErrors.StatusOf(exception) == 429 ? TimeSpan.Zero : null);
    }

    /// <summary>The server's wait, at most <see cref="RateLimitOptions.MaxRetryAfter"/>; without one, 1 s doubling per attempt.</summary>
    private static TimeSpan Pause(RateLimitOptions limit, TimeSpan retryAfter, int attempt)
    {
        TimeSpan wait = retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt, 6)));
        return wait > limit.MaxRetryAfter ? limit.MaxRetryAfter : wait;
    }
}
