using System;
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
/// ES1001: replaces a placeholder that names no parameter with one of the closest parameter names the
/// analyzer suggests ("Use {product}"), in the [Prompt] template literal. Nothing is offered when no name is
/// close, or when the template is not a string literal (a constant, a concatenation) or lives in a
/// <c>.prompts</c> file.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseParameterNameCodeFixProvider))]
[Shared]
public sealed class UseParameterNameCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "ES1001.UseParameterName:";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnknownPlaceholder.Id);

    /// <inheritdoc/>
    /// <remarks>Fix All replaces the same misspelling with the same name wherever that name is suggested for it.</remarks>
    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root is null || TemplateLiteral(root, diagnostic) is not SyntaxToken literal || !TryReadProperties(diagnostic, out string placeholder, out IReadOnlyList<string> suggestions))
            {
                continue;
            }

            foreach (string name in suggestions.Where(name => PlaceholderRenaming.Rename(literal, placeholder, name) is not null))
            {
                string key = EquivalenceKey(placeholder, name);
                context.RegisterCodeFix(
                    CodeAction.Create("Use {" + name + "}", ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct), key),
                    diagnostic);
            }
        }
    }

    /// <summary>One key per misspelling and replacement, so Fix All never applies a suggestion made for another name.</summary>
    internal static string EquivalenceKey(string placeholder, string name) => EquivalenceKeyPrefix + placeholder + ":" + name;

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || equivalenceKey is null || !equivalenceKey.StartsWith(EquivalenceKeyPrefix, StringComparison.Ordinal))
        {
            return document;
        }

        string[] names = equivalenceKey.Substring(EquivalenceKeyPrefix.Length).Split(':');
        if (names.Length != 2)
        {
            return document;
        }

        // Placeholders are identifiers, so the key splits back into the misspelling and its replacement.
        string oldName = names[0];
        string newName = names[1];
        var literals = new HashSet<SyntaxToken>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (TryReadProperties(diagnostic, out string placeholder, out IReadOnlyList<string> suggestions)
                && placeholder == oldName
                && suggestions.Contains(newName)
                && TemplateLiteral(root, diagnostic) is SyntaxToken literal)
            {
                literals.Add(literal);
            }
        }

        SyntaxNode fixedRoot = root.ReplaceTokens(literals, (original, _) => PlaceholderRenaming.Rename(original, oldName, newName) ?? original);
        return document.WithSyntaxRoot(fixedRoot);
    }

    private static bool TryReadProperties(Diagnostic diagnostic, out string placeholder, out IReadOnlyList<string> suggestions)
    {
        diagnostic.Properties.TryGetValue(EvalDeclarationAnalyzer.PlaceholderProperty, out string? name);
        diagnostic.Properties.TryGetValue(EvalDeclarationAnalyzer.SuggestionsProperty, out string? list);
        placeholder = name ?? string.Empty;
        suggestions = string.IsNullOrEmpty(list) ? Array.Empty<string>() : list!.Split(',');
        return placeholder.Length > 0 && suggestions.Count > 0;
    }

    /// <summary>The string literal token of the template the diagnostic is reported on, if it is one.</summary>
    private static SyntaxToken? TemplateLiteral(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        ExpressionSyntax? template = node is AttributeArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
        return template is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token : null;
    }
}
