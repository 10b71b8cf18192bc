using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Homoglyphs: in about one word in five (at least one) that has a letter in the table below, one such letter
/// is replaced by a Cyrillic or Greek letter that looks the same ("order" -> "оrder" with a Cyrillic о).
/// A person reads the same text; a tokenizer sees different tokens. Use it as an invariant.
/// </summary>
/// <remarks>
/// <para>The table (Latin letter: look-alikes):</para>
/// <list type="table">
/// <item><term>a c e i j o p s x y</term><description>Cyrillic а с е і ј о р ѕ х у (U+0430, U+0441, U+0435, U+0456, U+0458, U+043E, U+0440, U+0455, U+0445, U+0443); o also Greek ο (U+03BF)</description></item>
/// <item><term>d h q v w</term><description>Cyrillic ԁ һ ԛ ԝ (U+0501, U+04BB, U+051B, U+051D), Greek ν (U+03BD) for v</description></item>
/// <item><term>A B C E H I J K M O P S T X Y</term><description>Cyrillic А В С Е Н І Ј К М О Р Ѕ Т Х Ү (U+0410 ...)</description></item>
/// <item><term>A B E H I K M N O P T X Y Z</term><description>Greek Α Β Ε Η Ι Κ Μ Ν Ο Ρ Τ Χ Υ Ζ (U+0391 ...)</description></item>
/// </list>
/// <para>Not applicable (input returned unchanged) when no letter of the table occurs. Notes:
/// <c>["homoglyphs"]</c>, e.g. <c>"o -> U+043E in \"order\""</c>.</para>
/// </remarks>
public sealed class Homoglyphs : IMetamorphicRelation
{
    /// <summary>Each replaceable Latin letter and its look-alikes.</summary>
    internal static readonly IReadOnlyDictionary<char, string> Table = new Dictionary<char, string>
    {
        ['a'] = "\u0430",
        ['c'] = "\u0441",
        ['d'] = "\u0501",
        ['e'] = "\u0435",
        ['h'] = "\u04BB",
        ['i'] = "\u0456",
        ['j'] = "\u0458",
        ['o'] = "\u043E\u03BF",
        ['p'] = "\u0440",
        ['q'] = "\u051B",
        ['s'] = "\u0455",
        ['v'] = "\u03BD",
        ['w'] = "\u051D",
        ['x'] = "\u0445",
        ['y'] = "\u0443",
        ['A'] = "\u0410\u0391",
        ['B'] = "\u0412\u0392",
        ['C'] = "\u0421",
        ['E'] = "\u0415\u0395",
        ['H'] = "\u041D\u0397",
        ['I'] = "\u0406\u0399",
        ['J'] = "\u0408",
        ['K'] = "\u041A\u039A",
        ['M'] = "\u041C\u039C",
        ['N'] = "\u039D",
        ['O'] = "\u041E\u039F",
        ['P'] = "\u0420\u03A1",
        ['S'] = "\u0405",
        ['T'] = "\u0422\u03A4",
        ['X'] = "\u0425\u03A7",
        ['Y'] = "\u04AE\u03A5",
        ['Z'] = "\u0396",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        List<(int Start, int Length)> words = TextPerturbation.Words(input).FindAll(word => Replaceable(input, word).Count > 0);
        var text = new StringBuilder(input);
        var changes = new List<string>();
        foreach ((int start, int length) in WordSample.Pick(words, context.Random))
        {
            List<int> positions = Replaceable(input, (start, length));
            int position = positions[context.Random.Next(positions.Count)];
            string options = Table[input[position]];
            char lookAlike = options[context.Random.Next(options.Length)];
            text[position] = lookAlike;
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"{input[position]} -> U+{(int)lookAlike:X4} in \"{input.Substring(start, length)}\""));
        }

        if (changes.Count == 0)
        {
            return input;
        }

        context.Notes["homoglyphs"] = ChangeNotes.Join(changes);
        return text.ToString();
    }

    private static List<int> Replaceable(string input, (int Start, int Length) word)
    {
        var positions = new List<int>();
        for (int i = word.Start; i < word.Start + word.Length; i++)
        {
            if (Table.ContainsKey(input[i]))
            {
                positions.Add(i);
            }
        }

        return positions;
    }
}
