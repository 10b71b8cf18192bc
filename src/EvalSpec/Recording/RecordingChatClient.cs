using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// Chat middleware that records and replays answers through the run's <see cref="RecordingSession"/>, found at call time in
/// the run's flow (<see cref="EvalFlow"/>);
/// without a session (code used outside an EvalSpec run) calls pass through unchanged.
/// </summary>
internal sealed class RecordingChatClient : DelegatingChatClient
{
    public RecordingChatClient(IChatClient innerClient, string name)
        : base(innerClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The client's name in keys and recordings ("sut", "judge-a"...).</summary>
    public string Name { get; }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        RecordingSession? session = EvalFlow.Current?.Recording;
        if (session is null || session.PassesThrough)
        {
            ChatResponse passed = await PassThroughAsync(session, () => Next(session).GetResponseAsync(messages, options, cancellationToken)).ConfigureAwait(false);
            session?.Usage.Add(EvalCallContext.Current, passed.ModelId, passed.Usage, replayed: ModelCalls.EvalCachingChatClient.TakeMark(passed.AdditionalProperties));
            return passed;
        }

        IReadOnlyList<ChatMessage> conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        RecordingCall call = Describe(conversation, options);
        if (session.Lookup(call) is { } recorded)
        {
            ChatResponse replayed = session.Read(call, recorded, RecordedResponses.ToChatResponse);
            session.Usage.Add(EvalCallContext.Current, replayed.ModelId, replayed.Usage, replayed: true);
            return replayed;
        }

        ChatResponse response;
        try
        {
            response = await Next(session).GetResponseAsync(conversation, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A failed call records nothing, and keeps the row's entries in a Record run (see RecordingSession).
            session.CallFailed(call);
            throw;
        }

        // An answer of the shared cache is recorded like a live one (Auto mode), but its usage counts as replayed.
        bool cached = ModelCalls.EvalCachingChatClient.TakeMark(response.AdditionalProperties);
        session.Record(call, RecordedResponses.FromChatResponse(response, Name, ToolCallIds.Of(conversation)));
        session.Usage.Add(EvalCallContext.Current, response.ModelId, response.Usage, replayed: cached);
        return response;
    }

    /// <remarks>
    /// A live stream is passed on update by update and recorded, once complete, as the response its updates make up
    /// (an abandoned or failed stream is not recorded, and keeps its row's entries in a Record run); a replay streams that
    /// response's updates. Streaming is not part of the key: a streamed call replays an answer recorded without streaming,
    /// and the other way round.
    /// </remarks>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordingSession? session = EvalFlow.Current?.Recording;
        if (session is null || session.PassesThrough)
        {
            session?.CountLive(EvalCallContext.Current);
            UsageDetails? streamed = null;
            string? streamedModel = null;
            bool cachedStream = false;
            await foreach (ChatResponseUpdate update in Next(session).GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                streamedModel ??= update.ModelId;
                cachedStream |= ModelCalls.EvalCachingChatClient.TakeMark(update.AdditionalProperties);
                foreach (UsageContent usage in update.Contents.OfType<UsageContent>())
                {
                    (streamed ??= new UsageDetails()).Add(usage.Details);
                }

                yield return update;
            }

            session?.Usage.Add(EvalCallContext.Current, streamedModel, streamed, replayed: cachedStream);
            yield break;
        }

        IReadOnlyList<ChatMessage> conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        RecordingCall call = Describe(conversation, options);
        if (session.Lookup(call) is { } recorded)
        {
            ChatResponse replayed = session.Read(call, recorded, RecordedResponses.ToChatResponse);
            session.Usage.Add(EvalCallContext.Current, replayed.ModelId, replayed.Usage, replayed: true);
            foreach (ChatResponseUpdate update in replayed.ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        var updates = new List<ChatResponseUpdate>();
        bool ended = false;
        try
        {
            await using (IAsyncEnumerator<ChatResponseUpdate> stream = Next(session).GetStreamingResponseAsync(conversation, options, cancellationToken).GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    // A stream that fails records nothing and keeps the row's entries.
                    try
                    {
                        if (!await stream.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception)
                    {
                        ended = true;
                        session.CallFailed(call);
                        throw;
                    }

                    updates.Add(stream.Current);
                    yield return stream.Current;
                }
            }

            ended = true;
        }
        finally
        {
            // The caller stopped reading before the end (or disposing the provider's stream threw): nothing is recorded, and
            // the row keeps its entries, since it did not make this call completely.
            if (!ended)
            {
                session.CallAbandoned(call);
            }
        }

        ChatResponse whole = updates.ToChatResponse();
        bool cached = ModelCalls.EvalCachingChatClient.TakeMark(whole.AdditionalProperties) | updates.Aggregate(false, (any, u) => ModelCalls.EvalCachingChatClient.TakeMark(u.AdditionalProperties) | any);
        session.Record(call, RecordedResponses.FromChatResponse(whole, Name, ToolCallIds.Of(conversation)));
        session.Usage.Add(EvalCallContext.Current, whole.ModelId, whole.Usage, replayed: cached);
    }

    /// <summary>
    /// Where a call the recordings do not answer goes: through the run's <see cref="ModelCalls.ModelCallPipeline"/> (shared
    /// cache, rate limits, telemetry) to the provider, or straight to the provider outside a run. Built once per run.
    /// </summary>
    private IChatClient Next(RecordingSession? session)
    {
        if (session?.ModelCalls is not { } pipeline)
        {
            return InnerClient;
        }

        Routed? routed = Volatile.Read(ref _routed);
        if (routed is not null && ReferenceEquals(routed.Pipeline, pipeline))
        {
            return routed.Client;
        }

        // Two calls racing here build two pipelines; both work, and the run disposes both.
        routed = new Routed(pipeline, pipeline.Wrap(InnerClient, Name));
        Volatile.Write(ref _routed, routed);
        return routed.Client;
    }

    private Routed? _routed;

    private sealed record Routed(ModelCalls.ModelCallPipeline Pipeline, IChatClient Client);

    /// <summary>A call outside recording (no session, or Live mode): counted, failures too.</summary>
    internal static async Task<T> PassThroughAsync<T>(RecordingSession? session, Func<Task<T>> call)
    {
        EvalCallContext? context = EvalCallContext.Current;
        T result;
        try
        {
            result = await call().ConfigureAwait(false);
        }
        catch (Exception) when (session is not null)
        {
            session.CountLiveFailure(context);
            throw;
        }

        session?.CountLive(context);
        return result;
    }

    private RecordingCall Describe(IReadOnlyList<ChatMessage> conversation, ChatOptions? options)
    {
        string? model = options?.ModelId ?? this.GetService<ChatClientMetadata>()?.DefaultModelId;
        string hash = RequestFingerprint.Chat(Name, model, conversation, options);
        return new RecordingCall(
            EvalCallContext.Current,
            Name,
            RequestFingerprint.ChatKind,
            hash,
            () => RequestFingerprint.ChatSummary(model, conversation, options),
            RequestFingerprint.LegacyChat(hash, Name, model, conversation, options));
    }
}
