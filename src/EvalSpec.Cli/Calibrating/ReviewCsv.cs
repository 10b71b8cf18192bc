using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EvalSpec.Judging;

namespace EvalSpec.Cli.Calibrating;

/// <summary>The CSV people label review rows in: RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes), UTF-8, a header row.</summary>
internal static class ReviewCsv
{
    private static readonly string[] Columns = { "id", "label", "labelledBy", "rowId", "reason", "outcome", "input", "output", "rationale" };

    public static void Write(string path, IEnumerable<ReviewItem> items)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns).Append("\r\n");
        foreach (ReviewItem item in items)
        {
            text.AppendJoin(',', new[] { item.Id, string.Empty, string.Empty, item.RowId, item.Reason, item.Outcome, item.Input ?? string.Empty, item.Output, item.Rationale ?? string.Empty }.Select(Quote)).Append("\r\n");
        }

        EvalSpec.Persistence.AtomicFile.Write(path, new UTF8Encoding(true).GetBytes(text.ToString()));
    }

    /// <summary>The labelled rows (a blank label is skipped: not labelled yet).</summary>
    /// <exception cref="CliInputException">No id or label column, a label that is not pass or fail, or an id labelled twice.</exception>
    public static IReadOnlyList<(int Line, string Id, VerdictOutcome Label, string? By)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"The labels CSV {path} does not exist.");
        }

        List<(int Line, string[] Fields)> records = Parse(File.ReadAllText(path), path);
        if (records.Count == 0)
        {
            throw new CliInputException($"The labels CSV {path} is empty: it needs a header row with the columns id and label.");
        }

        string[] header = records[0].Fields.Select(f => f.Trim()).ToArray();
        int id = Array.FindIndex(header, h => string.Equals(h, "id", StringComparison.OrdinalIgnoreCase));
        int label = Array.FindIndex(header, h => string.Equals(h, "label", StringComparison.OrdinalIgnoreCase));
        int by = Array.FindIndex(header, h => string.Equals(h, "labelledBy", StringComparison.OrdinalIgnoreCase));
        if (id < 0 || label < 0)
        {
            throw new CliInputException($"The labels CSV {path} has no {(id < 0 ? "id" : "label")} column (its header is {string.Join(",", header)}). Export it with `evalspec review <run folder> --export {path}`.");
        }

        var result = new List<(int, string, VerdictOutcome, string?)>();
        var seen = new Dictionary<string, (int Line, VerdictOutcome Label)>(StringComparer.Ordinal);
        foreach ((int line, string[] fields) in records.Skip(1))
        {
            string Field(int i) => i >= 0 && i < fields.Length ? fields[i].Trim() : string.Empty;
            if (Field(id).Length == 0 || Field(label).Length == 0)
            {
                continue;
            }

            VerdictOutcome value;
            try
            {
                value = ReviewQueue.LabelOf(Field(label));
            }
            catch (FormatException ex)
            {
                throw new CliInputException($"{path} line {line.ToString(CultureInfo.InvariantCulture)} (item '{Field(id)}'): {ex.Message}", ex);
            }

            if (seen.TryGetValue(Field(id), out var first))
            {
                throw new CliInputException(first.Label == value
                    ? $"{path} line {line.ToString(CultureInfo.InvariantCulture)} labels '{Field(id)}' again (first on line {first.Line.ToString(CultureInfo.InvariantCulture)}); label each row once."
                    : $"{path} lines {first.Line.ToString(CultureInfo.InvariantCulture)} and {line.ToString(CultureInfo.InvariantCulture)} give '{Field(id)}' different labels; settle on one.");
            }

            seen.Add(Field(id), (line, value));
            result.Add((line, Field(id), value, Field(by).Length == 0 ? null : Field(by)));
        }

        return result;
    }

    private static string Quote(string field) =>
        field.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0 && !field.StartsWith(' ') ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Records with the line each starts on.</summary>
    private static List<(int Line, string[] Fields)> Parse(string text, string path)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1;
        text = text.TrimStart('\uFEFF');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    End();
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new CliInputException($"{path}: a quoted field opened on line {start.ToString(CultureInfo.InvariantCulture)} is never closed.");
        }

        End();
        return records;

        void End()
        {
            if (any || field.Length > 0)
            {
                fields.Add(field.ToString());
                records.Add((start, fields.ToArray()));
            }

            fields.Clear();
            field.Clear();
            any = false;
        }
    }
}
