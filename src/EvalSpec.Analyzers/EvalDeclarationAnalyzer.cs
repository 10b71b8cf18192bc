using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace EvalSpec.Analyzers;

/// <summary>
/// Reports authoring mistakes in [Eval] methods (ES1001-ES1019, ES1022-ES1024) while typing, with the same parser the
/// source generator uses, so whatever the generator refuses to expand is explained here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EvalDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>ES1001 property: the unknown placeholder's name, as written between the braces (trimmed).</summary>
    internal const string PlaceholderProperty = "Placeholder";

    /// <summary>ES1001 property: the closest parameter names, comma-separated, closest first; empty when none is close.</summary>
    internal const string SuggestionsProperty = "Suggestions";

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

            // Symbol actions do not run for local functions and lambdas; the generator skips them, so say so here.
            start.RegisterOperationAction(
                operationContext => AnalyzeFunctionInBody(operationContext, symbols),
                OperationKind.LocalFunction,
                OperationKind.AnonymousFunction);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;

        // Both parts of a partial method are symbols with the same attributes; the definition part speaks for the method.
        if (method.PartialDefinitionPart is not null || !IsEval(method, symbols))
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
            PromptFileSpec[] parsedFiles = files.Select(f => PromptFileSpec.Parse(f.File.Path, f.Text?.ToString() ?? string.Empty)).ToArray();

            // A path listed twice among the AdditionalFiles is one file: the first listing wins.
            var texts = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
            foreach ((AdditionalText file, SourceText? text) in files)
            {
                if (!texts.ContainsKey(file.Path))
                {
                    texts.Add(file.Path, text);
                }
            }

            spec = PromptSetResolver.Resolve(spec, parsedFiles, problems, new Locations(method, texts, context.CancellationToken)) ?? spec;
        }

        if (parsed.Spec is { DataFiles.Count: > 0 })
        {
            ReportCaseFiles(context, method, parsed.Spec, problems);
        }

        foreach (EvalProblem problem in problems)
        {
            Location? location = problem.Location ?? method.Locations.FirstOrDefault();
            if (problem.Rule == EvalRule.UnknownPlaceholder)
            {
                context.ReportDiagnostic(UnknownPlaceholder(problem, location, method));
            }
            else if (problem.Rule != EvalRule.ClassNotPartial)
            {
                // Types that are not partial are reported once per type, by AnalyzeType.
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Rule), location, problem.MessageArguments));
            }
        }
    }

    /// <summary>ES1022 and ES1023: the [CasesFrom] files, resolved as the generator resolves them, with their locations.</summary>
    private static void ReportCaseFiles(SymbolAnalysisContext context, IMethodSymbol method, EvalMethodSpec spec, List<EvalProblem> problems)
    {
        var texts = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
        var files = new List<DataFileSpec>();
        foreach (AdditionalText file in context.Options.AdditionalFiles.Where(f => DataFileSpec.IsDataFile(f.Path)))
        {
            SourceText? text = file.GetText(context.CancellationToken);
            if (!texts.ContainsKey(file.Path))
            {
                texts.Add(file.Path, text);
            }

            files.Add(DataFileSpec.Parse(file.Path, text?.ToString() ?? string.Empty));
        }

        CasesFromResolver.Resolve(spec, files, EvalMethods.ProjectDirectory(context.Options), problems, new CaseFileLocations(method, texts, context.CancellationToken));
    }

    /// <summary>ES1015 for an [Eval] local function or lambda, which the generator never sees.</summary>
    private static void AnalyzeFunctionInBody(OperationAnalysisContext context, KnownSymbols symbols)
    {
        IMethodSymbol? function = context.Operation switch
        {
            ILocalFunctionOperation local => local.Symbol,
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => null,
        };
        if (function is null || !IsEval(function, symbols))
        {
            return;
        }

        foreach (EvalProblem problem in EvalMethodParser.Parse(function, symbols, context.CancellationToken).Problems)
        {
            Location? location = problem.Location ?? context.Operation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Rule), location, problem.MessageArguments));
        }
    }

    /// <summary>
    /// ES1001 with the closest parameter names: in the message ("did you mean") and, for the code fix, in the
    /// properties <see cref="PlaceholderProperty"/> and <see cref="SuggestionsProperty"/>.
    /// </summary>
    private static Diagnostic UnknownPlaceholder(EvalProblem problem, Location? location, IMethodSymbol method)
    {
        // The parser only checks templates of methods whose first parameter is EvalInput; the rest are case parameters.
        string placeholder = (string)problem.MessageArguments[1];
        IReadOnlyList<string> suggestions = SuggestParameterNames(placeholder, method.Parameters.Skip(1).Select(p => p.Name));
        string didYouMean = suggestions.Count switch
        {
            0 => string.Empty,
            1 => " Did you mean {" + suggestions[0] + "}?",
            _ => " Did you mean " + string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => "{" + s + "}")) + " or {" + suggestions[suggestions.Count - 1] + "}?",
        };
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(PlaceholderProperty, placeholder)
            .Add(SuggestionsProperty, string.Join(",", suggestions));
        return Diagnostic.Create(DiagnosticDescriptors.UnknownPlaceholder, location, properties, problem.MessageArguments.Concat(new object[] { didYouMean }).ToArray());
    }

    /// <summary>
    /// The parameter names a mistyped placeholder most likely meant, closest first, at most three. A name that
    /// equals the placeholder ignoring case comes first; then names within an edit distance (ignoring case,
    /// a swap of two neighbouring letters counting once) of 2, or of a third of the placeholder's length when
    /// that is more. A name that would have to be rewritten wholesale (a distance as long as either name) is
    /// never suggested, so "id" does not suggest "x".
    /// </summary>
    /// <param name="placeholder">The placeholder name found in the template.</param>
    /// <param name="parameterNames">The case parameter names, in declaration order (ties keep that order).</param>
    internal static IReadOnlyList<string> SuggestParameterNames(string placeholder, IEnumerable<string> parameterNames)
    {
        string target = placeholder.ToLowerInvariant();
        int limit = Math.Max(2, placeholder.Length / 3);
        return parameterNames
            .Select(name => (Name: name, Distance: EvalSpec.Spelling.EditDistance.Between(target, name.ToLowerInvariant())))
            .Where(c => c.Distance <= limit && c.Distance < placeholder.Length && c.Distance < c.Name.Length)
            .OrderBy(c => c.Distance)
            .Take(3)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>

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

    /// <summary>Locations of [CasesFrom] attributes and of spots (line and column) in case files.</summary>
    private sealed class CaseFileLocations(IMethodSymbol method, Dictionary<string, SourceText?> texts, System.Threading.CancellationToken cancellationToken) : CasesFromResolver.ILocations
    {
        public Location? CasesFrom(string path) => method.GetAttributes()
            .Where(a => a.AttributeClass?.Name == "CasesFromAttribute" && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value as string == path)
            .Select(a => a.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation())
            .FirstOrDefault();

        public Location? FileSpot(DataFileSpec file, int line, int column)
        {
            if (!texts.TryGetValue(file.Path, out SourceText? text) || text is null || line < 1 || line > text.Lines.Count)
            {
                return null;
            }

            // The line's text from the reported column to its end: editors and build logs point at the bad value.
            TextLine textLine = text.Lines[line - 1];
            int offset = text.Length > 0 && text[0] == '\uFEFF' && line == 1 ? 1 : 0;
            int start = Math.Min(textLine.Start + offset + Math.Max(0, column - 1), textLine.End);
            var span = TextSpan.FromBounds(start, textLine.End);
            return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
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
