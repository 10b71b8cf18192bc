using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;

namespace EvalSpec.ModelCalls;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="DistributedCachingChatClient"/> keyed like recordings: the request hash of
/// <see cref="RequestFingerprint"/> (client name, model, messages, options, tools; never credentials, endpoints or
/// headers, which this middleware never sees), the trial and the occurrence of the request within its row context, and
/// whether it streams (a stream is cached as its updates), and a hash of the endpoint (<see cref="EndpointOf"/>). Keys are
/// <c>evalspec:chat:v2:&lt;endpoint hash&gt;:&lt;hash&gt;:&lt;trial&gt;:&lt;occurrence&gt;[:stream]</c>.
/// </summary>
internal sealed class EvalCachingChatClient : DistributedCachingChatClient
{
    /// <summary>Bump when the key or the stored form changes, so that old entries miss instead of answering.</summary>
    /// <remarks>2: the endpoint is part of the key.</remarks>
    private const int KeyVersion = 2;

    private readonly string _name;
    private readonly CachedCallOccurrences _occurrences;

    public EvalCachingChatClient(IChatClient innerClient, ResponseCache storage, string name, CachedCallOccurrences occurrences)
        : base(innerClient, storage)
    {
        _name = name;
        _occurrences = occurrences;
    }

    /// <summary>
    /// The key of <see cref="ChatResponse.AdditionalProperties"/> that marks an answer served by the cache: the model was not
    /// asked, so its usage is not a live call's and its timing says nothing about the model's latency (budgets treat it as
    /// replayed). The recording client removes the mark before anything is recorded.
    /// </summary>
    internal const string CachedMark = "evalspec.cached";

    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        ChatResponse? cached = await base.ReadCacheAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            (cached.AdditionalProperties ??= new())[CachedMark] = true;
        }

        return cached;
    }

    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatResponseUpdate>? cached = await base.ReadCacheStreamingAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is { Count: > 0 })
        {
            (cached[0].AdditionalProperties ??= new())[CachedMark] = true;
        }

        return cached;
    }

    /// <summary>Whether <paramref name="properties"/> carry the cache's mark; removes it, so that it is never recorded.</summary>
    internal static bool TakeMark(AdditionalPropertiesDictionary? properties) => properties?.Remove(CachedMark) == true;

    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        IReadOnlyList<ChatMessage> conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        string? model = options?.ModelId ?? this.GetService<ChatClientMetadata>()?.DefaultModelId;
        string hash = RequestFingerprint.Chat(_name, model, conversation, options);
        EvalCallContext? context = EvalCallContext.Current;
        int occurrence = _occurrences.Next(context?.ToString() ?? RecordingContext.NoRow, hash);
        bool streaming = additionalValues.Length > 0 && additionalValues[0] is true;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"chat:v{KeyVersion}:{EndpointOf(this.GetService<ChatClientMetadata>()?.ProviderUri)}:{hash}:{context?.Trial ?? 0}:{occurrence}{(streaming ? ":stream" : string.Empty)}");
    }

    /// <summary>
    /// Which endpoint answered, as the first 16 hex digits of the SHA-256 of its scheme, host, port and path: two endpoints
    /// serving the same client name and model id (two Azure deployments, two self-hosted servers) never share answers. The
    /// user information and the query (where a key may be) are left out; "any" when the client names no endpoint.
    /// </summary>
    internal static string EndpointOf(Uri? endpoint)
    {
        if (endpoint is null || !endpoint.IsAbsoluteUri)
        {
            return "any";
        }

        string where = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return Persistence.ShortHash.Of(where);
    }
}
