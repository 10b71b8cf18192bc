namespace EvalSpec.Metamorphic;

/// <summary>Carries the case of a replaced word over to its replacement.</summary>
internal static class WordCase
{
    /// <summary>
    /// <paramref name="replacement"/> (written in lower case) cased like <paramref name="original"/>: all capitals
    /// (two or more letters, all upper case) give all capitals, a leading capital gives a leading capital,
    /// anything else keeps the replacement as written.
    /// </summary>
    public static string Apply(string original, string replacement)
    {
        if (IsAllCaps(original))
        {
            return replacement.ToUpperInvariant();
        }

        int first = FirstLetter(original);
        if (first >= 0 && char.IsUpper(original[first]))
        {
            int target = FirstLetter(replacement);
            if (target >= 0)
            {
                return replacement.Substring(0, target) + char.ToUpperInvariant(replacement[target]) + replacement.Substring(target + 1);
            }
        }

        return replacement;
    }

    /// <summary>
    /// A proper noun (<paramref name="canonical"/>, e.g. "South Korea") cased like <paramref name="original"/>:
    /// all capitals when the original is in all capitals, otherwise as written.
    /// </summary>
    public static string ApplyToProperNoun(string original, string canonical) =>
        IsAllCaps(original) ? canonical.ToUpperInvariant() : canonical;

    /// <summary>Whether the word has two or more letters and all of them are upper case.</summary>
    public static bool IsAllCaps(string word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return letters >= 2;
    }

    /// <summary>Whether the first letter of the word is upper case.</summary>
    public static bool StartsUpper(string word)
    {
        int first = FirstLetter(word);
        return first >= 0 && char.IsUpper(word[first]);
    }

    private static int FirstLetter(string word)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
