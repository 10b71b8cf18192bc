using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalSpec.Judging;

/// <summary>
/// A judge's answer split, in one pass, into its top-level JSON objects and the lines of free text around them, each
/// placed: the judge's own text, or a quotation. Quotations are code fences (except a fence that ends the answer,
/// which may hold the judge's JSON answer), block quotes, Markdown's indented code blocks, HTML <c>blockquote</c> and
/// <c>pre</c> elements, lines wholly in inline code (<c>`Verdict: pass`</c>), JSON objects opened right after a
/// backtick or a quotation mark, and the paragraph a line of prose introduces with a colon (<c>The response ends
/// with:</c>) unless that line names the judge's own verdict (<c>My final verdict is:</c>, <c># Decision:</c>).
/// </summary>
internal sealed partial class AnswerText
{
    // Stands for a parsed JSON object in the free text, so text around it never forms a line of its own.
    private const char ObjectPlaceholder = '\uFFFC';

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly string _freeText;

    private AnswerText(List<AnswerObject> objects, string freeText, List<AnswerLine> lines)
    {
        Objects = objects;
        _freeText = freeText;
        AllLines = lines;
        LastLine = lines.Count > 0 ? lines[^1] : null;
    }

    /// <summary>The top-level <c>{...}</c> spans of the answer that parse as JSON objects, in order.</summary>
    public IReadOnlyList<AnswerObject> Objects { get; }

    /// <summary>The non-empty lines of free text, quoted or not (see <see cref="AnswerLine.Readable"/>).</summary>
    public IReadOnlyList<AnswerLine> AllLines { get; }

    /// <summary>The answer's last non-empty line of free text, wherever it is (see <see cref="AnswerLine.Readable"/>).</summary>
    public AnswerLine? LastLine { get; }

    /// <summary>
    /// Splits <paramref name="raw"/>. Linear: each character is looked at a fixed number of times, and the JSON
    /// parser only sees disjoint spans.
    /// </summary>
    public static AnswerText Scan(string raw)
    {
        var spans = new List<(JsonElement Json, int Line, int EndLine, bool InlineQuoted)>();
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
                spans.Add((json, startLine, line, OpensAfterAQuote(raw, start)));
                free.Append(raw, copied, start - copied);
                AppendPlaceholder(free, raw, start, i + 1);
                copied = i + 1;
            }
        }

        free.Append(raw, copied, raw.Length - copied);
        string freeText = free.ToString();
        string[] all = freeText.Split('\n');
        Place[] places = Places(all);
        int lastNonEmpty = Array.FindLastIndex(all, l => !string.IsNullOrWhiteSpace(l));

        var objects = new List<AnswerObject>(spans.Count);
        foreach ((JsonElement json, int at, int end, bool inlineQuoted) in spans)
        {
            // An object in a fence that text follows, in a block quote or a code block, or in inline quotes is data
            // the judge quotes; so is one in a paragraph a prose line introduces with a colon ("It tries to
            // manipulate the grader with:"), unless the object ends the answer: the end of an answer is the judge's
            // own. "Here is my verdict in JSON:" introduces no quotation (see IntroducesTheVerdict).
            bool quoted = inlineQuoted || places[at] is Place.Fenced or Place.Quoted || (places[at] == Place.Introduced && end != lastNonEmpty);
            objects.Add(new AnswerObject(json, at + 1, quoted));
        }

        var lines = new List<AnswerLine>();
        for (int i = 0; i < all.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(all[i]))
            {
                lines.Add(new AnswerLine(i + 1, all[i].TrimEnd('\r'), places[i] == Place.Text));
            }
        }

        return new AnswerText(objects, freeText, lines);
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

    /// <summary>
    /// Whether the object opening at <paramref name="start"/> follows a backtick or a quotation mark on its line
    /// (spaces between allowed): <c>`{"verdict": "pass"}`</c>, <c>"{...}"</c>, <c>“{...}”</c>. Looks back at most a line.
    /// </summary>
    private static bool OpensAfterAQuote(string raw, int start)
    {
        for (int i = start - 1; i >= 0 && start - i <= 64; i--)
        {
            char c = raw[i];
            if (c is ' ' or '\t')
            {
                continue;
            }

            return c is '`' or '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '\u201E' or '\u2039';
        }

        return false;
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
            if (places[i] == Place.Text && (all[i].TrimStart().StartsWith('>') || IsInlineCode(all[i])))
            {
                places[i] = Place.Quoted;
            }
        }

        QuoteIntroducedParagraphs(all, places, lastNonEmpty);
        return places;
    }

    /// <summary>A line that is one span of inline code, emphasis around it aside: <c>`Verdict: pass`</c>, <c>**`PASS`**</c>.</summary>
    private static bool IsInlineCode(string line)
    {
        string text = line.Trim().Trim('*', '_').Trim();
        return text.Length >= 2 && text[0] == '`' && text[^1] == '`' && !text.StartsWith("```", StringComparison.Ordinal);
    }

    /// <summary>
    /// Marks as quoted the paragraph (the next non-empty lines up to a blank one) after a line of the judge's text that
    /// ends with a colon, unless that line names the judge's verdict (<see cref="IntroducesTheVerdict"/>). The
    /// answer's last line is never marked: the end of an answer is the judge's own.
    /// </summary>
    private static void QuoteIntroducedParagraphs(string[] all, Place[] places, int lastNonEmpty)
    {
        bool quoting = false, started = false;
        for (int i = 0; i < all.Length; i++)
        {
            bool blank = string.IsNullOrWhiteSpace(all[i]);
            if (quoting)
            {
                if (blank)
                {
                    quoting = !started;
                    continue;
                }

                if (places[i] != Place.Text)
                {
                    quoting = false;
                }
                else
                {
                    started = true;
                    if (i != lastNonEmpty)
                    {
                        places[i] = Place.Introduced;
                    }

                    continue;
                }
            }

            if (!blank && places[i] == Place.Text && all[i].TrimEnd().TrimEnd('*', '_').EndsWith(':') && !IntroducesTheVerdict(all[i]))
            {
                (quoting, started) = (true, false);
            }
        }
    }

    /// <summary>
    /// Whether a line ending with a colon names the judge's own verdict or a section of its own: it ends with a label
    /// such as <c>verdict</c>, <c>decision</c>, <c>answer</c>, <c>winner</c>, <c>conclusion</c>, <c>explanation</c> or
    /// <c>therefore</c>, optionally followed by <c>is</c> (<c>Therefore, my final verdict is:</c>).
    /// </summary>
    private static bool IntroducesTheVerdict(string line)
    {
        var words = new StringBuilder(line.Length);
        foreach (char c in line)
        {
            words.Append(char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) : ' ');
        }

        string[] parts = words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int last = parts.Length - 1;

        // "Here is my verdict in JSON:", "My decision, as JSON:", "My final verdict in the following format:".
        while (last > 0 && parts[last] is "json" or "format" or "in" or "as" or "the" or "following" or "this")
        {
            last--;
        }

        if (last > 0 && parts[last] == "is")
        {
            last--;
        }

        // "It ends with its own verdict:", "an injected verdict:": someone else's verdict, quoted.
        if (Array.Exists(parts, p => Array.IndexOf(OthersWords, p) >= 0) && Array.IndexOf(parts, "my") < 0)
        {
            return false;
        }

        return last >= 0 && (Array.IndexOf(VerdictLabels, parts[last]) >= 0 || (last > 0 && parts[last] is "output" or "response" or "one" && parts[last - 1] is "better" or "preferred"));
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

    // The last word of a line that introduces the judge's own verdict or reasoning, not a quotation.
    private static readonly string[] VerdictLabels =
    {
        "verdict", "decision", "result", "results", "answer", "grade", "winner", "choice", "judgment", "judgement", "conclusion", "evaluation",
        "explanation", "assessment", "reasoning", "rationale", "analysis", "summary", "rating", "score", "final", "therefore", "thus", "hence", "so",
    };

    // Words that make a line ending with a verdict label introduce someone else's verdict (the judged output's).
    private static readonly string[] OthersWords = { "its", "their", "his", "her", "own", "injected", "injection", "inject", "injects", "fake", "claimed", "claims" };

    // Linear without a match timeout (whose exception would escape the reader): attempts start only at quotes.
    [GeneratedRegex("\"[A-Za-z]{1,16}\"\\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex JsonKey();

    private enum Place
    {
        Text,
        Quoted,
        Fenced,
        FinalFence,
        Introduced,
    }
}

/// <summary>One non-empty line of an answer's free text, its 1-based line number, and whether it is read (the judge's own text, not a quotation).</summary>
internal readonly record struct AnswerLine(int Number, string Text, bool Readable);

/// <summary>
/// A top-level JSON object of an answer: its 1-based first line, and whether it is data the judge quotes (in a block
/// quote, a code block, a fence that text follows, or right after a backtick or quotation mark).
/// </summary>
internal readonly record struct AnswerObject(JsonElement Json, int Line, bool Quoted);
