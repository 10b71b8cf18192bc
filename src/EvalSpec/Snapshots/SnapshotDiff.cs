using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace EvalSpec.Snapshots;

/// <summary>
/// A unified diff from the verified to the received text, with both line numbers on every line, made to be read
/// in a test failure: at most <see cref="MaxLines"/> lines, long lines cut around their first difference. A last line
/// without a final newline is followed by <c>\ No newline at end of file</c>, so texts that differ only there still
/// show a difference.
/// </summary>
/// <example>
/// <code>
/// --- verified
/// +++ received
/// @@ -5,2 +5,2 @@
///        5     5  ## Output
/// -      6        You can return a laptop within 30 days.
/// +            6  You can return a laptop within 14 days.
/// </code>
/// </example>
internal static class SnapshotDiff
{
    public const int MaxLines = 60;
    public const string NoNewlineAtEnd = "\\ No newline at end of file";
    public const int MaxLineLength = 160;
    private const int Context = 2;

    public static string Create(string verified, string received)
    {
        DiffResult diff = Differ.Instance.CreateDiffs(verified, received, ignoreWhiteSpace: false, ignoreCase: false, LfChunker.Instance);
        IReadOnlyList<string> before = diff.PiecesOld;
        IReadOnlyList<string> after = diff.PiecesNew;
        var lines = new List<string> { "--- verified", "+++ received" };
        IList<DiffBlock> blocks = diff.DiffBlocks;
        for (int first = 0; first < blocks.Count;)
        {
            // A hunk takes every following block whose unchanged gap the context lines would bridge.
            int last = first;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - End(blocks[last]) <= 2 * Context)
            {
                last++;
            }

            int oldStart = Math.Max(0, blocks[first].DeleteStartA - Context);
            int newStart = blocks[first].InsertStartB - (blocks[first].DeleteStartA - oldStart);
            int oldEnd = Math.Min(before.Count, End(blocks[last]) + Context);
            int newEnd = blocks[last].InsertStartB + blocks[last].InsertCountB + (oldEnd - End(blocks[last]));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"@@ -{oldStart + 1},{oldEnd - oldStart} +{newStart + 1},{newEnd - newStart} @@"));

            int a = oldStart;
            int b = newStart;
            for (int k = first; k <= last; k++)
            {
                DiffBlock block = blocks[k];
                for (; a < block.DeleteStartA; a++, b++)
                {
                    lines.Add(Line(' ', a, b, Trim(before[a], 0)));
                }

                for (int i = 0; i < block.DeleteCountA; i++)
                {
                    string line = before[block.DeleteStartA + i];
                    lines.Add(Line('-', block.DeleteStartA + i, null, Trim(line, PairedDifference(line, block, i, after))));
                }

                for (int i = 0; i < block.InsertCountB; i++)
                {
                    string line = after[block.InsertStartB + i];
                    string? paired = i < block.DeleteCountA ? before[block.DeleteStartA + i] : null;
                    lines.Add(Line('+', null, block.InsertStartB + i, Trim(line, paired is null ? 0 : FirstDifference(paired, line))));
                }

                a = End(block);
                b = block.InsertStartB + block.InsertCountB;
            }

            for (; a < oldEnd; a++, b++)
            {
                lines.Add(Line(' ', a, b, Trim(before[a], 0)));
            }

            first = last + 1;
        }

        var text = new StringBuilder();
        int shown = Math.Min(lines.Count, MaxLines);
        for (int i = 0; i < shown; i++)
        {
            text.Append(lines[i]).Append('\n');
        }

        if (lines.Count > shown)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {lines.Count - shown} more diff lines: compare the .verified. and .received. files.\n");
        }

        if (!string.Equals(verified, received, StringComparison.Ordinal) && string.Equals(WithoutWhitespace(verified), WithoutWhitespace(received), StringComparison.Ordinal))
        {
            text.Append("(The texts differ only in whitespace.)\n");
        }

        return text.ToString();
    }

    private static int End(DiffBlock block) => block.DeleteStartA + block.DeleteCountA;

    private static int PairedDifference(string line, DiffBlock block, int index, IReadOnlyList<string> after) =>
        index < block.InsertCountB ? FirstDifference(line, after[block.InsertStartB + index]) : 0;

    /// <summary>One diff line; a last line without a final newline (see <see cref="LfChunker"/>) is followed by a note saying so.</summary>
    private static string Line(char marker, int? oldIndex, int? newIndex, string text)
    {
        bool unterminated = text.EndsWith(LfChunker.Unterminated);
        string line = string.Create(CultureInfo.InvariantCulture, $"{marker} {Number(oldIndex),5} {Number(newIndex),5}  {(unterminated ? text[..^1] : text)}");
        return unterminated ? line + "\n" + NoNewlineAtEnd : line;
    }

    private static string Number(int? index) => index is int i ? (i + 1).ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static int FirstDifference(string a, string b)
    {
        int length = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>A long line cut to a window that shows <paramref name="focus"/> (its first difference from its pair).</summary>
    private static string Trim(string line, int focus)
    {
        if (line.EndsWith(LfChunker.Unterminated))
        {
            return Trim(line[..^1], focus) + LfChunker.Unterminated;
        }

        if (line.Length <= MaxLineLength)
        {
            return line;
        }

        int start = Math.Clamp(focus - (MaxLineLength / 4), 0, line.Length - MaxLineLength);
        string window = line.Substring(start, MaxLineLength);
        return (start > 0 ? "…" : string.Empty) + window + (start + MaxLineLength < line.Length ? "…" : string.Empty);
    }

    private static string WithoutWhitespace(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Lines split at LF only (snapshot text has no CR); the newline that ends the last line starts no empty line. A last
    /// line without a final newline ends with <see cref="Unterminated"/> (an LF, which no line otherwise holds), so that
    /// it differs from the same line with one.
    /// </summary>
    private sealed class LfChunker : IChunker
    {
        public const char Unterminated = '\n';

        public static readonly LfChunker Instance = new();

        public IReadOnlyList<string> Chunk(string str)
        {
            if (str.Length == 0)
            {
                return Array.Empty<string>();
            }

            string[] lines = str.Split('\n');
            if (str.EndsWith('\n'))
            {
                return lines[..^1];
            }

            lines[^1] += Unterminated;
            return lines;
        }
    }
}
