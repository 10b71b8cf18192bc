namespace EvalSpec.Prompts;

// Compiled into the source generator and the analyzers as well (see PromptFileParser.cs).

/// <summary>A line of a <c>.prompts</c> file that could not be read (1-based line number).</summary>
internal sealed record PromptFileError(int Line, string Message);
