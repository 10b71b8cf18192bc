namespace EvalSpec.Prompts;

// Compiled into the source generator and the analyzers as well (see PromptFileParser.cs).

/// <summary>One <c>key: template</c> line of a <c>.prompts</c> file (1-based line number).</summary>
internal sealed record PromptFileEntry(string Key, string Template, int Line);
