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

namespace EvalSpec.CodeFixes;

/// <summary>
/// ES1004: adds the <c>partial</c> modifier to the reported type and to every type containing it that lacks
/// it, so the generator can add the generated tests to the class.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
[Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    internal const string EquivalenceKey = "ES1004.MakePartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ClassNotPartial.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            List<TypeDeclarationSyntax> targets = Targets(root, diagnostic);
            if (targets.Count == 0)
            {
                continue;
            }

            string name = targets[0].Identifier.ValueText;
            string title = targets.Count == 1 ? $"Make '{name}' partial" : $"Make '{name}' and its containing types partial";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), EquivalenceKey, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = new HashSet<TypeDeclarationSyntax>(diagnostics.SelectMany(d => Targets(root, d)));
        if (targets.Count == 0)
        {
            return document;
        }

        SyntaxNode fixedRoot = root.ReplaceNodes(targets, (_, rewritten) => AddPartial((TypeDeclarationSyntax)rewritten));
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>The reported type and the types containing it, innermost first, that are not partial.</summary>
    private static List<TypeDeclarationSyntax> Targets(SyntaxNode? root, Diagnostic diagnostic)
    {
        var targets = new List<TypeDeclarationSyntax>();
        if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not TypeDeclarationSyntax reported
            || reported.Identifier.Span != diagnostic.Location.SourceSpan)
        {
            return targets;
        }

        targets.AddRange(reported.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)));
        return targets;
    }

    /// <summary>Adds 'partial' last among the modifiers, where C# requires it (right before the type keyword).</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        // Without modifiers the keyword carries the line's indentation (and any comment before it); 'partial' takes it over.
        SyntaxToken keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
