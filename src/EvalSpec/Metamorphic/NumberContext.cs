using System;
using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>What the words before a number say about it.</summary>
internal static class NumberContext
{
    private static readonly HashSet<string> IdentifierLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "number", "no", "nr", "order", "id", "code", "account", "ticket", "invoice", "zip", "postcode", "pin", "ref",
        "reference", "tracking", "serial", "model", "case", "sku", "room", "flight", "phone", "extension", "ext",
        "version", "build", "batch", "item", "part", "customer", "member", "policy", "claim", "confirmation",
    };

    /// <summary>
    /// Whether the number at <paramref name="start"/> is labelled as an identifier: "order 12345", "ticket #88",
    /// "order number is 12345", "ID: 4711". Identifiers are names, not quantities: rewriting or editing them
    /// changes which thing is meant.
    /// </summary>
    public static bool IsLabelledIdentifier(string input, int start)
    {
        int i = SkipBack(input, start);

        // "order number is 12345": look past one "is" or "was".
        (int wordStart, string word) = WordBefore(input, i);
        if (word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("was", StringComparison.OrdinalIgnoreCase))
        {
            (_, word) = WordBefore(input, SkipBack(input, wordStart));
        }

        return IdentifierLabels.Contains(word);
    }

    // Back over blanks and the marks that sit between a label and its number (":", "#", ".").
    private static int SkipBack(string input, int end)
    {
        int i = end;
        while (i > 0 && (char.IsWhiteSpace(input[i - 1]) || input[i - 1] is ':' or '#' or '.'))
        {
            i--;
        }

        return i;
    }

    private static (int Start, string Word) WordBefore(string input, int end)
    {
        int start = end;
        while (start > 0 && char.IsLetter(input[start - 1]))
        {
            start--;
        }

        return (start, input.Substring(start, end - start));
    }
}
