using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// Sentence-level BLEU (Papineni et al., 2002) of a candidate against one or more references, with the
/// smoothing methods of Chen &amp; Cherry (2014) that sacrebleu and NLTK use for single sentences.
/// </summary>
/// <remarks>
/// <para>
/// Definition, for n-gram orders 1..N (<see cref="BleuOptions.MaxOrder"/>, 4 by default): the modified
/// precision p_n is the number of candidate n-grams that occur in a reference, each counted at most as often
/// as it occurs in the one reference where it occurs most (clipping), divided by the number of candidate
/// n-grams. With c candidate tokens and r the length of the reference closest in length to the candidate
/// (the shorter one on a tie), the brevity penalty is BP = 1 if c &gt; r, exp(1 - r/c) if 0 &lt; c &lt;= r, and 0 if
/// c = 0. BLEU = BP * exp((1/N') * sum of ln p_n for n = 1..N'), where N' is N, or with
/// <see cref="BleuOptions.EffectiveOrder"/> the highest order for which the candidate has n-grams. A candidate
/// with no matching unigram scores 0; an order with no match is handled by <see cref="BleuOptions.Smoothing"/>.
/// </para>
/// <para>
/// With the default <see cref="BleuOptions"/> this is sacrebleu's <c>sentence_bleu(candidate, references)</c>
/// divided by 100. Offered smoothings: <see cref="BleuSmoothing.None"/>, <see cref="BleuSmoothing.Epsilon"/>
/// (NLTK method1, sacrebleu <c>floor</c>) and <see cref="BleuSmoothing.Exponential"/> (sacrebleu <c>exp</c>, NLTK
/// method3). BLEU is meant for corpora; on one sentence it is noisy, and it rewards shared wording, not
/// shared meaning.
/// </para>
/// </remarks>
public static partial class Bleu
{
    /// <summary>Computes sentence BLEU of <paramref name="candidate"/> against one reference.</summary>
    /// <param name="candidate">The text being evaluated.</param>
    /// <param name="reference">The reference text.</param>
    /// <param name="options">The settings; <see cref="BleuOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The score and its statistics.</returns>
    public static BleuScore Sentence(string? candidate, string? reference, BleuOptions? options = null) =>
        Sentence(candidate, [reference ?? string.Empty], options);

    /// <summary>Computes sentence BLEU of <paramref name="candidate"/> against several references.</summary>
    /// <param name="candidate">The text being evaluated.</param>
    /// <param name="references">The reference texts; at least one.</param>
    /// <param name="options">The settings; <see cref="BleuOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The score and its statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="references"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="references"/> is empty.</exception>
    public static BleuScore Sentence(string? candidate, IEnumerable<string?> references, BleuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(references);
        options ??= BleuOptions.Default;
        IReadOnlyList<string> hypothesis = Tokenize(candidate, options);
        IReadOnlyList<string>[] refs = references.Select(r => Tokenize(r, options)).ToArray();
        if (refs.Length == 0)
        {
            throw new ArgumentException("BLEU needs at least one reference.", nameof(references));
        }

        return Compute(hypothesis, refs, options);
    }

    /// <summary>Splits text into BLEU tokens.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokenization">The tokenizer.</param>
    /// <returns>The tokens, in order.</returns>
    public static IReadOnlyList<string> Tokenize(string? text, BleuTokenization tokenization)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return tokenization switch
        {
            BleuTokenization.Mteval13a => SplitOnWhiteSpace(Tokenize13a(text)),
            BleuTokenization.Whitespace => SplitOnWhiteSpace(text),
            _ => throw new ArgumentOutOfRangeException(nameof(tokenization), tokenization, "Unknown BLEU tokenization."),
        };
    }

    private static IReadOnlyList<string> Tokenize(string? text, BleuOptions options) =>
        Tokenize(options.Lowercase ? text?.ToLowerInvariant() : text, options.Tokenization);

    private static BleuScore Compute(IReadOnlyList<string> hypothesis, IReadOnlyList<string>[] references, BleuOptions options)
    {
        int order = options.MaxOrder;
        var matches = new int[order];
        var totals = new int[order];
        var precisions = new double[order];
        for (int n = 1; n <= order; n++)
        {
            Dictionary<string, int> candidateCounts = NGramCounts(hypothesis, n);
            var maxReferenceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (IReadOnlyList<string> reference in references)
            {
                foreach ((string ngram, int count) in NGramCounts(reference, n))
                {
                    maxReferenceCounts[ngram] = Math.Max(count, maxReferenceCounts.GetValueOrDefault(ngram));
                }
            }

            foreach ((string ngram, int count) in candidateCounts)
            {
                totals[n - 1] += count;
                matches[n - 1] += Math.Min(count, maxReferenceCounts.GetValueOrDefault(ngram));
            }
        }

        int c = hypothesis.Count;
        int r = ClosestReferenceLength(references, c);
        double brevityPenalty = c == 0 ? 0 : c > r ? 1 : Math.Exp(1 - ((double)r / c));
        int effectiveOrder = options.EffectiveOrder ? totals.Count(t => t > 0) : order;
        if (matches[0] == 0 || effectiveOrder == 0)
        {
            return new BleuScore(0, brevityPenalty, c, r, effectiveOrder, matches, totals, precisions);
        }

        int zeroOrdersSoFar = 0;
        double logSum = 0;
        for (int i = 0; i < effectiveOrder; i++)
        {
            // As NLTK: an order for which the candidate has no n-gram has denominator 1 (only reachable
            // without effective order, since the effective order stops before such orders).
            int denominator = Math.Max(1, totals[i]);
            double precision = matches[i] > 0
                ? (double)matches[i] / denominator
                : options.Smoothing switch
                {
                    BleuSmoothing.Epsilon => options.Epsilon / denominator,
                    BleuSmoothing.Exponential => 1 / (Math.Pow(2, ++zeroOrdersSoFar) * denominator),
                    _ => 0,
                };
            precisions[i] = precision;
            if (precision == 0)
            {
                return new BleuScore(0, brevityPenalty, c, r, effectiveOrder, matches, totals, precisions);
            }

            logSum += Math.Log(precision);
        }

        double score = brevityPenalty * Math.Exp(logSum / effectiveOrder);
        return new BleuScore(score, brevityPenalty, c, r, effectiveOrder, matches, totals, precisions);
    }

    private static int ClosestReferenceLength(IReadOnlyList<string>[] references, int candidateLength)
    {
        int closest = references[0].Count;
        foreach (IReadOnlyList<string> reference in references)
        {
            int difference = Math.Abs(reference.Count - candidateLength);
            int best = Math.Abs(closest - candidateLength);
            if (difference < best || (difference == best && reference.Count < closest))
            {
                closest = reference.Count;
            }
        }

        return closest;
    }

    private static Dictionary<string, int> NGramCounts(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            // Tokens never contain white space, so a space-joined key is unambiguous.
            string key = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static string Tokenize13a(string line)
    {
        // Language-independent part of mteval-v13a, as sacrebleu's Tokenizer13a applies it (to the line
        // without trailing white space).
        line = line.TrimEnd().Replace("<skipped>", string.Empty, StringComparison.Ordinal)
            .Replace("-\n", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = " " + line + " ";
        line = PunctuationAndSymbols().Replace(line, " $1 ");
        line = PeriodOrCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodOrCommaBeforeNonDigit().Replace(line, " $1 $2");
        return DashAfterDigit().Replace(line, "$1 $2 ");
    }

    private static List<string> SplitOnWhiteSpace(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (char ch in text)
        {
            if (IsPythonWhiteSpace(ch))
            {
                Flush();
            }
            else
            {
                current.Append(ch);
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    // Python's str.split() also splits on the information separators U+001C..U+001F, which .NET does not
    // consider white space.
    private static bool IsPythonWhiteSpace(char ch) => char.IsWhiteSpace(ch) || ch is >= '\u001C' and <= '\u001F';

    // The four substitutions of sacrebleu's TokenizerRegexp (mteval-v13a's language-dependent part): the
    // character ranges { to ~, [ to `, space to &, ( to +, : to @, and / become separate tokens.
    [GeneratedRegex(@"([\u007B-\u007E\u005B-\u0060\u0020-\u0026\u0028-\u002B\u003A-\u0040/])", RegexOptions.CultureInvariant)]
    private static partial Regex PunctuationAndSymbols();

    [GeneratedRegex(@"([^0-9])([.,])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodOrCommaAfterNonDigit();

    [GeneratedRegex(@"([.,])([^0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodOrCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)", RegexOptions.CultureInvariant)]
    private static partial Regex DashAfterDigit();
}
