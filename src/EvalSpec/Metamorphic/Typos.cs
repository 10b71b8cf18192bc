using System;
using System.Collections.Generic;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Keyboard typos: in about one word in five (at least one) of three or more letters, one letter is
/// replaced by a neighbouring key on a QWERTY keyboard, keeping its case.
/// </summary>
public sealed class Typos : IMetamorphicRelation
{
    private const double WordShare = 0.2;

    private static readonly Dictionary<char, string> Neighbours = new()
    {
        ['q'] = "wa", ['w'] = "qeas", ['e'] = "wrsd", ['r'] = "etdf", ['t'] = "ryfg",
        ['y'] = "tugh", ['u'] = "yihj", ['i'] = "uojk", ['o'] = "ipkl", ['p'] = "ol",
        ['a'] = "qwsz", ['s'] = "awedxz", ['d'] = "serfcx", ['f'] = "drtgvc", ['g'] = "ftyhbv",
        ['h'] = "gyujnb", ['j'] = "huikmn", ['k'] = "jiolm", ['l'] = "kop",
        ['z'] = "asx", ['x'] = "zsdc", ['c'] = "xdfv", ['v'] = "cfgb", ['b'] = "vghn",
        ['n'] = "bhjm", ['m'] = "njk",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<(int Start, int Length)> words = TextPerturbation.Words(input).FindAll(word => IsEligible(word, input));
        if (words.Count == 0)
        {
            return input;
        }

        int count = Math.Max(1, (int)Math.Round(words.Count * WordShare, MidpointRounding.AwayFromZero));
        var text = new StringBuilder(input);
        foreach (int index in TextPerturbation.PickDistinct(words.Count, count, context.Random))
        {
            (int start, int length) = words[index];
            List<int> typeable = new();
            for (int i = start; i < start + length; i++)
            {
                if (Neighbours.ContainsKey(char.ToLowerInvariant(input[i])))
                {
                    typeable.Add(i);
                }
            }

            int position = typeable[context.Random.Next(typeable.Count)];
            char original = input[position];
            string options = Neighbours[char.ToLowerInvariant(original)];
            char replacement = options[context.Random.Next(options.Length)];
            text[position] = char.IsUpper(original) ? char.ToUpperInvariant(replacement) : replacement;
        }

        return text.ToString();
    }

    // A word qualifies when it is long enough and has a letter with keyboard neighbours, so a picked word
    // always gets its typo (non-Latin scripts are left alone).
    private static bool IsEligible((int Start, int Length) word, string input)
    {
        if (word.Length < 3)
        {
            return false;
        }

        for (int i = word.Start; i < word.Start + word.Length; i++)
        {
            if (Neighbours.ContainsKey(char.ToLowerInvariant(input[i])))
            {
                return true;
            }
        }

        return false;
    }
}
