using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvalSpec.Generators.Emitting;

/// <summary>
/// A minimal JSON writer for the descriptor data the emitter writes (one object, no indentation): the generator runs
/// in the compiler on netstandard2.0 and takes no dependency for this. Null strings are left out.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private bool _first = true;

    public void Open() => Begin(null, '{');

    public void Close() => End('}');

    public void OpenArray(string name) => Begin(name, '[');

    public void CloseArray() => End(']');

    public void String(string name, string? value)
    {
        if (value is not null)
        {
            Name(name);
            Quote(value);
        }
    }

    public void Bool(string name, bool value)
    {
        Name(name);
        _text.Append(value ? "true" : "false");
    }

    public void Number(string name, int value)
    {
        Name(name);
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A double in a format that reads back exactly on every runtime (G17).</summary>
    public void Number(string name, double value)
    {
        Name(name);
        _text.Append(value.ToString("G17", CultureInfo.InvariantCulture));
    }

    /// <summary>A number as an element of the enclosing array.</summary>
    public void Element(int value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Strings(string name, IEnumerable<string> values) => Array(name, values);

    /// <summary>An array of strings as an element of the enclosing array.</summary>
    public void StringArray(params string[] values) => Array(null, values);

    public override string ToString() => _text.ToString();

    private void Array(string? name, IEnumerable<string> values)
    {
        Begin(name, '[');
        foreach (string value in values)
        {
            Separate();
            Quote(value);
        }

        End(']');
    }

    private void Begin(string? name, char bracket)
    {
        if (name is null)
        {
            Separate();
        }
        else
        {
            Name(name);
        }

        _text.Append(bracket);
        _first = true;
    }

    private void End(char bracket)
    {
        _text.Append(bracket);
        _first = false;
    }

    private void Name(string name)
    {
        Separate();
        Quote(name);
        _text.Append(':');
    }

    private void Separate()
    {
        if (!_first)
        {
            _text.Append(',');
        }

        _first = false;
    }

    private void Quote(string value)
    {
        _text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }
}
