using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvalSpec.Analyzers;

/// <summary>
/// [Eval] methods as the generator sees them, for the analyzers that reason about a valid eval (its templates,
/// its rows) rather than about its mistakes.
/// </summary>
internal static class EvalMethods
{
    public static bool IsEval(IMethodSymbol method, KnownSymbols symbols) =>
        method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.EvalAttribute));

    /// <summary>Whether the method declares at least one [Prompt] or [PromptSet].</summary>
    public static bool HasPrompts(IMethodSymbol method, KnownSymbols symbols) =>
        method.GetAttributes().Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.PromptAttribute)
            || SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.PromptSetAttribute));

    /// <summary>
    /// The method's spec with the variants of its prompt files added, or null when the method has an error:
    /// those are <see cref="EvalDeclarationAnalyzer"/>'s to report, and the generator emits no rows for it.
    /// </summary>
    public static EvalMethodSpec? Resolve(IMethodSymbol method, KnownSymbols symbols, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        EvalMethodParseResult parsed = EvalMethodParser.Parse(method, symbols, cancellationToken);
        if (parsed.Spec is not { } spec)
        {
            return null;
        }

        if (spec.PromptSets.Count > 0)
        {
            PromptFileSpec[] files = options.AdditionalFiles
                .Where(f => PromptFileParser.IsPromptFile(f.Path))
                .Select(f => PromptFileSpec.Parse(f.Path, f.GetText(cancellationToken)?.ToString() ?? string.Empty))
                .ToArray();
            spec = PromptSetResolver.Resolve(spec, files, new List<EvalProblem>());
        }

        if (spec is { DataFiles.Count: > 0 })
        {
            DataFileSpec[] files = options.AdditionalFiles
                .Where(f => DataFileSpec.IsDataFile(f.Path))
                .Select(f => DataFileSpec.Parse(f.Path, f.GetText(cancellationToken)?.ToString() ?? string.Empty))
                .ToArray();
            spec = CasesFromResolver.Resolve(spec, files, ProjectDirectory(options), new List<EvalProblem>());
        }

        return spec;
    }

    /// <summary>The project folder as the generator reads it (MSBuildProjectDirectory, else projectdir), to resolve [CasesFrom] paths.</summary>
    public static string? ProjectDirectory(AnalyzerOptions options)
    {
        AnalyzerConfigOptions global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        return global.TryGetValue("build_property.MSBuildProjectDirectory", out string? directory) && !string.IsNullOrWhiteSpace(directory) ? directory
            : global.TryGetValue("build_property.projectdir", out string? projectDir) && !string.IsNullOrWhiteSpace(projectDir) ? projectDir
            : null;
    }
}
