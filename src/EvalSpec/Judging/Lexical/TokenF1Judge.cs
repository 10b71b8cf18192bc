using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Lexical check: token F1 (<see cref="TextTokens.F1"/>, the SQuAD v1.1 evaluation script's definition) of the
/// output against the expected answer (or the source output) must reach the threshold.
/// </summary>
/// <remarks>
/// Both texts are normalised as in SQuAD (lower case, punctuation and the articles a/an/the removed) and
/// compared as bags of words: precision is the share of output tokens found in the reference, recall the share
/// of reference tokens found in the output (each token counted as often as it occurs in both), F1 their
/// harmonic mean. Score: F1. Threshold: the one given to the constructor, else the eval's
/// (<see cref="JudgeRequest.Threshold"/>, 0.5 by default). Inconclusive when the request has no reference, or
/// the reference has no words.
/// </remarks>
public sealed class TokenF1Judge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "token-f1";

    private const int MaxListedTokens = 10;

    /// <summary>Creates the judge.</summary>
    /// <param name="threshold">The pass threshold in [0, 1], or <see langword="null"/> for the request's.</param>
    /// <param name="reference">What the output is compared with.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside [0, 1], or <paramref name="reference"/> is undefined.</exception>
    public TokenF1Judge(double? threshold = null, ReferenceSource reference = ReferenceSource.Expected)
    {
        Threshold = JudgeReference.ValidateThreshold(threshold, nameof(threshold));
        Reference = JudgeReference.Validate(reference, nameof(reference));
    }

    /// <summary>The pass threshold, or <see langword="null"/> when the request's is used.</summary>
    public double? Threshold { get; }

    /// <summary>What the output is compared with.</summary>
    public ReferenceSource Reference { get; }

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several token-F1 judges in one panel.</remarks>
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
        if (!JudgeReference.TryGet(request, Reference, out string reference, out string missingReference))
        {
            return Verdict.Inconclusive(Name, missingReference);
        }

        string against = JudgeReference.Describe(Reference) + " " + TextSnippets.Quote(reference);
        if (TextTokens.Tokenize(reference).Count == 0)
        {
            return Verdict.Inconclusive(Name, $"{against} has no words to compare with (after removing punctuation and articles)");
        }

        double f1 = TextTokens.F1(request.Output, reference);
        double threshold = Threshold ?? request.Threshold;
        IReadOnlyList<string> missing = TextTokens.Missing(request.Output, reference);
        string missingText = missing.Count == 0
            ? "none"
            : string.Join(", ", missing.Take(MaxListedTokens).Select(t => "\"" + t + "\"")) + (missing.Count > MaxListedTokens ? ", \u2026" : string.Empty);
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"token F1 {f1:0.00} against {against} (threshold {threshold:0.00}); reference words missing from the output: {missingText}");
        return f1 >= threshold
            ? Verdict.Pass(Name, f1, "the output shares enough words: " + detail)
            : Verdict.Fail(Name, f1, "the output does not share enough words: " + detail);
    }
}
