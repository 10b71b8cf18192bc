using System;
using System.Collections.Generic;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Transposition typos: in about one word in five (at least one) of three or more letters, two adjacent
/// letters trade places ("return" -> "retrun"). The case of each position is kept, so "Laptop" becomes
/// "Alptop", not "aLptop". Use it as an invariant: the meaning survives a transposed pair.
/// </summary>
/// <remarks>
/// Only pairs of different letters are swapped, so a picked word always changes. Not applicable (input
/// returned unchanged) when no word has three or more letters with such a pair. Notes: <c>["swapped"]</c>,
/// e.g. <c>"return -> retrun"</c>.
/// </remarks>
public sealed class CharacterSwap : IMetamorphicRelation
{
    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<(int Start, int Length)> words = TextPerturbation.Words(input).FindAll(word => SwappablePairs(input, word).Count > 0);
        var text = new StringBuilder(input);
        var changes = new List<string>();
        foreach ((int start, int length) in WordSample.Pick(words, context.Random))
        {
            List<int> pairs = SwappablePairs(input, (start, length));
            int left = pairs[context.Random.Next(pairs.Count)];
            char a = input[left];
            char b = input[left + 1];
            text[left] = char.IsUpper(a) ? char.ToUpperInvariant(b) : char.ToLowerInvariant(b);
            text[left + 1] = char.IsUpper(b) ? char.ToUpperInvariant(a) : char.ToLowerInvariant(a);
            changes.Add(input.Substring(start, length) + " -> " + text.ToString(start, length));
        }

        if (changes.Count == 0)
        {
            return input;
        }

        context.Notes["swapped"] = ChangeNotes.Join(changes);
        return text.ToString();
    }

    // Left positions of adjacent letter pairs that differ ignoring case, in words of three or more letters.
    private static List<int> SwappablePairs(string input, (int Start, int Length) word)
    {
        var pairs = new List<int>();
        if (word.Length < 3)
        {
            return pairs;
        }

        for (int i = word.Start; i < word.Start + word.Length - 1; i++)
        {
            if (char.ToLowerInvariant(input[i]) != char.ToLowerInvariant(input[i + 1]))
            {
                pairs.Add(i);
            }
        }

        return pairs;
    }
}
