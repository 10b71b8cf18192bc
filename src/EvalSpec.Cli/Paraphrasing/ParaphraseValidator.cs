using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EvalSpec.Prompts;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>
/// Decides which of the model's paraphrases may be written: each must be one line of text (a line break inside a
/// sentence is joined with a space; a reply of several paragraphs is rejected), a well-formed template with exactly
/// the source's placeholders (same names, same number of times), and new: not the source, not an entry already in
/// the file, not an earlier paraphrase of the same reply (compared ignoring case and whitespace).
/// </summary>
internal static class ParaphraseValidator
{
    private const string Duplicate = "duplicate";

    public static IReadOnlyList<ParaphraseCandidate> Validate(
        string sourceTemplate,
        TemplatePlaceholders sourcePlaceholders,
        IReadOnlyList<PromptFileEntry> existingEntries,
        IReadOnlyList<string> paraphrases,
        int wanted)
    {
        string source = Comparable(sourceTemplate);
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PromptFileEntry entry in existingEntries)
        {
            existing.TryAdd(Comparable(entry.Template), entry.Key);
        }

        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new List<ParaphraseCandidate>(paraphrases.Count);
        for (int i = 0; i < paraphrases.Count; i++)
        {
            int position = i + 1;
            string reply = paraphrases[i];
            string template = CollapseWhitespace(reply);
            (string Kind, string Reason)? rejection = Check(reply, template, sourcePlaceholders);
            if (rejection is null)
            {
                string comparable = Comparable(template);
                if (comparable == source)
                {
                    rejection = (Duplicate, "same as the source template (ignoring case and whitespace)");
                }
                else if (existing.TryGetValue(comparable, out string? key))
                {
                    rejection = (Duplicate, $"same as the entry '{key}' already in the file (ignoring case and whitespace)");
                }
                else if (accepted.TryGetValue(comparable, out int earlier))
                {
                    rejection = (Duplicate, string.Create(CultureInfo.InvariantCulture, $"same as paraphrase {earlier} of this reply (ignoring case and whitespace)"));
                }
                else if (accepted.Count == wanted)
                {
                    rejection = ("beyond --count", string.Create(CultureInfo.InvariantCulture, $"more than the {wanted} paraphrase(s) asked for"));
                }
                else
                {
                    accepted.Add(comparable, position);
                }
            }

            candidates.Add(new ParaphraseCandidate(position, reply, template, rejection?.Reason, rejection?.Kind));
        }

        return candidates;
    }

    /// <summary>Every run of whitespace (line breaks included) becomes one space; the ends are trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static (string Kind, string Reason)? Check(string reply, string template, TemplatePlaceholders sourcePlaceholders)
    {
        if (template.Length == 0)
        {
            return ("empty", "empty");
        }

        if (HasSeveralParagraphs(reply))
        {
            return ("several paragraphs", "spans several paragraphs, but a template is one line of the .prompts file");
        }

        if (template.Any(char.IsControl))
        {
            return ("control characters", "contains control characters");
        }

        TemplatePlaceholders? placeholders = TemplatePlaceholders.TryRead(template, out string? error);
        if (placeholders is null)
        {
            return ("invalid template", "not a valid template: " + error);
        }

        string? difference = sourcePlaceholders.DescribeDifference(placeholders);
        return difference is null ? null : ("placeholders changed", $"changes the placeholders: {difference} (the source has {sourcePlaceholders})");
    }

    /// <summary>A blank line between two lines of text: separate paragraphs (or several answers), not one wrapped sentence.</summary>
    private static bool HasSeveralParagraphs(string reply)
    {
        string[] lines = reply.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        int first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        int last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        for (int i = first + 1; i < last; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Comparable(string template) => CollapseWhitespace(template).ToLowerInvariant();
}
