using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvalSpec.Judging;

/// <summary>
/// Text normalisation and token overlap as in the SQuAD evaluation script: lower-case, punctuation
/// removed, the articles a/an/the removed, whitespace collapsed; F1 over the multiset of tokens.
/// </summary>
public static class TextTokens
{
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "the" };

    /// <summary>Normalises <paramref name="text"/> and splits it into tokens.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens, in order.</returns>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        string folded = Fold(text);
        var current = new StringBuilder();
        foreach (char c in folded)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            bool isPunctuation = char.IsPunctuation(c) || char.IsSymbol(c);
            if (char.IsWhiteSpace(c) || category == UnicodeCategory.Control)
            {
                Flush(current, tokens);
            }
            else if (!isPunctuation)
            {
                current.Append(c);
            }
        }

        Flush(current, tokens);
        return tokens;
    }

    /// <summary>NFKC and lower case; text that cannot be normalised (an unpaired surrogate) is only lower-cased.</summary>
    private static string Fold(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return text.ToLowerInvariant();
        }
    }

    /// <summary>The normalised text: tokens joined by single spaces.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text.</returns>
    public static string Normalize(string? text) => string.Join(" ", Tokenize(text));

    /// <summary>
    /// Token F1 between a candidate and a reference (SQuAD definition): 1 when both are empty, 0 when
    /// only one is.
    /// </summary>
    /// <param name="candidate">The candidate text.</param>
    /// <param name="reference">The reference text.</param>
    /// <returns>F1 in [0, 1].</returns>
    public static double F1(string? candidate, string? reference)
    {
        IReadOnlyList<string> c = Tokenize(candidate);
        IReadOnlyList<string> r = Tokenize(reference);
        if (c.Count == 0 || r.Count == 0)
        {
            return c.Count == r.Count ? 1.0 : 0.0;
        }

        int common = CommonCount(c, r);
        if (common == 0)
        {
            return 0.0;
        }

        double precision = (double)common / c.Count;
        double recall = (double)common / r.Count;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Share of the reference's tokens (as a multiset) that the candidate contains.</summary>
    /// <param name="candidate">The candidate text.</param>
    /// <param name="reference">The reference text.</param>
    /// <returns>Recall in [0, 1]; 1 when the reference has no tokens.</returns>
    public static double Recall(string? candidate, string? reference)
    {
        IReadOnlyList<string> r = Tokenize(reference);
        return r.Count == 0 ? 1.0 : (double)CommonCount(Tokenize(candidate), r) / r.Count;
    }

    /// <summary>The reference tokens the candidate lacks (multiset difference), in reference order.</summary>
    /// <param name="candidate">The candidate text.</param>
    /// <param name="reference">The reference text.</param>
    /// <returns>The missing tokens.</returns>
    public static IReadOnlyList<string> Missing(string? candidate, string? reference)
    {
        Dictionary<string, int> available = Counts(Tokenize(candidate));
        var missing = new List<string>();
        foreach (string token in Tokenize(reference))
        {
            if (available.TryGetValue(token, out int n) && n > 0)
            {
                available[token] = n - 1;
            }
            else
            {
                missing.Add(token);
            }
        }

        return missing;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length == 0)
        {
            return;
        }

        string token = current.ToString();
        current.Clear();
        if (!Articles.Contains(token))
        {
            tokens.Add(token);
        }
    }

    private static int CommonCount(IReadOnlyList<string> candidate, IReadOnlyList<string> reference)
    {
        Dictionary<string, int> available = Counts(candidate);
        int common = 0;
        foreach (string token in reference)
        {
            if (available.TryGetValue(token, out int n) && n > 0)
            {
                available[token] = n - 1;
                common++;
            }
        }

        return common;
    }

    private static Dictionary<string, int> Counts(IReadOnlyList<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string token in tokens)
        {
            counts[token] = counts.TryGetValue(token, out int n) ? n + 1 : 1;
        }

        return counts;
    }
}
