using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalSpec.Snapshots;

/// <summary>
/// The built-in scrubbers of <see cref="SnapshotSettings"/>. Each pattern is one alternation, so placeholders are
/// numbered in the order the values appear in the text, whichever form they take.
/// </summary>
internal static partial class BuiltInScrubbers
{
    public const string GuidName = "Guid";
    public const string TimestampName = "Timestamp";
    public const string DurationName = "Duration";
    public const string TokenCountName = "TokenCount";

    private const string Hex = "[0-9A-Fa-f]";
    private const string GuidCore = Hex + "{8}-" + Hex + "{4}-" + Hex + "{4}-" + Hex + "{4}-" + Hex + "{12}";
    private const string Zone = @"(?:\s?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?";
    private const string TimeOfDay = @"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?";

    public static string Guids(string text, ScrubContext context) =>
        GuidPattern().Replace(text, m => context.Placeholder(GuidName, m.Groups["guid"].Value.ToLowerInvariant()));

    public static string Timestamps(string text, ScrubContext context) =>
        TimestampPattern().Replace(text, m => context.Placeholder(TimestampName, m.Value));

    public static string Durations(string text, ScrubContext context) =>
        DurationPattern().Replace(text, m => context.Placeholder(DurationName, m.Value));

    public static string TokenCounts(string text, ScrubContext context) =>
        TokenCountPattern().Replace(text, m => m.Groups["named"].Success
            ? m.Groups["name"].Value + context.Placeholder(TokenCountName, Digits(m.Groups["named"].Value))
            : context.Placeholder(TokenCountName, Digits(m.Groups["counted"].Value)) + m.Groups["unit"].Value);

    /// <summary>Whether a JSON property holding a number is a token count (<c>outputTokenCount</c>, <c>total_tokens</c>).</summary>
    public static bool IsTokenCountProperty(string name) => TokenPropertyPattern().IsMatch(name);

    /// <summary>Replaces the folders by their placeholders, the longest folder first, with either separator.</summary>
    public static string Paths(string text, IReadOnlyList<(string Directory, string Placeholder)> directories)
    {
        var variants = new List<(string Value, string Placeholder)>(directories.Count * 2);
        foreach ((string directory, string placeholder) in directories)
        {
            variants.Add((directory, placeholder));
            if (directory.Contains('\\', StringComparison.Ordinal))
            {
                // Windows paths also appear with forward slashes (URIs, tools that normalise).
                variants.Add((directory.Replace('\\', '/'), placeholder));
            }
        }

        variants.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
        StringComparison comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach ((string value, string placeholder) in variants)
        {
            text = ReplaceFolder(text, value, placeholder, comparison);
        }

        return text;
    }

    private static string ReplaceFolder(string text, string folder, string placeholder, StringComparison comparison)
    {
        int index = text.IndexOf(folder, comparison);
        if (index < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        int copied = 0;
        while (index >= 0)
        {
            int end = index + folder.Length;
            if (StartsPath(text, index) && EndsFolder(text, end))
            {
                result.Append(text, copied, index - copied).Append(placeholder);
                copied = end;
            }

            index = end >= text.Length ? -1 : text.IndexOf(folder, end, comparison);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The folder is not the tail of a longer name or path (<c>/var/tmp</c> is not <c>/tmp</c>).</summary>
    private static bool StartsPath(string text, int index) =>
        index == 0 || !(char.IsLetterOrDigit(text[index - 1]) || text[index - 1] is '_' or '-' or '.' or '/' or '\\');

    /// <summary>The folder is whole (<c>/tmpfiles</c> is not <c>/tmp</c>): a separator, the end or punctuation follows.</summary>
    private static bool EndsFolder(string text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        char next = text[end];
        if (next is '/' or '\\')
        {
            return true;
        }

        if (next == '.')
        {
            return end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1]);
        }

        return !(char.IsLetterOrDigit(next) || next is '_' or '-');
    }

    private static string Digits(string number) => number.Replace(",", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![0-9A-Za-z-])(?:\{(?<guid>" + GuidCore + @")\}|(?<guid>" + GuidCore + "))(?![0-9A-Za-z-])", RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();

    [GeneratedRegex(
        @"(?<![\d/.-])\d{4}([-/])\d{2}\1\d{2}[T ]" + TimeOfDay + Zone + @"(?![\d:])"
        + @"|(?<![\d/.])\d{1,2}([/.])\d{1,2}\2\d{4},?\s" + TimeOfDay + @"(?:\s?[AaPp]\.?[Mm]\.?)?" + Zone + @"(?![\d:])"
        + @"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s\d{4}\s\d{2}:\d{2}:\d{2}\s(?:GMT|UTC|[+-]\d{4})\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(
        @"(?<![\w.,:])\d+(?:\.\d+)?\s?(?:ms|milliseconds?|µs|μs|ns)(?!\w)"
        + @"|(?<![\w.,:])(?:\d+\.\d+\s?|\d+\s)(?:s|secs?)(?!\w)"
        + @"|(?<![\d:.])(?:\d+\.)?\d{1,2}:\d{2}:\d{2}\.\d{1,7}(?![\d:])"
        + @"|(?<![\d:.])00:\d{2}:\d{2}(?![\d:.])",
        RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(
        @"(?<!\w)(?<name>[A-Za-z_]*[Tt][Oo][Kk][Ee][Nn][Ss]?(?:_?[Cc][Oo][Uu][Nn][Tt])?""?\s*[:=]\s*)(?<named>\d+(?:[,_]\d{3})*)(?![\d.])"
        + @"|(?<![\w.,])(?<counted>\d+(?:[,_]\d{3})*)(?<unit>\s+(?:(?:input|output|prompt|completion|total|cached|reasoning)\s+)?[Tt]okens?)(?!\w)",
        RegexOptions.CultureInvariant)]
    private static partial Regex TokenCountPattern();

    [GeneratedRegex(@"^[A-Za-z_]*[Tt][Oo][Kk][Ee][Nn][Ss]?(?:_?[Cc][Oo][Uu][Nn][Tt])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPropertyPattern();
}
