using System;

namespace EvalSpec;

/// <summary>
/// Adds the prompt variants of a prompt file to the eval: <c>[PromptSet("refund-window")]</c> reads
/// <c>refund-window.prompts</c>, registered in the project as <c>&lt;AdditionalFiles Include="prompts/refund-window.prompts" /&gt;</c>.
/// Each non-empty line that does not start with <c>#</c> is <c>key: template</c>. Keys must be unique
/// across the file and the method's <see cref="PromptAttribute"/>s; templates follow the same rules.
/// The file is read at build time, so every variant is still its own test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PromptSetAttribute : Attribute
{
    /// <summary>Names the prompt file.</summary>
    /// <param name="name">The file name without the <c>.prompts</c> extension.</param>
    public PromptSetAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The file name without the <c>.prompts</c> extension.</summary>
    public string Name { get; }
}
