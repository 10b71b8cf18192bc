using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvalSpec.Prompts;

/// <summary>Renders prompt templates: <c>{name}</c> placeholders, <c>{{</c> / <c>}}</c> literal braces.</summary>
public static class PromptTemplate
{
    /// <summary>Fills the placeholders of <paramref name="template"/> from <paramref name="values"/>.</summary>
    /// <param name="template">The template.</param>
    /// <param name="values">Values by placeholder name; formatted with the invariant culture.</param>
    /// <returns>The rendered prompt.</returns>
    /// <exception cref="FormatException">The template is malformed or names a value that is missing.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, object?> values)
    {
        if (template is null)
        {
            throw new ArgumentNullException(nameof(template));
        }

        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        PromptTemplateParseResult parsed = PromptTemplateParser.Parse(template);
        if (parsed.Error is not null)
        {
            throw new FormatException($"Prompt template \"{template}\": {parsed.Error}.");
        }

        var builder = new StringBuilder(template.Length + 32);
        foreach (PromptTemplateSegment segment in parsed.Segments)
        {
            if (!segment.IsPlaceholder)
            {
                builder.Append(segment.Text);
                continue;
            }

            if (!values.TryGetValue(segment.Text, out object? value))
            {
                throw new FormatException(
                    $"Prompt template \"{template}\" uses {{{segment.Text}}}, but no value of that name was given " +
                    $"(values: {string.Join(", ", values.Keys)}).");
            }

            builder.Append(FormatValue(value));
        }

        return builder.ToString();
    }

    /// <summary>Formats a placeholder value the way <see cref="Render"/> does.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text: empty for null, invariant culture for formattable values.</returns>
    public static string FormatValue(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
