using System.Collections.Generic;

namespace EvalSpec.Prompts;

// Compiled into the source generator and the analyzers as well (see PromptFileParser.cs).

/// <summary>What <see cref="PromptFileParser.Parse"/> read: the entries in file order and the lines it could not read.</summary>
internal sealed class PromptFileLines
{
    public PromptFileLines(IReadOnlyList<PromptFileEntry> entries, IReadOnlyList<PromptFileError> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    public IReadOnlyList<PromptFileEntry> Entries { get; }

    public IReadOnlyList<PromptFileError> Errors { get; }
}
