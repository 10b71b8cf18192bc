using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Splits an answer into the claims a grounding judge checks one by one: sentences, list items, headings and code
/// blocks. No character is lost: the claims, read in order, hold every non-white-space character of the text once
/// (a bullet or list number stays with its item).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A sentence ends at <c>.</c>, <c>!</c>, <c>?</c> or <c>…</c> (repeated, and followed by closing quotation
/// marks or brackets) before white space and a character that is not a lower-case letter; so <c>3.5</c>,
/// <c>approx. ten</c> and <c>... and then</c> are not ends.</item>
/// <item>Abbreviations never end a sentence: a single letter (<c>J. Smith</c>, <c>U.S. law</c>), and <c>e.g.</c>,
/// <c>i.e.</c>, <c>Mr.</c>, <c>Mrs.</c>, <c>Ms.</c>, <c>Dr.</c>, <c>Prof.</c>, <c>St.</c>, <c>vs.</c>, <c>cf.</c>,
/// <c>Fig.</c>, <c>approx.</c>, <c>No.</c> before a digit. (So <c>plan B. Then</c> is one claim: an answer that
/// splits too little is checked as a longer claim, never loses one.)</item>
/// <item>A blank line ends a paragraph; a line that starts a list item (<c>-</c>, <c>*</c>, <c>+</c>, <c>•</c>,
/// <c>1.</c>, <c>1)</c>) or a heading (<c>#</c>) starts a claim, and a heading ends one.</item>
/// <item>Code is never split: a fenced block (<c>```</c> or <c>~~~</c>, to its closing fence or the end) is one claim,
/// and a sentence never ends inside inline code (<c>`a.b()`</c>).</item>
/// <item>A piece with no letter or digit (<c>---</c>, an emoji) joins the claim before it (or after it, at the start).
/// A text with no letter or digit at all has no claims.</item>
/// </list>
/// </remarks>
public static class ClaimSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "cf", "fig", "approx", "sr", "jr",
    };

    /// <summary>Splits <paramref name="text"/> into claims (trimmed, in order).</summary>
    /// <param name="text">The answer; null or white space gives no claims.</param>
    /// <returns>The claims; empty when the text has no letter or digit.</returns>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Array.Empty<string>();
        }

        var pieces = new List<(int Start, int End, bool Code)>();
        int start = 0;
        int i = 0;
        bool lineStart = true;
        bool headingLine = false;
        bool inInlineCode = false;
        while (i < text.Length)
        {
            if (lineStart)
            {
                int indent = i;
                while (indent < text.Length && text[indent] is ' ' or '\t')
                {
                    indent++;
                }

                if (IsFence(text, indent, out char fence))
                {
                    // The whole block, to its closing fence line (or the end), is one piece.
                    Cut(pieces, text, start, i, code: false);
                    int end = FenceEnd(text, indent, fence);
                    Cut(pieces, text, i, end, code: true);
                    start = i = end;
                    lineStart = true;
                    inInlineCode = false;
                    continue;
                }

                headingLine = indent < text.Length && text[indent] == '#';
                if (headingLine || StartsListItem(text, indent))
                {
                    Cut(pieces, text, start, i, code: false);
                    start = i;
                }

                lineStart = false;
            }

            char c = text[i];
            if (c == '\n')
            {
                inInlineCode = false;
                int next = i + 1;
                while (next < text.Length && text[next] is ' ' or '\t' or '\r')
                {
                    next++;
                }

                if (headingLine || (next < text.Length && text[next] == '\n'))
                {
                    // A heading ends its claim, and so does a blank line (a paragraph).
                    Cut(pieces, text, start, i + 1, code: false);
                    start = i + 1;
                }

                i++;
                lineStart = true;
                continue;
            }

            if (c == '`')
            {
                inInlineCode = !inInlineCode;
            }
            else if (!inInlineCode && c is '.' or '!' or '?' or '\u2026' && SentenceEnd(text, i) is int after)
            {
                Cut(pieces, text, start, after, code: false);
                start = i = after;
                continue;
            }

            i++;
        }

        Cut(pieces, text, start, text.Length, code: false);
        return Merge(text, pieces);
    }

    /// <summary>The index after a sentence's end whose last mark is at <paramref name="at"/>, or null when it is not one.</summary>
    private static int? SentenceEnd(string text, int at)
    {
        // "1." opening a line is a list number, not a sentence.
        int digitsFrom = at;
        while (digitsFrom > 0 && char.IsAsciiDigit(text[digitsFrom - 1]))
        {
            digitsFrom--;
        }

        int lineFrom = digitsFrom;
        while (lineFrom > 0 && text[lineFrom - 1] is ' ' or '\t')
        {
            lineFrom--;
        }

        if (digitsFrom < at && (lineFrom == 0 || text[lineFrom - 1] == '\n'))
        {
            return null;
        }

        int j = at;
        while (j < text.Length && text[j] is '.' or '!' or '?' or '\u2026')
        {
            j++;
        }

        while (j < text.Length && text[j] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '*' or '_' or '\u00BB')
        {
            j++;
        }

        if (j < text.Length && !char.IsWhiteSpace(text[j]))
        {
            return null;
        }

        int next = j;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next < text.Length && char.IsLower(text[next]))
        {
            return null;
        }

        if (text[at] == '.' && j - at == 1 + Trailing(text, at + 1) && IsAbbreviation(text, at, next))
        {
            return null;
        }

        return j;
    }

    // Closing marks after a single full stop (counted so that "etc.)" is still a single stop).
    private static int Trailing(string text, int from)
    {
        int j = from;
        while (j < text.Length && text[j] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '*' or '_' or '\u00BB')
        {
            j++;
        }

        return j - from;
    }

    private static bool IsAbbreviation(string text, int dot, int next)
    {
        // The word before the stop, dots inside it kept ("e.g", "U.S").
        int from = dot;
        while (from > 0 && (char.IsLetter(text[from - 1]) || (text[from - 1] == '.' && from - 1 > 0 && char.IsLetter(text[from - 2]))))
        {
            from--;
        }

        string word = text[from..dot];
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Length == 1 || (word.Contains('.', StringComparison.Ordinal) && word.Split('.').All(p => p.Length == 1)))
        {
            // An initial ("J. Smith") or a dotted abbreviation ("U.S.", "e.g.").
            return char.IsUpper(word[0]) || Abbreviations.Contains(word);
        }

        if (word.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return next < text.Length && char.IsAsciiDigit(text[next]);
        }

        return Abbreviations.Contains(word);
    }

    private static bool StartsListItem(string text, int at)
    {
        if (at + 1 < text.Length && text[at] is '-' or '*' or '+' or '\u2022' && text[at + 1] == ' ')
        {
            return true;
        }

        int digits = 0;
        while (at + digits < text.Length && digits < 4 && char.IsAsciiDigit(text[at + digits]))
        {
            digits++;
        }

        return digits > 0 && at + digits + 1 < text.Length && text[at + digits] is '.' or ')' && text[at + digits + 1] == ' ';
    }

    private static bool IsFence(string text, int at, out char fence)
    {
        fence = at < text.Length ? text[at] : '\0';
        return fence is '`' or '~' && at + 2 < text.Length && text[at + 1] == fence && text[at + 2] == fence;
    }

    // The index after the closing fence's line, or the text's end when the block is not closed.
    private static int FenceEnd(string text, int openAt, char fence)
    {
        int lineEnd = text.IndexOf('\n', openAt);
        while (lineEnd >= 0)
        {
            int lineBegin = lineEnd + 1;
            int indent = lineBegin;
            while (indent < text.Length && text[indent] is ' ' or '\t')
            {
                indent++;
            }

            int next = text.IndexOf('\n', lineBegin);
            if (IsFence(text, indent, out char closing) && closing == fence)
            {
                return next < 0 ? text.Length : next + 1;
            }

            lineEnd = next;
        }

        return text.Length;
    }

    private static void Cut(List<(int Start, int End, bool Code)> pieces, string text, int start, int end, bool code)
    {
        if (end > start && !string.IsNullOrWhiteSpace(text[start..end]))
        {
            pieces.Add((start, end, code));
        }
    }

    private static IReadOnlyList<string> Merge(string text, List<(int Start, int End, bool Code)> pieces)
    {
        // A piece with no letter or digit ("---", "**", an emoji) is kept with a neighbour, so nothing is lost.
        var claims = new List<string>();
        string? pending = null;
        foreach ((int start, int end, _) in pieces)
        {
            string piece = text[start..end].Trim();
            if (!piece.Any(char.IsLetterOrDigit))
            {
                if (claims.Count > 0)
                {
                    claims[^1] = claims[^1] + " " + piece;
                }
                else
                {
                    pending = pending is null ? piece : pending + " " + piece;
                }

                continue;
            }

            claims.Add(pending is null ? piece : pending + " " + piece);
            pending = null;
        }

        return claims;
    }
}
