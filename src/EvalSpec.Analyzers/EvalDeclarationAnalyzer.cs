using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvalSpec.Analyzers;

/// <summary>
/// Reports authoring mistakes in [Eval] methods (ES1001-ES1019) while typing, with the same parser the
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

        EvalMethodParseResult parsed = EvalMethodParser.Parse(method, symbols, context.CancellationToken);
        var problems = new List<EvalProblem>(parsed.Problems);
        if (parsed.Spec is { PromptSets.Count: > 0 } spec)
        {
            var files = context.Options.AdditionalFiles
                .Where(f => PromptFileParser.IsPromptFile(f.Path))
                .Select(f => (File: f, Text: f.GetText(context.CancellationToken)))
                .ToArray();
            PromptFileSpec[] parsedFiles = files.Select(f => PromptFileParser.Parse(f.File.Path, f.Text?.ToString() ?? string.Empty)).ToArray();
            PromptSetResolver.Resolve(spec, parsedFiles, problems, new Locations(method, files.ToDictionary(f => f.File.Path, f => f.Text), context.CancellationToken));
        }

        foreach (EvalProblem problem in problems)
        {
            // Types that are not partial are reported once per type, by AnalyzeType.
            if (problem.Rule != EvalRule.ClassNotPartial)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Rule), problem.Location ?? method.Locations.FirstOrDefault(), problem.MessageArguments));
            }
        }
    }

    /// <summary>Locations of [PromptSet] attributes and of lines in prompt files.</summary>
    private sealed class Locations(IMethodSymbol method, Dictionary<string, SourceText?> texts, System.Threading.CancellationToken cancellationToken) : PromptSetResolver.ILocations
    {
        public Location? PromptSet(string name) => method.GetAttributes()
            .Where(a => a.AttributeClass?.Name == "PromptSetAttribute" && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value as string == name)
            .Select(a => a.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation())
            .FirstOrDefault();

        public Location? FileLine(PromptFileSpec file, int line)
        {
            if (!texts.TryGetValue(file.Path, out SourceText? text) || text is null || line < 1 || line > text.Lines.Count)
            {
                return null;
            }

            TextLine textLine = text.Lines[line - 1];
            return Location.Create(file.Path, textLine.Span, text.Lines.GetLinePositionSpan(textLine.Span));
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
