using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// A streaming chat model in memory (the fake OpenAI server does not stream): answers "Hello, {last user message}!" in
/// three chunks and a usage update, and counts its calls. With <see cref="Fail"/>, any call throws.
/// </summary>
internal sealed class InMemoryStreamingChatClient : IChatClient
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public bool Fail { get; set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Fail)
        {
            throw new InvalidOperationException("The in-memory model was called.");
        }

        string user = messages.Last(m => m.Role == ChatRole.User).Text;
        foreach (string chunk in new[] { "Hello, ", user, "!" })
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ResponseId = "resp-1", MessageId = "msg-1", ModelId = "stream-model" };
        }

        yield return new ChatResponseUpdate
        {
            Contents = [new UsageContent(new UsageDetails { InputTokenCount = 5, OutputTokenCount = 3, TotalTokenCount = 8 })],
            FinishReason = ChatFinishReason.Stop,
            CreatedAt = DateTimeOffset.UtcNow,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("in-memory", null, "stream-model") : null;

    public void Dispose()
    {
    }
}

/// <summary>
/// An embedding model in memory: a deterministic 8-dimensional vector per input with values that do not print short
/// (thirds, tiny and negative numbers), counting its calls. With <see cref="Fail"/>, any call throws.
/// </summary>
internal sealed class InMemoryEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public bool Fail { get; set; }

    public static float[] VectorOf(string input)
    {
        int seed = input.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
        return Enumerable.Range(0, 8).Select(i => (float)((((seed >> i) & 0xFF) - 128) / 3.0) * (i % 3 == 0 ? 1e-7f : 1f)).ToArray();
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Fail)
        {
            throw new InvalidOperationException("The in-memory embedding model was called.");
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(VectorOf(v)) { ModelId = "mini-embed", CreatedAt = DateTimeOffset.UtcNow }))
        {
            Usage = new UsageDetails { InputTokenCount = values.Count() },
        };
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("in-memory", null, "mini-embed", 8) : null;

    public void Dispose()
    {
    }
}
