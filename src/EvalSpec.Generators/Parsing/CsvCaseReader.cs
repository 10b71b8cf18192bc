using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvalSpec.Generators.Model;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// Reads a CSV case file (RFC 4180): a header row naming the columns, then one record per case. Fields are separated
/// by commas; a field in double quotes may hold commas, line breaks and doubled quotes (<c>""</c>); records end with
/// CRLF, LF or CR; a leading byte order mark is skipped; blank lines are skipped. A quote inside an unquoted field,
/// text after a closing quote, a quote left open at the end of the file and a record with more or fewer fields than
/// the header are errors with their line and column. Written here rather than taken from CsvHelper: the generator is
/// a netstandard2.0 compiler plug-in that carries no dependencies (see docs/dependencies.md).
/// </summary>
internal static class CsvCaseReader
{
    public static DataFileSpec Read(string path, string text)
    {
        var errors = new List<DataFileError>();
        List<List<Field>> records = Records(text, errors);
        var rows = new List<DataRow>();
        if (errors.Count > 0)
        {
            return new DataFileSpec(path, EquatableArray<DataRow>.Empty, new EquatableArray<DataFileError>(errors));
        }

        if (records.Count == 0)
        {
            errors.Add(new DataFileError(1, 1, "the file is empty; a CSV case file starts with a header row naming the columns"));
            return new DataFileSpec(path, EquatableArray<DataRow>.Empty, new EquatableArray<DataFileError>(errors));
        }

        List<Field> header = records[0];
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (Field field in header)
        {
            string name = field.Value.Trim();
            if (name.Length == 0)
            {
                errors.Add(new DataFileError(field.Line, field.Column, "a header cell is empty; name every column"));
            }
            else if (!names.Add(name))
            {
                errors.Add(new DataFileError(field.Line, field.Column, "the column '" + name + "' is named twice in the header"));
            }
        }

        if (errors.Count > 0)
        {
            return new DataFileSpec(path, EquatableArray<DataRow>.Empty, new EquatableArray<DataFileError>(errors));
        }

        foreach (List<Field> record in records.Skip(1))
        {
            if (record.Count != header.Count)
            {
                errors.Add(new DataFileError(record[0].Line, record[0].Column, "the record has " + record.Count + " field(s) but the header has " + header.Count + "; quote fields that contain commas"));
                continue;
            }

            rows.Add(new DataRow(record[0].Line, new EquatableArray<DataCell>(record.Select((f, i) =>
                new DataCell(header[i].Value.Trim(), DataValueKind.Text, f.Value, EquatableArray<string>.Empty, f.Line, f.Column)))));
        }

        return new DataFileSpec(path, new EquatableArray<DataRow>(rows), new EquatableArray<DataFileError>(errors));
    }

    private static List<List<Field>> Records(string text, List<DataFileError> errors)
    {
        var records = new List<List<Field>>();
        var record = new List<Field>();
        var value = new StringBuilder();
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        int line = 1;
        int column = 1;
        while (i <= text.Length)
        {
            int fieldLine = line;
            int fieldColumn = column;
            value.Clear();
            bool quoted = i < text.Length && text[i] == '"';
            if (quoted)
            {
                i++;
                column++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        errors.Add(new DataFileError(fieldLine, fieldColumn, "the quoted field is never closed; end it with a double quote"));
                        return records;
                    }

                    char c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            column += 2;
                            continue;
                        }

                        i++;
                        column++;
                        break;
                    }

                    int start = i;
                    Advance(text, ref i, ref line, ref column);
                    value.Append(text, start, i - start);
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                {
                    errors.Add(new DataFileError(line, column, "text follows the closing quote of a field; a quote inside a quoted field is written twice (\"\")"));
                    return records;
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                {
                    if (text[i] == '"')
                    {
                        errors.Add(new DataFileError(line, column, "a double quote inside an unquoted field; quote the whole field and double the quote (\"\")"));
                        return records;
                    }

                    value.Append(text[i]);
                    i++;
                    column++;
                }
            }

            record.Add(new Field(value.ToString(), fieldLine, fieldColumn, quoted));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                column++;
                continue;
            }

            // End of the record: a line break or the end of the text. A blank line (one empty unquoted field) is skipped.
            if (!(record.Count == 1 && !record[0].Quoted && record[0].Value.Length == 0))
            {
                records.Add(record);
            }

            record = new List<Field>();
            if (i >= text.Length)
            {
                break;
            }

            Advance(text, ref i, ref line, ref column);
        }

        return records;
    }

    /// <summary>Moves past one character, counting CRLF, LF and CR as one line break.</summary>
    private static void Advance(string text, ref int i, ref int line, ref int column)
    {
        char c = text[i];
        if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
        {
            i += 2;
            line++;
            column = 1;
        }
        else if (c is '\r' or '\n')
        {
            i++;
            line++;
            column = 1;
        }
        else
        {
            i++;
            column++;
        }
    }

    private readonly struct Field(string value, int line, int column, bool quoted)
    {
        public string Value { get; } = value;

        public int Line { get; } = line;

        public int Column { get; } = column;

        public bool Quoted { get; } = quoted;
    }
}
