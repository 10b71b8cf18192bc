using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EvalSpec.CodeFixes;

/// <summary>
/// Fix All for a code fix that can apply all its diagnostics of a document in one rewrite. Applying the
/// single fixes one by one and merging their text changes (the batch fixer) would collide where two fixes
/// touch the same declaration, such as two nested types both made partial.
/// </summary>
internal sealed class DocumentFixAllProvider : DocumentBasedFixAllProvider
{
    private readonly Func<Document, ImmutableArray<Diagnostic>, string?, CancellationToken, Task<Document>> _fix;

    /// <summary>Creates a Fix All that hands each document's diagnostics to <paramref name="fix"/> at once.</summary>
    /// <param name="fix">
    /// Applies the fixes with the given equivalence key (null: the provider's only fix) for the diagnostics
    /// of one document, skipping those the fix does not apply to.
    /// </param>
    public DocumentFixAllProvider(Func<Document, ImmutableArray<Diagnostic>, string?, CancellationToken, Task<Document>> fix)
    {
        _fix = fix;
    }

    /// <inheritdoc/>
    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsEmpty
            ? null
            : await _fix(document, diagnostics, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken).ConfigureAwait(false);
}
