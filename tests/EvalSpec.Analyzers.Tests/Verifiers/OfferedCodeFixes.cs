using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvalSpec.Analyzers.Tests.Verifiers;

/// <summary>
/// The code actions a code fix offers for the diagnostics an analyzer reports in a source, in the order the
/// light bulb shows them: what the testing framework cannot assert (titles, how many, their order).
/// </summary>
internal static class OfferedCodeFixes
{
    /// <summary>The (title, equivalence key) of every action offered, diagnostic by diagnostic in source order.</summary>
    public static async Task<IReadOnlyList<(string Title, string? EquivalenceKey)>> ForAsync<TAnalyzer, TCodeFix>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        using var workspace = new AdhocWorkspace();
        Document document = workspace.CurrentSolution
            .AddProject("Evals", "Evals", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddMetadataReferences(EvalReferences.Framework.Concat(EvalReferences.EvalSpecRuntime))
            .AddDocument("Evals.cs", source);
        Compilation compilation = (await document.Project.GetCompilationAsync().ConfigureAwait(false))!;
        var codeFix = new TCodeFix();
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()
            .ConfigureAwait(false);

        var offered = new List<(string, string?)>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => codeFix.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await codeFix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            offered.AddRange(actions.Select(a => (a.Title, a.EquivalenceKey)));
        }

        return offered;
    }
}
