using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace EvalSpec.CodeFixes;

/// <summary>
/// ES1006 "does not take EvalInput as its first parameter": adds an <c>EvalInput input</c> parameter in front
/// of the case parameters, or, when the method already takes an <c>EvalInput</c> further down the list, moves
/// that parameter to the front. Not offered for partial methods, whose other part would keep the old parameters.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeEvalInputFirstParameterCodeFixProvider))]
[Shared]
public sealed class MakeEvalInputFirstParameterCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of adding the parameter.</summary>
    internal const string AddEquivalenceKey = "ES1006.AddEvalInputParameter";

    /// <summary>The equivalence key of moving the existing parameter first.</summary>
    internal const string MoveEquivalenceKey = "ES1006.MoveEvalInputParameterFirst";

    private static readonly string[] ParameterNames = { "input", "evalInput" };

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnsupportedSignature.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not (MethodDeclarationSyntax method, int evalInputIndex, INamedTypeSymbol _))
            {
                continue;
            }

            string key = evalInputIndex > 0 ? MoveEquivalenceKey : AddEquivalenceKey;
            string title = evalInputIndex > 0
                ? $"Move '{method.ParameterList.Parameters[evalInputIndex].Identifier.ValueText}' to the first parameter"
                : "Add 'EvalInput' as the first parameter";
            context.RegisterCodeFix(CodeAction.Create(title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct), key), diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        SyntaxGenerator generator = SyntaxGenerator.GetGenerator(document);
        var fixes = new Dictionary<MethodDeclarationSyntax, MethodDeclarationSyntax>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic, cancellationToken) is not (MethodDeclarationSyntax method, int evalInputIndex, INamedTypeSymbol evalInput)
                || (evalInputIndex > 0 ? MoveEquivalenceKey : AddEquivalenceKey) != equivalenceKey)
            {
                continue;
            }

            fixes[method] = method.WithParameterList(evalInputIndex > 0
                ? MoveFirst(method.ParameterList, evalInputIndex)
                : AddFirst(method.ParameterList, NewParameter(method, generator, evalInput)));
        }

        return fixes.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(fixes.Keys, (original, _) => fixes[original]));
    }

    /// <summary>
    /// The method to fix, the index of its EvalInput parameter (-1: none, add one) and the EvalInput type; null
    /// when the diagnostic does not report a misplaced or missing EvalInput, or moving it first would not compile.
    /// </summary>
    private static (MethodDeclarationSyntax Method, int EvalInputIndex, INamedTypeSymbol EvalInput)? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? evalInput = model.Compilation.GetTypeByMetadataName("EvalSpec.EvalInput");
        if (evalInput is null
            || EvalSignature.ReportedMethod(root, diagnostic) is not MethodDeclarationSyntax method
            || model.GetDeclaredSymbol(method, cancellationToken) is not IMethodSymbol symbol
            || EvalSignature.Problem(symbol, model.Compilation) != SignatureProblem.FirstParameter
            || symbol.IsExtensionMethod
            || symbol.IsPartialDefinition
            || symbol.PartialDefinitionPart is not null)
        {
            return null;
        }

        IParameterSymbol? existing = symbol.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, evalInput));
        int index = existing?.Ordinal ?? -1;
        if (index > 0 && (symbol.Parameters[index].HasExplicitDefaultValue || symbol.Parameters[index].IsParams))
        {
            // An optional or params parameter cannot precede required ones; where it goes is the author's call.
            return null;
        }

        return (method, index, evalInput);
    }

    private static ParameterSyntax NewParameter(MethodDeclarationSyntax method, SyntaxGenerator generator, INamedTypeSymbol evalInput)
    {
        // A name the method does not use yet, so the new parameter shadows nothing and is shadowed by nothing.
        var used = new HashSet<string>(method.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        string name = ParameterNames.Concat(Enumerable.Range(2, int.MaxValue - 2).Select(i => "evalInput" + i)).First(n => !used.Contains(n));
        // TypeExpression(symbol, addImport: true) does not attach the import annotation the code action's cleanup looks for.
        var type = (TypeSyntax)generator.TypeExpression(evalInput).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        return SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(type.WithTrailingTrivia(SyntaxFactory.Space));
    }

    /// <summary>Inserts <paramref name="parameter"/> first, laid out like the parameter it displaces (same line or own line).</summary>
    private static ParameterListSyntax AddFirst(ParameterListSyntax list, ParameterSyntax parameter)
    {
        SeparatedSyntaxList<ParameterSyntax> parameters = list.Parameters;
        if (parameters.Count == 0)
        {
            return list.WithParameters(SyntaxFactory.SingletonSeparatedList(parameter));
        }

        SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(
            parameters.SeparatorCount > 0 ? parameters.GetSeparator(0).TrailingTrivia : SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var nodesAndTokens = new List<SyntaxNodeOrToken> { parameter.WithLeadingTrivia(parameters[0].GetLeadingTrivia()), comma };
        nodesAndTokens.AddRange(parameters.GetWithSeparators());
        return list.WithParameters(SyntaxFactory.SeparatedList<ParameterSyntax>(nodesAndTokens));
    }

    /// <summary>Moves the parameter at <paramref name="index"/> first; each position keeps its layout (trivia).</summary>
    private static ParameterListSyntax MoveFirst(ParameterListSyntax list, int index)
    {
        SeparatedSyntaxList<ParameterSyntax> parameters = list.Parameters;
        var reordered = new List<ParameterSyntax> { parameters[index] };
        reordered.AddRange(parameters.Where((_, i) => i != index));
        var nodesAndTokens = new List<SyntaxNodeOrToken>();
        for (int i = 0; i < parameters.Count; i++)
        {
            nodesAndTokens.Add(reordered[i].WithTriviaFrom(parameters[i]));
            if (i < parameters.SeparatorCount)
            {
                nodesAndTokens.Add(parameters.GetSeparator(i));
            }
        }

        return list.WithParameters(SyntaxFactory.SeparatedList<ParameterSyntax>(nodesAndTokens));
    }
}
