using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

            start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, symbols), SymbolKind.Method);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!IsEval(method, symbols))
        {
            return;
        }

        foreach (EvalProblem problem in EvalMethodParser.Parse(method, symbols, context.CancellationToken).Problems)
        {
            // Types that are not partial are reported once per type, by AnalyzeType.
            if (problem.Rule != EvalRule.ClassNotPartial)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Rule), problem.Location ?? method.Locations.FirstOrDefault(), problem.MessageArguments));
            }
        }
    }

    /// <summary>ES1004 once for each non-partial type that declares or contains (through nested types) an [Eval] method.</summary>
    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        TypeDeclarationSyntax? declaration = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(context.CancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .FirstOrDefault();
        if (declaration is null || declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return;
        }

        IMethodSymbol? eval = FirstEvalMethod(type, symbols);
        if (eval is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ClassNotPartial, declaration.Identifier.GetLocation(), type.Name, eval.Name));
        }
    }

    private static IMethodSymbol? FirstEvalMethod(INamedTypeSymbol type, KnownSymbols symbols) =>
        type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(m => IsEval(m, symbols))
        ?? type.GetTypeMembers().Select(nested => FirstEvalMethod(nested, symbols)).FirstOrDefault(m => m is not null);

    private static bool IsEval(IMethodSymbol method, KnownSymbols symbols) =>
        method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.EvalAttribute));
}
