using System;
using System.Collections.Generic;

namespace EvalSpec.Prompts;

// The one grammar of .prompts files. The evalspec tool reads it through its reference to this assembly; the source
// generator and the analyzers compile this file in (they load into the compiler and cannot reference the runtime), so
// keep it netstandard2.0-compatible and free of runtime dependencies.

/// <summary>
/// Reads <c>.prompts</c> files: one <c>key: template</c> per line; blank lines and lines starting with
/// <c>#</c> are ignored; the key ends at the first colon.
/// </summary>
internal static class PromptFileParser
{
    public const string Extension = ".prompts";

    public static bool IsPromptFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The prompt set's name: the file name without <see cref="Extension"/>.</summary>
    public static string NameOf(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        return file.Substring(0, file.Length - Extension.Length);
    }

    /// <summary>The entries of a file's <paramref name="text"/>, in file order, and the lines that could not be read.</summary>
    public static PromptFileLines Parse(string text)
    {
        var entries = new List<PromptFileEntry>();
        var errors = new List<PromptFileError>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.Trim();
            int number = i + 1;
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            int colon = line.IndexOf(':');
            if (colon < 0)
            {
                errors.Add(new PromptFileError(number, "a line must be 'key: template' (no colon found)"));
                continue;
            }

            string key = line.Substring(0, colon).Trim();
            string template = line.Substring(colon + 1).TrimStart(' ', '\t');
            if (key.Length == 0 || key.IndexOf('/') >= 0)
            {
                errors.Add(new PromptFileError(number, "the key before the colon must be non-empty and must not contain '/'"));
            }
            else if (template.Trim().Length == 0)
            {
                errors.Add(new PromptFileError(number, $"the template of '{key}' is empty"));
            }
            else if (!keys.Add(key))
            {
                errors.Add(new PromptFileError(number, $"the key '{key}' appears more than once"));
            }
            else
            {
                entries.Add(new PromptFileEntry(key, template, number));
            }
        }

        return new PromptFileLines(entries, errors);
    }
}
