using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EvalSpec.Reporting.Reports;

/// <summary>A GitHub-flavoured markdown table; cells are escaped so a reason with a pipe or a line break cannot break it.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = new();

    /// <summary>Headers ending in <c>&gt;</c> are right-aligned (numbers); the marker is not shown.</summary>
    public MarkdownTable(params string[] headers)
    {
        _rightAligned = headers.Select(h => h.EndsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimEnd('>')).ToArray();
    }

    public int Count => _rows.Count;

    public MarkdownTable Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row of this table has {_headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public void WriteTo(StringBuilder markdown)
    {
        markdown.Append("| ").Append(string.Join(" | ", _headers.Select(Escape))).Append(" |\n");
        markdown.Append('|').Append(string.Concat(_rightAligned.Select(r => r ? " ---: |" : " --- |"))).Append('\n');
        foreach (string[] row in _rows)
        {
            markdown.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
        }

        markdown.Append('\n');
    }

    /// <summary>At most <paramref name="limit"/> characters, an ellipsis marking a cut.</summary>
    public static string Truncate(string text, int limit) => text.Length <= limit ? text : text[..limit] + "…";

    public static string Escape(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|", StringComparison.Ordinal);
}
