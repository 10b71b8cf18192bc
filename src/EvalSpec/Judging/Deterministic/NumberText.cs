using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>Finds and parses numbers written in text, the invariant way.</summary>
/// <remarks>
/// A number is an optional sign (<c>+</c>, <c>-</c> or the minus sign U+2212), digits with an optional
/// <c>.</c> decimal part, and an optional exponent (<c>1e-3</c>). Commas are thousands separators only
/// in groups of three (<c>1,234,567.5</c>); otherwise a comma separates two numbers. A number does not
/// start inside a word or another number: "A4" and "v2.0" contain none, "COVID-19" contains 19.
/// Only the ASCII digits 0-9 count.
/// </remarks>
internal static partial class NumberText
{
    /// <summary>Every number in <paramref name="text"/>, in order.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The numbers with their text.</returns>
    public static IReadOnlyList<(double Value, string Text)> FindAll(string text)
    {
        var numbers = new List<(double, string)>();
        foreach (Match match in NumberPattern().Matches(text))
        {
            numbers.Add((Parse(match.Value), match.Value));
        }

        return numbers;
    }

    /// <summary>Parses text that is exactly one number (surrounding white space allowed).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the text is one number.</returns>
    public static bool TryParseExact(string text, out double value)
    {
        Match match = NumberPattern().Match(text);
        if (match.Success && match.Value.Length == text.Trim().Length)
        {
            value = Parse(match.Value);
            return true;
        }

        value = double.NaN;
        return false;
    }

    /// <summary>Formats a number for a rationale: shortest round-trip form, invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(string text) =>
        double.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal).Replace('\u2212', '-'), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])[-+\u2212]?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberPattern();
}
