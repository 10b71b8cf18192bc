using EvalSpec.Prompts;

namespace EvalSpec.Generators.Model;

/// <summary>A parsed <c>.prompts</c> file: its name (file name without extension), path, entries and line errors.</summary>
internal sealed record PromptFileSpec(string Name, string Path, EquatableArray<PromptFileEntry> Entries, EquatableArray<PromptFileError> Errors)
{
    /// <summary>Reads a file's <paramref name="text"/> with the runtime's grammar (<see cref="PromptFileParser"/>).</summary>
    public static PromptFileSpec Parse(string path, string text)
    {
        PromptFileLines lines = PromptFileParser.Parse(text);
        return new PromptFileSpec(PromptFileParser.NameOf(path), path, new EquatableArray<PromptFileEntry>(lines.Entries), new EquatableArray<PromptFileError>(lines.Errors));
    }
}
