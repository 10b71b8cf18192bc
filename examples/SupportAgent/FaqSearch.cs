using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SupportAgent;

/// <summary>
/// Retrieval over the shop's FAQ: the passages closest in meaning to a question, by the cosine of sentence embeddings
/// (the local MiniLM model in the example's evals).
/// </summary>
public sealed class FaqSearch
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReadOnlyMemory<float>[]? _passageVectors;

    /// <summary>Creates the search over <see cref="Passages"/>.</summary>
    /// <param name="embeddings">The sentence-embedding model.</param>
    public FaqSearch(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        _embeddings = embeddings ?? throw new ArgumentNullException(nameof(embeddings));
    }

    /// <summary>The FAQ, one passage per answer.</summary>
    public static IReadOnlyList<string> Passages { get; } =
    [
        "Returns: you can return an item within 30 days of delivery for a full refund. Items delivered more than 30 days ago cannot be returned.",
        "Refunds: once we receive your return, the refund reaches your original payment method within 5 business days.",
        "Return shipping: we email a prepaid return label when a return is created. Pack the item with its receipt.",
        "Delivery: standard delivery takes 3 to 5 business days after an order ships. You can follow a shipped order with its tracking link.",
        "Cancellations: an order that has not shipped yet can be cancelled from your account page at no cost.",
        "Warranty: electronics have a 2-year warranty against defects. A defect after the return window is repaired or replaced under warranty.",
        "Payment: we accept credit cards and PayPal. You are charged when the order ships.",
    ];

    /// <summary>The <paramref name="top"/> passages most similar to <paramref name="question"/>, most similar first.</summary>
    /// <param name="question">The customer's question.</param>
    /// <param name="top">How many passages.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async Task<IReadOnlyList<string>> SearchAsync(string question, int top, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<float>[] passages = await PassageVectorsAsync(cancellationToken).ConfigureAwait(false);
        Embedding<float> query = await _embeddings.GenerateAsync(question, cancellationToken: cancellationToken).ConfigureAwait(false);
        return passages
            .Select((vector, index) => (Index: index, Score: TensorPrimitives.CosineSimilarity(query.Vector.Span, vector.Span)))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Index)
            .Take(top)
            .Select(p => Passages[p.Index])
            .ToList();
    }

    private async Task<ReadOnlyMemory<float>[]> PassageVectorsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _passageVectors) is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_passageVectors is null)
            {
                GeneratedEmbeddings<Embedding<float>> generated = await _embeddings.GenerateAsync(Passages, cancellationToken: cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _passageVectors, generated.Select(e => e.Vector).ToArray());
            }

            return _passageVectors!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
