using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Prompts;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>
/// The placeholders of a prompt template as a multiset (name → how often it appears), read with the runtime's own
/// template grammar: <c>{name}</c> is a placeholder, <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal sealed class TemplatePlaceholders
{
    private readonly SortedDictionary<string, int> _counts;

    private TemplatePlaceholders(SortedDictionary<string, int> counts)
    {
        _counts = counts;
    }

    /// <summary>The distinct names, in ordinal order.</summary>
    public IReadOnlyCollection<string> Names => _counts.Keys;

    /// <summary>Reads the placeholders of <paramref name="template"/>; returns the grammar's message when it is malformed.</summary>
    public static TemplatePlaceholders? TryRead(string template, out string? error)
    {
        PromptTemplateParseResult parsed = PromptTemplateParser.Parse(template);
        error = parsed.Error;
        if (error is not null)
        {
            return null;
        }

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in parsed.PlaceholderNames)
        {
            counts[name] = counts.TryGetValue(name, out int count) ? count + 1 : 1;
        }

        return new TemplatePlaceholders(counts);
    }

    /// <summary>How <paramref name="other"/> differs from these placeholders, or null when the multisets are equal.</summary>
    public string? DescribeDifference(TemplatePlaceholders other)
    {
        var problems = new List<string>();
        string[] dropped = _counts.Keys.Where(n => !other._counts.ContainsKey(n)).Select(n => "{" + n + "}").ToArray();
        string[] added = other._counts.Keys.Where(n => !_counts.ContainsKey(n)).Select(n => "{" + n + "}").ToArray();
        if (dropped.Length > 0)
        {
            problems.Add("drops " + string.Join(", ", dropped));
        }

        if (added.Length > 0)
        {
            problems.Add("adds " + string.Join(", ", added));
        }

        foreach (KeyValuePair<string, int> pair in _counts)
        {
            if (other._counts.TryGetValue(pair.Key, out int count) && count != pair.Value)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"uses {{{pair.Key}}} {Times(count)} instead of {Times(pair.Value)}"));
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>The names as the template writes them: <c>{a}, {b}</c>, or "none".</summary>
    public override string ToString() => _counts.Count == 0 ? "none" : string.Join(", ", _counts.Keys.Select(n => "{" + n + "}"));

    private static string Times(int count) => count == 1 ? "once" : count.ToString(CultureInfo.InvariantCulture) + " times";
}
