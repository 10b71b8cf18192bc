using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvalSpec.Analyzers;

/// <summary>
/// Reports authoring mistakes in [Eval] methods (ES1001-ES1017) while typing, with the same parser the
/// source generator uses, so whatever the generator refuses to expand is explained here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EvalDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            KnownSymbols symbols = KnownSymbols.From(start.Compilation);
            if (!symbols.IsComplete)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, symbols), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!IsEval(method, symbols))
        {
            return;
        }

        // A type that is not partial is reported once, by its first [Eval] method.
        bool reportsForType = method.ContainingType.GetMembers().OfType<IMethodSymbol>().First(m => IsEval(m, symbols)).Equals(method, SymbolEqualityComparer.Default);
        foreach (EvalProblem problem in EvalMethodParser.Parse(method, symbols, context.CancellationToken).Problems)
        {
            if (problem.Rule == EvalRule.ClassNotPartial && !reportsForType)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Rule), problem.Location ?? method.Locations.FirstOrDefault(), problem.MessageArguments));
        }
    }

    private static bool IsEval(IMethodSymbol method, KnownSymbols symbols) =>
        method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.EvalAttribute));
}
