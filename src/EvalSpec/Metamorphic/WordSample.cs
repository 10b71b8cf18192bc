using System;
using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>The "about one word in five, at least one" choice the character-level relations share with <see cref="Typos"/>.</summary>
internal static class WordSample
{
    /// <summary>The share of eligible words a character-level relation perturbs.</summary>
    public const double Share = 0.2;

    /// <summary>Picks about one in five of <paramref name="eligible"/> (at least one; none when there are none), in text order.</summary>
    public static List<(int Start, int Length)> Pick(List<(int Start, int Length)> eligible, Random random)
    {
        var picked = new List<(int Start, int Length)>();
        if (eligible.Count == 0)
        {
            return picked;
        }

        int count = Math.Max(1, (int)Math.Round(eligible.Count * Share, MidpointRounding.AwayFromZero));
        foreach (int index in TextPerturbation.PickDistinct(eligible.Count, count, random))
        {
            picked.Add(eligible[index]);
        }

        return picked;
    }

    /// <summary>Whether <paramref name="c"/> is an apostrophe: the ASCII one or the typographic U+2019.</summary>
    public static bool IsApostrophe(char c) => c == '\'' || c == '\u2019';
}
