using System.Collections.Generic;
using System.Text;

namespace EvalSpec.Prompts;

// Shared by the runtime and the source generator (linked into EvalSpec.Generators and EvalSpec.Analyzers):
// keep it netstandard2.0-compatible and free of runtime dependencies.

/// <summary>One piece of a prompt template: literal text, or a placeholder naming a parameter.</summary>
internal readonly struct PromptTemplateSegment
{
    public PromptTemplateSegment(bool isPlaceholder, string text, int offset)
    {
        IsPlaceholder = isPlaceholder;
        Text = text;
        Offset = offset;
    }

    /// <summary>Whether <see cref="Text"/> is a placeholder name (else literal text with braces unescaped).</summary>
    public bool IsPlaceholder { get; }

    public string Text { get; }

    /// <summary>Offset in the template where the segment starts (the '{' of a placeholder).</summary>
    public int Offset { get; }
}

/// <summary>The segments of a template, or the first syntax error.</summary>
internal sealed class PromptTemplateParseResult
{
    public PromptTemplateParseResult(IReadOnlyList<PromptTemplateSegment> segments, string? error)
    {
        Segments = segments;
        Error = error;
    }

    public IReadOnlyList<PromptTemplateSegment> Segments { get; }

    /// <summary>A message describing the syntax error, or null.</summary>
    public string? Error { get; }

    public IEnumerable<string> PlaceholderNames
    {
        get
        {
            foreach (PromptTemplateSegment segment in Segments)
            {
                if (segment.IsPlaceholder)
                {
                    yield return segment.Text;
                }
            }
        }
    }
}

/// <summary>
/// Parses prompt templates: <c>{name}</c> is a placeholder (a C# identifier), <c>{{</c> and <c>}}</c> are
/// literal braces.
/// </summary>
internal static class PromptTemplateParser
{
    public static PromptTemplateParseResult Parse(string template)
    {
        var segments = new List<PromptTemplateSegment>();
        var literal = new StringBuilder();
        int literalStart = 0;
        int i = 0;
        while (i < template.Length)
        {
            char c = template[i];
            if (c == '{')
            {
                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    literal.Append('{');
                    i += 2;
                    continue;
                }

                int close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    return Failed(segments, "'{' at position " + i + " is never closed; write '{{' for a literal brace");
                }

                string name = template.Substring(i + 1, close - i - 1).Trim();
                if (!IsIdentifier(name))
                {
                    return Failed(segments, "'{" + template.Substring(i + 1, close - i - 1) + "}' at position " + i + " is not a placeholder: write a parameter name between the braces, or '{{' and '}}' for literal braces");
                }

                if (literal.Length > 0)
                {
                    segments.Add(new PromptTemplateSegment(false, literal.ToString(), literalStart));
                    literal.Clear();
                }

                segments.Add(new PromptTemplateSegment(true, name, i));
                i = close + 1;
                literalStart = i;
                continue;
            }

            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    literal.Append('}');
                    i += 2;
                    continue;
                }

                return Failed(segments, "'}' at position " + i + " has no opening '{'; write '}}' for a literal brace");
            }

            literal.Append(c);
            i++;
        }

        if (literal.Length > 0)
        {
            segments.Add(new PromptTemplateSegment(false, literal.ToString(), literalStart));
        }

        return new PromptTemplateParseResult(segments, null);
    }

    private static PromptTemplateParseResult Failed(List<PromptTemplateSegment> segments, string error) =>
        new PromptTemplateParseResult(segments, error);

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        for (int i = 1; i < name.Length; i++)
        {
            if (!(char.IsLetterOrDigit(name[i]) || name[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
