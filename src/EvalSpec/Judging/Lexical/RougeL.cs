using System;
using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// ROUGE-L (Lin, 2004): overlap of a candidate with a reference measured by their longest common subsequence
/// (LCS) of tokens, computed as Google's <c>rouge-score</c> package computes <c>rougeL</c> with its default
/// settings (no stemmer).
/// </summary>
/// <remarks>
/// <para>
/// Tokenisation (<see cref="Tokenize"/>): the text is lower-cased, every run of characters other than the
/// ASCII letters a-z and digits 0-9 becomes a space, and the text is split on spaces. So punctuation
/// separates words ("don't" is "don" and "t") and letters outside a-z are dropped ("café" is "caf").
/// </para>
/// <para>
/// With <c>m</c> reference tokens, <c>n</c> candidate tokens and an LCS of length <c>l</c>:
/// precision = l / n, recall = l / m, F-measure = 2PR / (P + R). When either text has no tokens all three
/// are 0. This is sentence-level ROUGE-L (<c>rougeL</c>), not the summary-level <c>rougeLsum</c>, which
/// splits the texts into lines first. <c>rouge-score</c>'s <c>score(target, prediction)</c> takes the
/// reference first; <see cref="Score"/> takes the candidate first, like the rest of EvalSpec.
/// </para>
/// </remarks>
public static class RougeL
{
    /// <summary>Computes ROUGE-L of <paramref name="candidate"/> against <paramref name="reference"/>.</summary>
    /// <param name="candidate">The text being evaluated (rouge-score's prediction).</param>
    /// <param name="reference">The reference text (rouge-score's target).</param>
    /// <returns>Precision, recall and F-measure, each in [0, 1].</returns>
    public static RougeLScore Score(string? candidate, string? reference)
    {
        IReadOnlyList<string> c = Tokenize(candidate);
        IReadOnlyList<string> r = Tokenize(reference);
        if (c.Count == 0 || r.Count == 0)
        {
            return new RougeLScore(0, 0, 0);
        }

        int lcs = LongestCommonSubsequence(r, c);
        double precision = (double)lcs / c.Count;
        double recall = (double)lcs / r.Count;
        double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new RougeLScore(precision, recall, f);
    }

    /// <summary>Splits text into ROUGE tokens: lower-cased runs of the ASCII letters a-z and digits 0-9.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens, in order.</returns>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        // rouge-score lower-cases the whole text (Python's str.lower) before keeping [a-z0-9]; lower-casing
        // first matters for the few non-ASCII letters whose lower case is ASCII, such as the Kelvin sign. The
        // invariant culture differs from Python only in rare cases: it leaves U+0130 (capital I with dot)
        // as it is, where Python gives "i" and a combining dot.
        string lower = text.ToLowerInvariant();
        int start = -1;
        for (int i = 0; i <= lower.Length; i++)
        {
            bool keep = i < lower.Length && lower[i] is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep && start < 0)
            {
                start = i;
            }
            else if (!keep && start >= 0)
            {
                tokens.Add(lower[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    private static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Two rows of the classic dynamic-programming table: O(|a| * |b|) time, O(|b|) memory.
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (int i = 1; i <= a.Count; i++)
        {
            for (int j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }
}
