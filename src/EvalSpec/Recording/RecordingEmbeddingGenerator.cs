using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// Embedding middleware that records and replays generated vectors through the run's <see cref="RecordingSession"/>, found
/// at call time; without a session calls pass through unchanged. One entry per call (a batch of inputs).
/// </summary>
internal sealed class RecordingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    public RecordingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, string name)
        : base(innerGenerator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The generator's name in keys and recordings.</summary>
    public string Name { get; }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        RecordingSession? session = EvalFlow.Current?.Recording;
        if (session is null || session.PassesThrough)
        {
            return await RecordingChatClient.PassThroughAsync(session, () => base.GenerateAsync(values, options, cancellationToken)).ConfigureAwait(false);
        }

        IReadOnlyList<string> inputs = values as IReadOnlyList<string> ?? values.ToList();
        string? model = options?.ModelId ?? this.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        var call = new RecordingCall(
            EvalCallContext.Current,
            Name,
            RequestFingerprint.EmbeddingsKind,
            RequestFingerprint.Embeddings(Name, model, inputs, options),
            () => RequestFingerprint.EmbeddingsSummary(model, inputs));
        if (session.Lookup(call) is { } recorded)
        {
            return session.Read(call, recorded, entry => RecordedResponses.ToEmbeddings(entry.Response));
        }

        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await base.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A failed call records nothing, and keeps the row's entries in a Record run (see RecordingSession).
            session.CallFailed(call);
            throw;
        }

        session.Record(call, RecordedResponses.FromEmbeddings(embeddings));
        return embeddings;
    }
}
