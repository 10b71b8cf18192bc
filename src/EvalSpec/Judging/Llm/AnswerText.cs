using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// A judge's answer split, in one pass, into its top-level JSON objects and the lines of free text around them, each
/// placed: free text, quoted (a block quote, an indented code block, an HTML <c>blockquote</c> or <c>pre</c>), inside
/// a code fence, or inside the code fence that ends the answer. Only the answer's end can decide its verdict, so the
/// scan also finds the end: the JSON object that ends the answer (possibly inside a final fence), else the last
/// non-empty line.
/// </summary>
internal sealed partial class AnswerText
{
    // Stands for a parsed JSON object in the free text, so text around it never forms a line of its own.
    private const char ObjectPlaceholder = '\uFFFC';

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly string _freeText;

    private AnswerText(List<AnswerObject> objects, string freeText, List<AnswerLine> lines, AnswerLine? lastLine)
    {
        Objects = objects;
        _freeText = freeText;
        Lines = lines;
        LastLine = lastLine;
    }

    /// <summary>The top-level <c>{...}</c> spans of the answer that parse as JSON objects, in order.</summary>
    public IReadOnlyList<AnswerObject> Objects { get; }

    /// <summary>The non-empty lines of free text that are read: outside code fences, quotes and code blocks.</summary>
    public IReadOnlyList<AnswerLine> Lines { get; }

    /// <summary>The answer's last non-empty line of free text, wherever it is (see <see cref="AnswerLine.Readable"/>).</summary>
    public AnswerLine? LastLine { get; }

    /// <summary>The JSON object that ends the answer (see <see cref="AnswerObject.EndsAnswer"/>), if any.</summary>
    public AnswerObject? FinalObject => Objects.Count > 0 && Objects[^1].EndsAnswer ? Objects[^1] : null;

    /// <summary>
    /// Splits <paramref name="raw"/>. Linear: each character is looked at a fixed number of times, and the JSON
    /// parser only sees disjoint spans.
    /// </summary>
    public static AnswerText Scan(string raw)
    {
        var spans = new List<(JsonElement Json, int Line, int End)>();
        var free = new StringBuilder(raw.Length);
        int copied = 0, depth = 0, start = 0, line = 0, startLine = 0;
        bool inString = false, escaped = false;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '\n')
            {
                line++;
            }

            if (depth == 0)
            {
                if (c == '{')
                {
                    (depth, start, startLine, inString, escaped) = (1, i, line, false, false);
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
                spans.Add((json, startLine, i + 1));
                free.Append(raw, copied, start - copied);
                AppendPlaceholder(free, raw, start, i + 1);
                copied = i + 1;
            }
        }

        free.Append(raw, copied, raw.Length - copied);
        string freeText = free.ToString();
        string[] all = freeText.Split('\n');
        Place[] places = Places(all);

        var objects = new List<AnswerObject>(spans.Count);
        for (int i = 0; i < spans.Count; i++)
        {
            (JsonElement json, int at, int end) = spans[i];
            bool endsAnswer = i == spans.Count - 1 && OnlyAClosingFenceFollows(raw, end);

            // An object in a fence that text follows, in a block quote or in a code block is data the judge quotes.
            bool quoted = places[at] is Place.Fenced or Place.Quoted;
            objects.Add(new AnswerObject(json, at + 1, quoted, endsAnswer));
        }

        var lines = new List<AnswerLine>();
        AnswerLine? last = null;
        for (int i = 0; i < all.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(all[i]))
            {
                continue;
            }

            last = new AnswerLine(i + 1, all[i].TrimEnd('\r'), places[i] == Place.Text);
            if (last.Value.Readable)
            {
                lines.Add(last.Value);
            }
        }

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

    /// <summary>Whether nothing but white space, or white space around one closing fence line, follows <paramref name="end"/>.</summary>
    private static bool OnlyAClosingFenceFollows(string raw, int end)
    {
        int i = end;
        while (i < raw.Length && char.IsWhiteSpace(raw[i]))
        {
            i++;
        }

        if (i < raw.Length && raw[i] is '`' or '~')
        {
            char fence = raw[i];
            int run = 0;
            while (i < raw.Length && raw[i] == fence)
            {
                (i, run) = (i + 1, run + 1);
            }

            if (run < 3)
            {
                return false;
            }

            while (i < raw.Length && char.IsWhiteSpace(raw[i]))
            {
                i++;
            }
        }

        return i == raw.Length;
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

    /// <summary>Where each line of the free text is. Regions that open and never close hide nothing, so they cannot hide the answer's end.</summary>
    private static Place[] Places(string[] all)
    {
        var places = new Place[all.Length];
        int lastNonEmpty = Array.FindLastIndex(all, l => !string.IsNullOrWhiteSpace(l));

        // Fences pair up in order. A fence closed on the answer's last non-empty line is the final fence: the JSON
        // object inside it may end the answer; its lines are still not read.
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
                    Array.Fill(places, i == lastNonEmpty ? Place.FinalFence : Place.Fenced, open, i - open + 1);
                    open = -1;
                }
            }
        }

        QuoteHtml(all, places, "blockquote");
        QuoteHtml(all, places, "pre");
        QuoteIndentedCode(all, places);
        for (int i = 0; i < all.Length; i++)
        {
            if (places[i] == Place.Text && all[i].TrimStart().StartsWith('>'))
            {
                places[i] = Place.Quoted;
            }
        }

        return places;
    }

    /// <summary>Marks the lines from an opening <c>&lt;tag&gt;</c> to its closing tag as quoted (one line when both are on it).</summary>
    private static void QuoteHtml(string[] all, Place[] places, string tag)
    {
        string opening = "<" + tag, closing = "</" + tag;
        int open = -1;
        for (int i = 0; i < all.Length; i++)
        {
            if (places[i] != Place.Text)
            {
                continue;
            }

            string text = all[i];
            int from = 0;
            if (open < 0)
            {
                int at = OpeningTag(text, opening);
                if (at < 0)
                {
                    continue;
                }

                open = i;
                from = at + opening.Length;
            }

            if (text.IndexOf(closing, from, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                Array.Fill(places, Place.Quoted, open, i - open + 1);
                open = -1;
            }
        }
    }

    // "<pre>" or "<pre class=...>", not "<prefix>".
    private static int OpeningTag(string text, string opening)
    {
        int at = text.IndexOf(opening, StringComparison.OrdinalIgnoreCase);
        int after = at + opening.Length;
        return at >= 0 && (after == text.Length || text[after] is '>' or ' ' or '\t' or '/') ? at : -1;
    }

    /// <summary>
    /// Marks Markdown's indented code blocks as quoted: lines indented by four columns or more after a blank line
    /// (not at the answer's start), with the indented and blank lines that continue them.
    /// </summary>
    private static void QuoteIndentedCode(string[] all, Place[] places)
    {
        bool seenText = false, afterBlank = false, inBlock = false;
        for (int i = 0; i < all.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(all[i]))
            {
                afterBlank = true;
                continue;
            }

            if (places[i] == Place.Text && Indent(all[i]) >= 4 && (inBlock || (afterBlank && seenText)))
            {
                places[i] = Place.Quoted;
                inBlock = true;
            }
            else
            {
                inBlock = false;
            }

            (seenText, afterBlank) = (true, false);
        }
    }

    private static int Indent(string line)
    {
        int columns = 0;
        foreach (char c in line)
        {
            if (c == ' ')
            {
                columns++;
            }
            else if (c == '\t')
            {
                columns += 4 - (columns % 4);
            }
            else
            {
                break;
            }

            if (columns >= 4)
            {
                break;
            }
        }

        return columns;
    }

    // Linear without a match timeout (whose exception would escape the reader): attempts start only at quotes.
    [GeneratedRegex("\"[A-Za-z]{1,16}\"\\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex JsonKey();

    private enum Place
    {
        Text,
        Quoted,
        Fenced,
        FinalFence,
    }
}

/// <summary>One non-empty line of an answer's free text, its 1-based line number, and whether it is read (outside fences, quotes and code blocks).</summary>
internal readonly record struct AnswerLine(int Number, string Text, bool Readable);

/// <summary>
/// A top-level JSON object of an answer: its 1-based first line; whether it is data the judge quotes (in a block
/// quote, a code block, or a fence that text follows); whether it ends the answer (nothing after it but white
/// space and a closing fence).
/// </summary>
internal readonly record struct AnswerObject(JsonElement Json, int Line, bool Quoted, bool EndsAnswer);
