using System;

namespace EvalSpec;

/// <summary>
/// Declares a prompt variant of an eval. Repeat it to evaluate the same cases over several phrasings
/// (multi-prompt evaluation). Placeholders such as <c>{product}</c> name the eval method's parameters
/// after the leading <see cref="EvalInput"/>; write <c>{{</c> and <c>}}</c> for literal braces.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PromptAttribute : Attribute
{
    /// <summary>Declares a variant whose key is a short stable hash of <paramref name="template"/>.</summary>
    /// <param name="template">The prompt template.</param>
    public PromptAttribute(string template)
    {
        Template = template;
    }

    /// <summary>Declares a variant with a stable key used in test names, results and baselines.</summary>
    /// <param name="key">The variant key, e.g. <c>"formal"</c>. Must be unique within the method.</param>
    /// <param name="template">The prompt template.</param>
    public PromptAttribute(string key, string template)
    {
        Key = key;
        Template = template;
    }

    /// <summary>The variant key, or <see langword="null"/> when it is derived from the template text.</summary>
    public string? Key { get; }

    /// <summary>The prompt template.</summary>
    public string Template { get; }
}
