using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Diacritics: when the input has accented Latin letters, all of them lose their accents ("café" -> "cafe",
/// "Ångström" -> "Angstrom"), as on a keyboard without them; otherwise about one word in five (at least one)
/// gets an accent on one letter ("refund" -> "réfund"). Use it as an invariant.
/// </summary>
/// <remarks>
/// <para>Stripping uses Unicode canonical decomposition: a letter whose decomposition is an ASCII letter
/// followed by combining marks becomes that ASCII letter, and combining marks after an ASCII letter are
/// dropped. Letters that do not decompose (ø, ł, ß) and other scripts are kept.</para>
/// <para>Adding uses: a à á â ä ã, e é è ê ë, i í ì î ï, o ó ò ô ö õ, u ú ù û ü, n ñ, c ç, y ý ÿ (and their
/// capitals). Not applicable (input returned unchanged) when there is neither an accent to strip nor one of
/// these letters. Notes: <c>["accents"]</c>, e.g. <c>"stripped: café -> cafe"</c> or
/// <c>"added: refund -> réfund"</c>.</para>
/// </remarks>
public sealed class Accents : IMetamorphicRelation
{
    /// <summary>Each accentable lower-case letter and its accented forms.</summary>
    internal static readonly IReadOnlyDictionary<char, string> Table = new Dictionary<char, string>
    {
        ['a'] = "àáâäã",
        ['e'] = "éèêë",
        ['i'] = "íìîï",
        ['o'] = "óòôöõ",
        ['u'] = "úùûü",
        ['n'] = "ñ",
        ['c'] = "ç",
        ['y'] = "ýÿ",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        string stripped = Strip(input);
        if (!string.Equals(stripped, input, StringComparison.Ordinal))
        {
            context.Notes["accents"] = "stripped: " + ChangeNotes.Join(ChangedWords(input, stripped));
            return stripped;
        }

        List<(int Start, int Length)> words = TextPerturbation.Words(input).FindAll(word => Accentable(input, word).Count > 0);
        var text = new StringBuilder(input);
        var changes = new List<string>();
        foreach ((int start, int length) in WordSample.Pick(words, context.Random))
        {
            List<int> positions = Accentable(input, (start, length));
            int position = positions[context.Random.Next(positions.Count)];
            char original = input[position];
            string options = Table[char.ToLowerInvariant(original)];
            char accented = options[context.Random.Next(options.Length)];
            text[position] = char.IsUpper(original) ? char.ToUpperInvariant(accented) : accented;
            changes.Add(input.Substring(start, length) + " -> " + text.ToString(start, length));
        }

        if (changes.Count == 0)
        {
            return input;
        }

        context.Notes["accents"] = "added: " + ChangeNotes.Join(changes);
        return text.ToString();
    }

    /// <summary>The input without the accents of its Latin letters.</summary>
    internal static string Strip(string input)
    {
        StringBuilder? text = null;
        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];
            char? replacement = null;
            bool drop = false;
            if (c > '\u007F' && char.IsLetter(c))
            {
                string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0]) && AllMarks(decomposed, 1))
                {
                    replacement = decomposed[0];
                }
            }
            else if (IsMark(c) && i > 0 && char.IsAsciiLetter(text is null ? input[i - 1] : LastOf(text)))
            {
                drop = true;
            }

            if ((replacement is not null || drop) && text is null)
            {
                text = new StringBuilder(input.Length).Append(input, 0, i);
            }

            if (text is not null && !drop)
            {
                text.Append(replacement ?? c);
            }
        }

        return text?.ToString() ?? input;
    }

    private static char LastOf(StringBuilder text) => text.Length == 0 ? '\0' : text[text.Length - 1];

    private static bool AllMarks(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (!IsMark(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMark(char c) => TextPerturbation.IsMark(c);

    private static List<int> Accentable(string input, (int Start, int Length) word)
    {
        var positions = new List<int>();
        for (int i = word.Start; i < word.Start + word.Length; i++)
        {
            if (input[i] < '\u0080' && Table.ContainsKey(char.ToLowerInvariant(input[i])))
            {
                positions.Add(i);
            }
        }

        return positions;
    }

    // Words of the stripped text paired with the originals: stripping never changes the word boundaries,
    // only drops combining marks, so the n-th word of one is the n-th word of the other.
    private static List<string> ChangedWords(string input, string stripped)
    {
        var changes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<(int Start, int Length)> before = TextPerturbation.Words(input, withMarks: true);
        List<(int Start, int Length)> after = TextPerturbation.Words(stripped, withMarks: true);
        for (int w = 0; w < before.Count && w < after.Count; w++)
        {
            string original = input.Substring(before[w].Start, before[w].Length);
            string plain = stripped.Substring(after[w].Start, after[w].Length);
            if (!string.Equals(original, plain, StringComparison.Ordinal) && seen.Add(original))
            {
                changes.Add(original + " -> " + plain);
            }
        }

        return changes;
    }
}
