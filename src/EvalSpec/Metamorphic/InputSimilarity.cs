using System;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using Microsoft.Extensions.AI;

namespace EvalSpec.Metamorphic;

/// <summary>
/// How much of a source input's meaning a relation's follow-up input kept, in [0, 1]: the weight of a relation row in
/// the METAL-style weighted attack success rate. The cosine similarity of embeddings when an
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> is registered in the startup, else the token F1 of the two
/// inputs (a lexical stand-in that under-rates paraphrases and typos).
/// </summary>
internal sealed class InputSimilarity
{
    /// <summary>Names the lexical measure in summaries.</summary>
    public const string TokenF1 = "token-f1";

    /// <summary>Names the embedding measure in summaries.</summary>
    public const string EmbeddingCosine = "embedding-cosine";

    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private int _fallbacks;

    public InputSimilarity(IEmbeddingGenerator<string, Embedding<float>>? generator)
    {
        _generator = generator;
    }

    /// <summary>The measure used: <see cref="EmbeddingCosine"/> or <see cref="TokenF1"/>.</summary>
    public string Measure => _generator is null ? TokenF1 : EmbeddingCosine;

    /// <summary>Rows measured by token F1 because the embedding generator failed on them.</summary>
    public int Fallbacks => Volatile.Read(ref _fallbacks);

    /// <summary>
    /// The similarity of the two inputs; token F1 for a row whose embeddings could not be computed within
    /// <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="Recording.RecordingMissException">Replay mode and the embeddings of the two inputs were not recorded.</exception>
    public async Task<double> ComputeAsync(string source, string followUp, TimeSpan timeout, CancellationToken runCancellation)
    {
        if (_generator is not null)
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
            cancellation.CancelAfter(timeout);
            try
            {
                GeneratedEmbeddings<Embedding<float>> embeddings = await _generator.GenerateAsync([source, followUp], options: null, cancellation.Token).ConfigureAwait(false);
                if (embeddings is { Count: 2 } && embeddings[0].Vector.Length == embeddings[1].Vector.Length
                    && EmbeddingSimilarityJudge.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span) is double cosine)
                {
                    return Math.Clamp(cosine, 0, 1);
                }
            }
            catch (OperationCanceledException) when (runCancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Recording.RecordingMissException)
            {
                // Replay is strict: a similarity that is not recorded fails the row rather than turning into token F1 unseen.
                throw;
            }
            catch (Exception)
            {
                // A failure or a timeout: counted below; the summary says how many rows fell back to token F1.
            }

            Interlocked.Increment(ref _fallbacks);
        }

        return TextTokens.F1(followUp, source);
    }
}
