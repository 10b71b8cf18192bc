using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Metamorphic;

/// <summary>A phrase found in a text: where it is, and the lexicon entry (lower case) it matched.</summary>
internal readonly record struct PhraseMatch(int Start, int Length, string Phrase);

/// <summary>
/// Finds whole-word occurrences of lexicon phrases in a text, case-insensitively, leftmost and longest first
/// and without overlaps. Phrases are written in lower case; a space in a phrase matches one space, an
/// apostrophe matches <c>'</c> or <c>’</c>. A match must start and end at a word boundary: "care" is not
/// found in "careful", "can" is not found in "cannot" (but "can" is found in "can's" when no longer phrase
/// such as "can't" matches there).
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<char, string[]> _byFirstChar;

    public PhraseMatcher(IEnumerable<string> phrases)
    {
        _byFirstChar = phrases
            .Distinct(System.StringComparer.Ordinal)
            .GroupBy(phrase => phrase[0])
            .ToDictionary(group => group.Key, group => group.OrderByDescending(phrase => phrase.Length).ToArray());
    }

    /// <summary>Every match in <paramref name="text"/>, in text order.</summary>
    public List<PhraseMatch> FindAll(string text)
    {
        var matches = new List<PhraseMatch>();
        int i = 0;
        while (i < text.Length)
        {
            if (IsWordStart(text, i) && _byFirstChar.TryGetValue(char.ToLowerInvariant(text[i]), out string[]? candidates))
            {
                string? found = null;
                foreach (string phrase in candidates)
                {
                    if (MatchesAt(text, i, phrase))
                    {
                        found = phrase;
                        break;
                    }
                }

                if (found is not null)
                {
                    matches.Add(new PhraseMatch(i, found.Length, found));
                    i += found.Length;
                    continue;
                }
            }

            i++;
        }

        return matches;
    }

    /// <summary>A letter or digit that does not continue a word (an apostrophe after a letter continues it: "don't").</summary>
    public static bool IsWordStart(string text, int i)
    {
        if (!char.IsLetterOrDigit(text[i]))
        {
            return false;
        }

        if (i == 0)
        {
            return true;
        }

        char previous = text[i - 1];
        return !char.IsLetterOrDigit(previous)
            && !(WordSample.IsApostrophe(previous) && i >= 2 && char.IsLetter(text[i - 2]))
            && !IsMark(previous);
    }

    /// <summary>Whether position <paramref name="end"/> is past the end of a word: the end of the text, or not a letter, digit or combining mark.</summary>
    public static bool IsWordEnd(string text, int end) =>
        end >= text.Length || !(char.IsLetterOrDigit(text[end]) || IsMark(text[end]));

    private static bool MatchesAt(string text, int start, string phrase)
    {
        if (start + phrase.Length > text.Length)
        {
            return false;
        }

        for (int k = 0; k < phrase.Length; k++)
        {
            char c = text[start + k];
            char p = phrase[k];
            bool same = p switch
            {
                '\'' => WordSample.IsApostrophe(c),
                _ => c == p || char.ToLowerInvariant(c) == p,
            };
            if (!same)
            {
                return false;
            }
        }

        return IsWordEnd(text, start + phrase.Length);
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
