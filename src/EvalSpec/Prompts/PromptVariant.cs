using System;

namespace EvalSpec.Prompts;

/// <summary>A prompt variant: a stable key and its template.</summary>
public sealed class PromptVariant
{
    /// <summary>Creates a variant.</summary>
    /// <param name="key">The stable key, e.g. <c>"formal"</c>.</param>
    /// <param name="template">The template with <c>{parameter}</c> placeholders.</param>
    public PromptVariant(string key, string template)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Template = template ?? throw new ArgumentNullException(nameof(template));
    }

    /// <summary>The stable key.</summary>
    public string Key { get; }

    /// <summary>The template.</summary>
    public string Template { get; }
}
