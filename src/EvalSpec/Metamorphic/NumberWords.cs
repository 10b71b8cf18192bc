using System;
using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>English words for the numbers zero to twenty.</summary>
internal static class NumberWords
{
    /// <summary>The word for each number, index = value.</summary>
    public static readonly IReadOnlyList<string> Words = new[]
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    };

    /// <summary>The value of a number word (case-insensitive), or -1.</summary>
    public static int ValueOf(string word)
    {
        for (int i = 0; i < Words.Count; i++)
        {
            if (string.Equals(Words[i], word, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
