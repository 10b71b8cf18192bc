using System;
using System.Collections.Generic;
using EvalSpec.Generators.Model;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// Reads <c>.prompts</c> files: one <c>key: template</c> per line; blank lines and lines starting with
/// <c>#</c> are ignored; the key ends at the first colon.
/// </summary>
internal static class PromptFileParser
{
    public const string Extension = ".prompts";

    public static bool IsPromptFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    public static string NameOf(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        return file.Substring(0, file.Length - Extension.Length);
    }

    public static PromptFileSpec Parse(string path, string text)
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

        return new PromptFileSpec(NameOf(path), path, new EquatableArray<PromptFileEntry>(entries), new EquatableArray<PromptFileError>(errors));
    }
}
