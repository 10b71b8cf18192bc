using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EvalSpec.Generators.Model;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// Reads a JSONL case file: one JSON object per line, whose members are strings, numbers, true, false, null, (for
/// <c>tags</c>) arrays of strings or (for <c>turns</c>, a conversation) an array of objects with the string members
/// <c>role</c> and <c>content</c>. Blank lines are skipped; a leading byte order mark is skipped. Anything else (a
/// line that is not one object, a nested object, a duplicate member, a syntax error) is an error with its line and
/// column. A small reader of its own: the generator runs in the compiler on netstandard2.0, without System.Text.Json.
/// </summary>
internal static class JsonLinesCaseReader
{
    public static DataFileSpec Read(string path, string text)
    {
        var rows = new List<DataRow>();
        var errors = new List<DataFileError>();
        int lineNumber = 0;
        int position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (position <= text.Length)
        {
            lineNumber++;
            int end = position;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }

            string line = text.Substring(position, end - position);
            position = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var reader = new LineReader(line, lineNumber);
            DataRow? row = reader.ReadObject(out DataFileError? error);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                rows.Add(row!);
            }
        }

        return new DataFileSpec(path, new EquatableArray<DataRow>(rows), new EquatableArray<DataFileError>(errors));
    }

    private sealed class LineReader(string text, int line)
    {
        private int _i;

        public DataRow? ReadObject(out DataFileError? error)
        {
            error = null;
            try
            {
                SkipSpace();
                Expect('{', "each line must be one JSON object, starting with '{'");
                var cells = new List<DataCell>();
                var names = new HashSet<string>(System.StringComparer.Ordinal);
                SkipSpace();
                if (Peek() == '}')
                {
                    _i++;
                }
                else
                {
                    while (true)
                    {
                        SkipSpace();
                        int nameColumn = _i + 1;
                        if (Peek() != '"')
                        {
                            throw Fail("expected a member name in double quotes");
                        }

                        string name = ReadString();
                        if (!names.Add(name))
                        {
                            throw new ParseException(nameColumn, "the member '" + name + "' appears twice on the line");
                        }

                        SkipSpace();
                        Expect(':', "expected ':' after the member name");
                        SkipSpace();
                        cells.Add(ReadValue(name));
                        SkipSpace();
                        char next = Peek();
                        _i++;
                        if (next == ',')
                        {
                            continue;
                        }

                        if (next == '}')
                        {
                            break;
                        }

                        _i--;
                        throw Fail("expected ',' or '}'");
                    }
                }

                SkipSpace();
                if (_i < text.Length)
                {
                    throw Fail("text after the end of the object; write one object per line");
                }

                return new DataRow(line, new EquatableArray<DataCell>(cells));
            }
            catch (ParseException ex)
            {
                error = new DataFileError(line, ex.Column, ex.Message);
                return null;
            }
        }

        private DataCell ReadValue(string name)
        {
            int column = _i + 1;
            char c = Peek();
            switch (c)
            {
                case '"':
                    return new DataCell(name, DataValueKind.String, ReadString(), EquatableArray<string>.Empty, line, column);
                case '[' when name == ConversationRules.TurnsColumn:
                    return ReadTurns(name, column);
                case '[':
                {
                    _i++;
                    var items = new List<string>();
                    SkipSpace();
                    if (Peek() == ']')
                    {
                        _i++;
                        return new DataCell(name, DataValueKind.Array, string.Empty, EquatableArray<string>.Empty, line, column);
                    }

                    while (true)
                    {
                        SkipSpace();
                        if (Peek() != '"')
                        {
                            throw Fail("arrays may hold only strings (as in \"tags\": [\"billing\", \"urgent\"])");
                        }

                        items.Add(ReadString());
                        SkipSpace();
                        char next = Peek();
                        _i++;
                        if (next == ']')
                        {
                            return new DataCell(name, DataValueKind.Array, string.Empty, new EquatableArray<string>(items), line, column);
                        }

                        if (next != ',')
                        {
                            _i--;
                            throw Fail("expected ',' or ']' in the array");
                        }
                    }
                }

                case '{':
                    throw Fail("nested objects are not supported as case values; use strings, numbers, true, false or null");
                case 't':
                    ReadWord("true");
                    return new DataCell(name, DataValueKind.Boolean, "true", EquatableArray<string>.Empty, line, column);
                case 'f':
                    ReadWord("false");
                    return new DataCell(name, DataValueKind.Boolean, "false", EquatableArray<string>.Empty, line, column);
                case 'n':
                    ReadWord("null");
                    return new DataCell(name, DataValueKind.Null, "null", EquatableArray<string>.Empty, line, column);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return new DataCell(name, DataValueKind.Number, ReadNumber(), EquatableArray<string>.Empty, line, column);
                    }

                    throw Fail(c == '\0' ? "the line ends where a value was expected" : "'" + c + "' does not start a JSON value");
            }
        }

        /// <summary>A conversation: <c>[{"role": "user", "content": "..."}, ...]</c>, each object with exactly those two string members.</summary>
        private DataCell ReadTurns(string name, int column)
        {
            _i++;
            var turns = new List<DataTurn>();
            SkipSpace();
            if (Peek() == ']')
            {
                _i++;
                return new DataCell(name, DataValueKind.Turns, string.Empty, EquatableArray<string>.Empty, line, column, EquatableArray<DataTurn>.Empty);
            }

            while (true)
            {
                SkipSpace();
                int turnColumn = _i + 1;
                Expect('{', "each turn must be an object {\"role\": \"user\", \"content\": \"...\"}");
                string? role = null;
                string? content = null;
                while (true)
                {
                    SkipSpace();
                    int memberColumn = _i + 1;
                    if (Peek() != '"')
                    {
                        throw Fail("expected \"role\" or \"content\" in double quotes");
                    }

                    string member = ReadString();
                    SkipSpace();
                    Expect(':', "expected ':' after the member name");
                    SkipSpace();
                    if (Peek() != '"')
                    {
                        throw Fail("the turn's '" + member + "' must be a string");
                    }

                    string value = ReadString();
                    switch (member)
                    {
                        case "role" when role is null:
                            role = value;
                            break;
                        case "content" when content is null:
                            content = value;
                            break;
                        case "role":
                        case "content":
                            throw new ParseException(memberColumn, "the turn has '" + member + "' twice");
                        default:
                            throw new ParseException(memberColumn, "a turn has only 'role' and 'content', not '" + member + "'");
                    }

                    SkipSpace();
                    char next = Peek();
                    _i++;
                    if (next == '}')
                    {
                        break;
                    }

                    if (next != ',')
                    {
                        _i--;
                        throw Fail("expected ',' or '}' in the turn");
                    }
                }

                if (role is null || content is null)
                {
                    throw new ParseException(turnColumn, "the turn has no '" + (role is null ? "role" : "content") + "'");
                }

                turns.Add(new DataTurn(role, content, line, turnColumn));
                SkipSpace();
                char after = Peek();
                _i++;
                if (after == ']')
                {
                    return new DataCell(name, DataValueKind.Turns, string.Empty, EquatableArray<string>.Empty, line, column, new EquatableArray<DataTurn>(turns));
                }

                if (after != ',')
                {
                    _i--;
                    throw Fail("expected ',' or ']' after the turn");
                }
            }
        }

        private string ReadNumber()
        {
            int start = _i;
            if (Peek() == '-')
            {
                _i++;
            }

            int digits = Digits();
            if (digits == 0 || (digits > 1 && text[start + (text[start] == '-' ? 1 : 0)] == '0'))
            {
                throw new ParseException(start + 1, "malformed number");
            }

            if (Peek() == '.')
            {
                _i++;
                if (Digits() == 0)
                {
                    throw new ParseException(start + 1, "malformed number: digits must follow '.'");
                }
            }

            if (Peek() is 'e' or 'E')
            {
                _i++;
                if (Peek() is '+' or '-')
                {
                    _i++;
                }

                if (Digits() == 0)
                {
                    throw new ParseException(start + 1, "malformed number: digits must follow the exponent");
                }
            }

            return text.Substring(start, _i - start);
        }

        private int Digits()
        {
            int count = 0;
            while (_i < text.Length && text[_i] >= '0' && text[_i] <= '9')
            {
                _i++;
                count++;
            }

            return count;
        }

        private void ReadWord(string word)
        {
            if (string.CompareOrdinal(text, _i, word, 0, word.Length) != 0)
            {
                throw Fail("'" + text[_i] + "' does not start a JSON value (literals are true, false and null, in lower case)");
            }

            _i += word.Length;
        }

        private string ReadString()
        {
            int start = _i;
            _i++;
            var value = new StringBuilder();
            while (true)
            {
                if (_i >= text.Length)
                {
                    throw new ParseException(start + 1, "the string is never closed; end it with a double quote on the same line");
                }

                char c = text[_i];
                if (c == '"')
                {
                    _i++;
                    return value.ToString();
                }

                if (c < ' ')
                {
                    throw Fail("a control character inside a string; escape it (\\t, \\n, \\u0000)");
                }

                if (c != '\\')
                {
                    value.Append(c);
                    _i++;
                    continue;
                }

                if (_i + 1 >= text.Length)
                {
                    throw Fail("the string ends in an escape");
                }

                char escape = text[_i + 1];
                _i += 2;
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_i + 4 > text.Length || !int.TryParse(text.Substring(_i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            _i -= 2;
                            throw Fail("\\u must be followed by four hex digits");
                        }

                        value.Append((char)code);
                        _i += 4;
                        break;
                    default:
                        _i -= 2;
                        throw Fail("unknown escape '\\" + escape + "'");
                }
            }
        }

        private void Expect(char c, string message)
        {
            if (Peek() != c)
            {
                throw Fail(message);
            }

            _i++;
        }

        private char Peek() => _i < text.Length ? text[_i] : '\0';

        private void SkipSpace()
        {
            while (_i < text.Length && (text[_i] == ' ' || text[_i] == '\t'))
            {
                _i++;
            }
        }

        private ParseException Fail(string message) => new(_i + 1, message);
    }

    private sealed class ParseException(int column, string message) : System.Exception(message)
    {
        public int Column { get; } = column;
    }
}
