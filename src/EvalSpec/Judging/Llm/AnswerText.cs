using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// A judge's answer split, in one pass, into its top-level JSON objects and the lines of free text around them:
/// the lines a verdict may be read from are those outside code fences and block quotes.
/// </summary>
internal sealed partial class AnswerText
{
    // Stands for a parsed JSON object in the free text, so text around it never forms a line of its own.
    private const char ObjectPlaceholder = '\uFFFC';

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly string _freeText;

    private AnswerText(List<JsonElement> objects, string freeText, List<AnswerLine> lines, AnswerLine? lastLine)
    {
        Objects = objects;
        _freeText = freeText;
        Lines = lines;
        LastLine = lastLine;
    }

    /// <summary>The top-level <c>{...}</c> spans of the answer that parse as JSON objects, in order.</summary>
    public IReadOnlyList<JsonElement> Objects { get; }

    /// <summary>The non-empty lines of free text outside code fences and block quotes, with their line numbers.</summary>
    public IReadOnlyList<AnswerLine> Lines { get; }

    /// <summary>The answer's last non-empty line, when it is free text outside fences and quotes.</summary>
    public AnswerLine? LastLine { get; }

    /// <summary>
    /// Splits <paramref name="raw"/>. Linear: each character is looked at a fixed number of times, and the JSON
    /// parser only sees disjoint spans.
    /// </summary>
    public static AnswerText Scan(string raw)
    {
        var objects = new List<JsonElement>();
        var free = new StringBuilder(raw.Length);
        int copied = 0, depth = 0, start = 0;
        bool inString = false, escaped = false;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (depth == 0)
            {
                if (c == '{')
                {
                    (depth, start, inString, escaped) = (1, i, false, false);
                }

                continue;
            }

            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                else if (c == '\n')
                {
                    // A JSON string never holds a raw line break: this brace opened prose, not an object. Starting
                    // over here keeps a stray quote from swallowing the rest of the answer.
                    depth = 0;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0 && TryParseObject(raw, start, i + 1, out JsonElement json))
            {
                objects.Add(json);
                free.Append(raw, copied, start - copied);
                AppendPlaceholder(free, raw, start, i + 1);
                copied = i + 1;
            }
        }

        free.Append(raw, copied, raw.Length - copied);
        string freeText = free.ToString();
        (List<AnswerLine> lines, AnswerLine? last) = ReadableLines(freeText);
        return new AnswerText(objects, freeText, lines, last);
    }

    /// <summary>
    /// The first of <paramref name="fields"/> that appears as a JSON key (<c>"verdict":</c>) in the free text, that
    /// is outside every object that parsed: a truncated or malformed answer object.
    /// </summary>
    public string? LooseField(string[] fields)
    {
        // Without allocating per match: an answer may hold thousands of keys.
        foreach (ValueMatch match in JsonKey().EnumerateMatches(_freeText))
        {
            ReadOnlySpan<char> quoted = _freeText.AsSpan(match.Index + 1);
            ReadOnlySpan<char> key = quoted[..quoted.IndexOf('"')];
            foreach (string field in fields)
            {
                if (key.Equals(field, StringComparison.OrdinalIgnoreCase))
                {
                    return field;
                }
            }
        }

        return null;
    }

    // The placeholder keeps line numbers: a multi-line object becomes placeholder, its line breaks, placeholder.
    private static void AppendPlaceholder(StringBuilder free, string raw, int start, int end)
    {
        free.Append(ObjectPlaceholder);
        int breaks = 0;
        for (int i = start; i < end; i++)
        {
            breaks += raw[i] == '\n' ? 1 : 0;
        }

        if (breaks > 0)
        {
            free.Append('\n', breaks).Append(ObjectPlaceholder);
        }
    }

    private static bool TryParseObject(string raw, int start, int end, out JsonElement json)
    {
        json = default;

        // Cheap refusal of what cannot be an object ("{a}", "{ see below }") before the parser is asked.
        int first = start + 1;
        while (first < end && raw[first] is ' ' or '\t' or '\r' or '\n')
        {
            first++;
        }

        if (raw[first] is not ('"' or '}'))
        {
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(raw.AsMemory(start, end - start), JsonOptions);
            json = document.RootElement.Clone();
            return true;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // Malformed JSON (or text that cannot be transcoded, such as a lone surrogate) is free text.
            return false;
        }
    }

    private static (List<AnswerLine> Lines, AnswerLine? Last) ReadableLines(string freeText)
    {
        string[] all = freeText.Split('\n');
        var hidden = new bool[all.Length];

        // Fences pair up in order; an opening fence never closed hides nothing (else it could hide a final verdict).
        int open = -1;
        for (int i = 0; i < all.Length; i++)
        {
            string trimmed = all[i].TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                if (open < 0)
                {
                    open = i;
                }
                else
                {
                    Array.Fill(hidden, true, open, i - open + 1);
                    open = -1;
                }
            }
            else if (trimmed.StartsWith('>'))
            {
                hidden[i] = true;
            }
        }

        var lines = new List<AnswerLine>();
        AnswerLine? last = null;
        for (int i = 0; i < all.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(all[i]))
            {
                continue;
            }

            var line = new AnswerLine(i + 1, all[i].TrimEnd('\r'));
            last = hidden[i] ? null : line;
            if (!hidden[i])
            {
                lines.Add(line);
            }
        }

        return (lines, last);
    }

    // Linear without a match timeout (whose exception would escape the reader): attempts start only at quotes.
    [GeneratedRegex("\"[A-Za-z]{1,16}\"\\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex JsonKey();
}

/// <summary>One line of an answer's free text and its 1-based line number in the answer.</summary>
internal readonly record struct AnswerLine(int Number, string Text);
