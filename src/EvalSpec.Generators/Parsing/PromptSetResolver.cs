using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Prompts;
using Microsoft.CodeAnalysis;

namespace EvalSpec.Generators.Parsing;

/// <summary>
/// Adds the variants of the <c>.prompts</c> files an eval names with [PromptSet] to its spec, checking the
/// files' lines, templates and keys. Shared by the generator (which drops a method with problems) and the
/// analyzer (which reports them, at the attribute or at the file's line).
/// </summary>
internal static class PromptSetResolver
{
    /// <summary>Where to report: the [PromptSet] attribute naming a set, or a line of a prompt file.</summary>
    internal interface ILocations
    {
        Location? PromptSet(string name);

        Location? FileLine(PromptFileSpec file, int line);
    }

    /// <returns>The spec with the files' variants appended, or null when anything is wrong.</returns>
    public static EvalMethodSpec? Resolve(EvalMethodSpec spec, IReadOnlyList<PromptFileSpec> files, List<EvalProblem> problems, ILocations? locations = null)
    {
        if (spec.PromptSets.Count == 0)
        {
            return spec;
        }

        string methodName = spec.DisplayTypeName + "." + spec.MethodName;
        int before = problems.Count;
        var variants = new List<VariantSpec>(spec.HasImplicitVariant ? Enumerable.Empty<VariantSpec>() : spec.Variants);
        var keys = new HashSet<string>(variants.Select(v => v.Key), StringComparer.Ordinal);
        string[] parameterNames = spec.Parameters.Select(p => p.Name).ToArray();
        foreach (string name in spec.PromptSets.Distinct())
        {
            PromptFileSpec? file = files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
            if (file is null)
            {
                string available = files.Count == 0 ? "none" : string.Join(", ", files.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
                problems.Add(new EvalProblem(EvalRule.PromptSetNotFound, locations?.PromptSet(name), methodName, name, available));
                continue;
            }

            foreach (PromptFileError error in file.Errors)
            {
                problems.Add(new EvalProblem(EvalRule.PromptFileMalformed, locations?.FileLine(file, error.Line), System.IO.Path.GetFileName(file.Path), error.Line, error.Message));
            }

            foreach (PromptFileEntry entry in file.Entries)
            {
                Location? location = locations?.FileLine(file, entry.Line);
                if (!keys.Add(entry.Key))
                {
                    problems.Add(new EvalProblem(EvalRule.DuplicateVariantKey, location, methodName, entry.Key));
                    continue;
                }

                if (EvalMethodParser.CheckTemplate(entry.Template, entry.Key, parameterNames, methodName, location, problems))
                {
                    variants.Add(new VariantSpec(entry.Key, entry.Template));
                }
            }
        }

        return problems.Count > before
            ? null
            : spec with { Variants = new EquatableArray<VariantSpec>(variants), HasImplicitVariant = false };
    }
}
