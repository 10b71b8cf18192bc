using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Semantic check: the cosine similarity between embeddings of the output and of the expected answer (or of
/// the source output, for invariance) must reach the threshold. Unlike the lexical judges it accepts a
/// paraphrase that shares few words with the reference.
/// </summary>
/// <remarks>
/// <para>
/// Both texts are embedded in one call to the <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>. The score is
/// the cosine similarity clamped to [0, 1] (a negative similarity scores 0); the rationale gives the unclamped value.
/// </para>
/// <para>
/// The default threshold, <see cref="DefaultThreshold"/> = 0.75, is calibrated for all-MiniLM-L6-v2 (the
/// EvalSpec.Embeddings.MiniLM package). With that model, paraphrases of a short answer measured 0.79 to 0.97,
/// unrelated answers (a different topic, a refusal, "please contact support") -0.12 to 0.25, and the
/// contradiction "Laptops cannot be returned." against "You can return a laptop within 30 days of delivery."
/// 0.70. Other models spread similarities differently: calibrate the threshold on a few pairs of your own.
/// </para>
/// <para>
/// Embeddings capture topic and phrasing, not facts: "within 14 days" scores 0.97 against "within 30 days".
/// Pair this judge with a fact check (<see cref="ExpectedAnswerJudge"/>, <see cref="NumericToleranceJudge"/>,
/// <see cref="ContainsJudge"/>) when numbers or negations matter.
/// </para>
/// <para>
/// The verdict is inconclusive when the request has no reference, when the generator throws (the rationale names
/// the generator and the error), returns the wrong number of embeddings, or returns vectors that cannot be
/// compared (different lengths, zero length). An empty output is embedded and compared all the same, and the
/// rationale says it was empty. Cancellation of <c>cancellationToken</c> is not turned into a verdict.
/// </para>
/// </remarks>
public sealed class EmbeddingSimilarityJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "embedding-similarity";

    /// <summary>The default pass threshold, calibrated for all-MiniLM-L6-v2 (see the remarks of <see cref="EmbeddingSimilarityJudge"/>).</summary>
    public const double DefaultThreshold = 0.75;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;

    /// <summary>Creates the judge.</summary>
    /// <param name="generator">The embedding generator; the judge does not dispose it.</param>
    /// <param name="threshold">The pass threshold for the cosine similarity, in [0, 1].</param>
    /// <param name="reference">What the output is compared with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1], or <paramref name="reference"/> is undefined.</exception>
    public EmbeddingSimilarityJudge(IEmbeddingGenerator<string, Embedding<float>> generator, double threshold = DefaultThreshold, ReferenceSource reference = ReferenceSource.Expected)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        Threshold = JudgeReference.ValidateThreshold(threshold, nameof(threshold))!.Value;
        Reference = JudgeReference.Validate(reference, nameof(reference));
        GeneratorDescription = Describe(generator);
    }

    /// <summary>The pass threshold for the cosine similarity.</summary>
    public double Threshold { get; }

    /// <summary>What the output is compared with.</summary>
    public ReferenceSource Reference { get; }

    /// <summary>
    /// How the generator is named in rationales: its provider and model from <see cref="EmbeddingGeneratorMetadata"/>
    /// when it reports them, and its type.
    /// </summary>
    public string GeneratorDescription { get; }

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several embedding judges in one panel.</remarks>
    public string Name
    {
        get;
        init => field = JudgeNames.Validate(value);
    } = DefaultName;

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!JudgeReference.TryGet(request, Reference, out string reference, out string missing))
        {
            return Verdict.Inconclusive(Name, missing);
        }

        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await _generator.GenerateAsync([request.Output, reference], options: null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Verdict.Error(Name, $"embedding generator {GeneratorDescription} threw {ex.GetType().Name}: {ex.Message}");
        }

        if (embeddings is null || embeddings.Count != 2)
        {
            return Verdict.Error(
                Name,
                string.Create(CultureInfo.InvariantCulture, $"embedding generator {GeneratorDescription} returned {embeddings?.Count ?? 0} embedding(s) for 2 texts"));
        }

        ReadOnlySpan<float> output = embeddings[0].Vector.Span;
        ReadOnlySpan<float> expected = embeddings[1].Vector.Span;
        if (output.Length != expected.Length || output.Length == 0)
        {
            return Verdict.Error(
                Name,
                string.Create(CultureInfo.InvariantCulture, $"embedding generator {GeneratorDescription} returned vectors of {output.Length} and {expected.Length} dimensions, which cannot be compared"));
        }

        if (CosineSimilarity(output, expected) is not double cosine)
        {
            return Verdict.Error(Name, $"embedding generator {GeneratorDescription} returned a zero vector (or one with NaN or infinite components), which has no direction to compare");
        }

        string against = JudgeReference.Describe(Reference) + " " + TextSnippets.Quote(reference);
        string empty = request.Output.Length == 0 ? "the output is empty (compared all the same); " : string.Empty;
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{empty}cosine similarity {cosine:0.000} between the output and {against} (threshold {Threshold:0.00}; embeddings by {GeneratorDescription})");
        double score = Math.Clamp(cosine, 0, 1);
        return cosine >= Threshold
            ? Verdict.Pass(Name, score, "the output means much the same: " + detail)
            : Verdict.Fail(Name, score, "the output is not similar enough in meaning: " + detail);
    }

    internal static double? CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        double cosine = dot / (Math.Sqrt(normA) * Math.Sqrt(normB));
        return double.IsFinite(cosine) ? Math.Clamp(cosine, -1, 1) : null;
    }

    private static string Describe(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        string type = generator.GetType().Name;
        EmbeddingGeneratorMetadata? metadata;
        try
        {
            metadata = generator.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A generator whose GetService fails is still usable; it is named by its type.
            metadata = null;
        }

        string? provider = metadata?.ProviderName;
        string? model = metadata?.DefaultModelId;
        string name = (provider, model) switch
        {
            (null, null) => string.Empty,
            (not null, null) => provider,
            (null, not null) => model,
            _ => provider + "/" + model,
        };
        return name.Length == 0 ? $"'{type}'" : $"'{name}' ({type})";
    }
}
