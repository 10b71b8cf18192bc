using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>Helpers the built-in relations share.</summary>
internal static class TextPerturbation
{
    /// <summary>
    /// Start index and length of each run of letters in <paramref name="text"/>; with <paramref name="withMarks"/>,
    /// combining marks after a letter belong to its word.
    /// </summary>
    public static List<(int Start, int Length)> Words(string text, bool withMarks = false)
    {
        var words = new List<(int, int)>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || (withMarks && IsMark(text[i]))))
            {
                i++;
            }

            words.Add((start, i - start));
        }

        return words;
    }

    /// <summary>A combining (non-spacing) mark, such as the accent of a decomposed "é".</summary>
    public static bool IsMark(char c) => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    /// <summary>Picks <paramref name="count"/> distinct indexes below <paramref name="n"/>, in ascending order.</summary>
    public static List<int> PickDistinct(int n, int count, System.Random random)
    {
        var indexes = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            indexes.Add(i);
        }

        // Partial Fisher-Yates: the first `count` slots become a uniform sample.
        for (int i = 0; i < count && i < n; i++)
        {
            int j = random.Next(i, n);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        List<int> picked = indexes.GetRange(0, System.Math.Min(count, n));
        picked.Sort();
        return picked;
    }
}
