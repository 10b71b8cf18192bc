using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace FaqBot;

/// <summary>
/// An FAQ knowledge base with a precomputed embedding per entry, searchable by semantic similarity.
/// </summary>
/// <remarks>
/// Each entry is indexed by the embedding of its <see cref="FaqEntry.Question"/> only. Matching a customer's
/// question against the FAQ's questions is the classic way to do FAQ retrieval: both sides are short questions
/// of the same form, which is what a symmetric sentence-similarity model such as all-MiniLM-L6-v2 is trained
/// to compare, so the similarity score stays comparable across entries and a single confidence threshold is
/// meaningful. Folding the (much longer) answer into the vector would dilute it with details and make scores
/// depend on answer length. Instances are immutable and safe to share between threads; the embedding generator
/// is used, not owned, and is never disposed by the knowledge base.
/// </remarks>
public sealed class FaqKnowledgeBase
{
    /// <summary>The manifest resource name of the built-in Northwind Electronics FAQ.</summary>
    public const string DefaultResourceName = "FaqBot.knowledge.faq.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddingGenerator;
    private readonly FaqEntry[] _entries;
    private readonly ReadOnlyMemory<float>[] _vectors;
    private readonly double[] _norms;

    private FaqKnowledgeBase(
        FaqEntry[] entries,
        ReadOnlyMemory<float>[] vectors,
        IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator)
    {
        _entries = entries;
        Entries = Array.AsReadOnly(entries);
        _vectors = vectors;
        _norms = Array.ConvertAll(vectors, v => Norm(v.Span));
        _embeddingGenerator = embeddingGenerator;
    }

    /// <summary>Gets the entries of the knowledge base, in their original order.</summary>
    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>Embeds the questions of <paramref name="entries"/> and builds a searchable knowledge base.</summary>
    /// <param name="entries">The FAQ entries. Ids must be unique; no field may be empty.</param>
    /// <param name="embeddingGenerator">The generator used for the entries now and for queries later.</param>
    /// <param name="cancellationToken">Cancels the embedding of the entries.</param>
    /// <returns>The knowledge base.</returns>
    /// <exception cref="ArgumentException">An entry is null, has an empty field, or repeats an id.</exception>
    public static async Task<FaqKnowledgeBase> CreateAsync(
        IEnumerable<FaqEntry> entries,
        IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(embeddingGenerator);

        FaqEntry[] items = entries.ToArray();
        if (FindProblem(items) is string problem)
        {
            throw new ArgumentException(problem, nameof(entries));
        }

        ReadOnlyMemory<float>[] vectors = [];
        if (items.Length > 0)
        {
            GeneratedEmbeddings<Embedding<float>> embeddings = await embeddingGenerator
                .GenerateAsync(items.Select(e => e.Question), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (embeddings.Count != items.Length)
            {
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} embeddings for {items.Length} questions.");
            }

            vectors = embeddings.Select(e => e.Vector).ToArray();
        }

        return new FaqKnowledgeBase(items, vectors, embeddingGenerator);
    }

    /// <summary>Reads FAQ entries from a JSON array of <c>{ "id", "question", "answer" }</c> objects.</summary>
    /// <param name="json">The UTF-8 JSON stream; it is read but not closed.</param>
    /// <returns>The entries, in file order.</returns>
    /// <exception cref="JsonException">The stream is not valid JSON of that shape.</exception>
    /// <exception cref="InvalidDataException">An entry is missing a field or repeats an id.</exception>
    public static IReadOnlyList<FaqEntry> LoadEntries(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FaqEntry[] entries = JsonSerializer.Deserialize<FaqEntry[]>(json, JsonOptions)
            ?? throw new InvalidDataException("The FAQ file contains null instead of an array of entries.");
        if (FindProblem(entries) is string problem)
        {
            throw new InvalidDataException(problem);
        }

        return entries;
    }

    /// <summary>Reads the built-in Northwind Electronics FAQ, which is embedded in this assembly.</summary>
    /// <returns>The entries, in file order.</returns>
    public static IReadOnlyList<FaqEntry> LoadDefaultEntries()
    {
        using Stream stream = typeof(FaqKnowledgeBase).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{DefaultResourceName}' is missing from {typeof(FaqKnowledgeBase).Assembly.GetName().Name}.");
        return LoadEntries(stream);
    }

    /// <summary>Finds the entries whose questions are most similar to <paramref name="query"/>.</summary>
    /// <param name="query">The customer's question.</param>
    /// <param name="maxResults">How many entries to return at most; must be positive.</param>
    /// <param name="cancellationToken">Cancels the embedding of the query.</param>
    /// <returns>Up to <paramref name="maxResults"/> matches, most similar first; empty if the knowledge base is empty.</returns>
    public async Task<IReadOnlyList<FaqMatch>> SearchAsync(string query, int maxResults = 3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        if (_vectors.Length == 0)
        {
            return [];
        }

        GeneratedEmbeddings<Embedding<float>> embeddings = await _embeddingGenerator
            .GenerateAsync([query], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (embeddings.Count != 1)
        {
            throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} embeddings for 1 query.");
        }

        ReadOnlySpan<float> queryVector = embeddings[0].Vector.Span;
        double queryNorm = Norm(queryVector);
        var matches = new FaqMatch[_vectors.Length];
        for (int i = 0; i < _vectors.Length; i++)
        {
            matches[i] = new FaqMatch(_entries[i], Cosine(queryVector, queryNorm, _vectors[i].Span, _norms[i]));
        }

        // Stable sort, so ties keep file order and results are deterministic.
        return matches.OrderByDescending(m => m.Similarity).Take(maxResults).ToArray();
    }

    private static double Cosine(ReadOnlySpan<float> a, double normA, ReadOnlySpan<float> b, double normB)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"Embedding dimensions differ: {a.Length} for the query, {b.Length} for an entry.");
        }

        if (normA == 0 || normB == 0)
        {
            return 0;
        }

        double dot = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
        }

        return dot / (normA * normB);
    }

    private static double Norm(ReadOnlySpan<float> vector)
    {
        double sum = 0;
        foreach (float component in vector)
        {
            sum += (double)component * component;
        }

        return Math.Sqrt(sum);
    }

    private static string? FindProblem(FaqEntry?[] entries)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Length; i++)
        {
            FaqEntry? entry = entries[i];
            if (entry is null)
            {
                return $"FAQ entry #{i} is null.";
            }

            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Question) || string.IsNullOrWhiteSpace(entry.Answer))
            {
                return $"FAQ entry #{i} ('{entry.Id}') must have a non-empty id, question and answer.";
            }

            if (!ids.Add(entry.Id))
            {
                return $"FAQ entry id '{entry.Id}' appears more than once.";
            }
        }

        return null;
    }
}
