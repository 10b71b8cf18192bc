using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Lexical check: sentence BLEU (<see cref="Bleu"/>) of the output against the expected answer (or the source
/// output) must reach the threshold. Suits outputs that should match a reference's wording closely, such as
/// translations.
/// </summary>
/// <remarks>
/// Score: BLEU in [0, 1]. Threshold: the one given to the constructor, else the eval's
/// (<see cref="JudgeRequest.Threshold"/>, 0.5 by default). Sentence BLEU of 0.5 is already a close match, so a
/// lower threshold given to the constructor is usually right. Inconclusive when the request has no reference,
/// or the reference has no tokens.
/// </remarks>
public sealed class BleuJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "bleu";

    /// <summary>Creates the judge.</summary>
    /// <param name="threshold">The pass threshold in [0, 1], or <see langword="null"/> for the request's.</param>
    /// <param name="reference">What the output is compared with.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1], or <paramref name="reference"/> is undefined.</exception>
    public BleuJudge(double? threshold = null, ReferenceSource reference = ReferenceSource.Expected)
    {
        Threshold = JudgeReference.ValidateThreshold(threshold, nameof(threshold));
        Reference = JudgeReference.Validate(reference, nameof(reference));
    }

    /// <summary>The pass threshold, or <see langword="null"/> when the request's is used.</summary>
    public double? Threshold { get; }

    /// <summary>What the output is compared with.</summary>
    public ReferenceSource Reference { get; }

    /// <summary>The BLEU settings. Default: <see cref="BleuOptions.Default"/> (sacrebleu's <c>sentence_bleu</c>).</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public BleuOptions Options
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = BleuOptions.Default;

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several BLEU judges in one panel.</remarks>
    public string Name
    {
        get;
        init => field = JudgeNames.Validate(value);
    } = DefaultName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Judge(request));
    }

    private Verdict Judge(JudgeRequest request)
    {
        if (!JudgeReference.TryGet(request, Reference, out string reference, out string missing))
        {
            return Verdict.Inconclusive(Name, missing);
        }

        string against = JudgeReference.Describe(Reference) + " " + TextSnippets.Quote(reference);
        if (Bleu.Tokenize(Options.Lowercase ? reference.ToLowerInvariant() : reference, Options.Tokenization).Count == 0)
        {
            return Verdict.Inconclusive(Name, $"{against} has no tokens to compare with");
        }

        BleuScore score = Bleu.Sentence(request.Output, reference, Options);
        double threshold = Threshold ?? request.Threshold;
        string precisions = string.Join("/", score.Precisions.Take(score.EffectiveOrder).Select(p => p.ToString("0.00", CultureInfo.InvariantCulture)));
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"sentence BLEU {score.Score:0.00} against {against} (n-gram precisions {(precisions.Length == 0 ? "none" : precisions)}, brevity penalty {score.BrevityPenalty:0.00}; threshold {threshold:0.00})");
        if (score.Score >= threshold)
        {
            return Verdict.Pass(Name, score.Score, "the output matches the wording closely enough: " + detail);
        }

        string empty = score.CandidateLength == 0 ? "; the output has no tokens" : string.Empty;
        return Verdict.Fail(Name, score.Score, "the output does not match the wording closely enough: " + detail + empty);
    }
}
