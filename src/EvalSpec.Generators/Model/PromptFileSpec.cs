namespace EvalSpec.Generators.Model;

/// <summary>A parsed <c>.prompts</c> file: its name (file name without extension), path, entries and line errors.</summary>
internal sealed record PromptFileSpec(string Name, string Path, EquatableArray<PromptFileEntry> Entries, EquatableArray<PromptFileError> Errors);

/// <summary>One <c>key: template</c> line (1-based line number).</summary>
internal sealed record PromptFileEntry(string Key, string Template, int Line);

/// <summary>A line of a prompt file that could not be read.</summary>
internal sealed record PromptFileError(int Line, string Message);
