using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalSpec.Metamorphic;

/// <summary>
/// Number formats: every whole number in the input is written the other way: digits from 0 to 20 become words
/// ("3" -> "three"), number words become digits ("three" -> "3"), numbers from 1000 get thousands separators
/// ("1000" -> "1,000") and numbers with separators lose them ("1,000" -> "1000"). Use it as an invariant.
/// </summary>
/// <remarks>
/// <para>Left alone, because changing them would change or break the meaning: "one" (mostly a pronoun:
/// "the one I bought"), number words next to another number word or a hyphen ("twenty-one", "twenty one",
/// "one-year"), decimals ("3.5"), numbers with a currency sign or percent ("$3", "3%"), numbers inside dates,
/// times, versions, codes and words ("2024-01-03", "3:30", "v2", "A4", "#12"), numbers from 1000 labelled as
/// identifiers ("order 12345", "ticket: 4711", "order number is 12345"), numbers with a leading zero ("007")
/// and four-digit numbers from 1900 to 2100 (years). Numbers from 21 to 999 have no other format here.</para>
/// <para>Not applicable (input returned unchanged) when no number can be rewritten. Notes:
/// <c>["numbers"]</c>, e.g. <c>"3 -> three; 1000 -> 1,000"</c>.</para>
/// </remarks>
public sealed partial class NumberFormat : IMetamorphicRelation
{
    private static readonly string[] LargeNumberWords =
    {
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    };

    /// <inheritdoc/>
    public string Transform(string input, MetamorphicContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);

        var edits = new List<TextEdit>();
        foreach (Match match in Digits().Matches(input))
        {
            // Small numbers are rewritten even after a label: "order 3 laptops" is a quantity, "item three" still reads.
            bool identifier = match.Length >= 4 && NumberContext.IsLabelledIdentifier(input, match.Index);
            if (!identifier && Rewrite(match.Value) is string rewritten)
            {
                edits.Add(new TextEdit(match.Index, match.Length, rewritten));
            }
        }

        List<(int Start, int Length)> words = TextPerturbation.Words(input);
        for (int w = 0; w < words.Count; w++)
        {
            (int start, int length) = words[w];
            int value = NumberWords.ValueOf(input.Substring(start, length));
            if (value < 0 || value == 1 || !PhraseMatcher.IsWordStart(input, start) || !PhraseMatcher.IsWordEnd(input, start + length))
            {
                continue;
            }

            bool hyphenated = (start > 0 && input[start - 1] == '-') || (start + length < input.Length && input[start + length] == '-');
            // "twenty one", "two hundred": number words one space apart form one number.
            bool compound = (w > 0 && OneSpaceApart(input, words[w - 1], words[w]) && IsNumberWord(input, words[w - 1]))
                || (w + 1 < words.Count && OneSpaceApart(input, words[w], words[w + 1]) && IsNumberWord(input, words[w + 1]));
            if (!hyphenated && !compound)
            {
                edits.Add(new TextEdit(start, length, value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (edits.Count == 0)
        {
            return input;
        }

        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var changes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (TextEdit edit in edits)
        {
            string change = input.Substring(edit.Start, edit.Length) + " -> " + edit.Replacement;
            if (seen.Add(change))
            {
                changes.Add(change);
            }
        }

        context.Notes["numbers"] = ChangeNotes.Join(changes);
        return TextEdit.Apply(input, edits);
    }

    private static bool OneSpaceApart(string input, (int Start, int Length) first, (int Start, int Length) second) =>
        first.Start + first.Length + 1 == second.Start && input[second.Start - 1] == ' ';

    private static bool IsNumberWord(string input, (int Start, int Length) word)
    {
        string text = input.Substring(word.Start, word.Length);
        return NumberWords.ValueOf(text) >= 0 || Array.Exists(LargeNumberWords, large => string.Equals(large, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The other format of a whole number written in digits, or <see langword="null"/> when it has none.</summary>
    internal static string? Rewrite(string digits)
    {
        bool grouped = digits.Contains(',', StringComparison.Ordinal);
        string plain = grouped ? digits.Replace(",", string.Empty, StringComparison.Ordinal) : digits;
        if ((plain.Length > 1 && plain[0] == '0') || plain.Length > 15)
        {
            return null;
        }

        long value = long.Parse(plain, NumberStyles.None, CultureInfo.InvariantCulture);
        if (grouped)
        {
            return plain;
        }

        if (value <= 20)
        {
            return NumberWords.Words[(int)value];
        }

        bool year = plain.Length == 4 && value >= 1900 && value <= 2100;
        return value >= 1000 && !year ? value.ToString("#,##0", CultureInfo.InvariantCulture) : null;
    }

    // A whole number, correctly grouped or plain, that is not part of a word, a decimal, a date, a time, a code
    // or an amount of money or percentage.
    [GeneratedRegex(@"(?<![\p{L}\p{N}\p{Sc}\p{M}_.,:/#+\-])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?![\p{L}\p{N}\p{M}_%]|[.,:/\-][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
