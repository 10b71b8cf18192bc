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
/// ES1006 "returns T" for a synchronous method: returns <c>Task&lt;T&gt;</c> instead and wraps every returned
/// value in <c>Task.FromResult</c>. Not offered for what has no value to wrap or cannot be wrapped: void,
/// <c>Task</c> and other awaitables, async methods, iterators, ref returns, ref structs and pointers; nor for
/// partial methods, whose other part would keep the old return type.
/// </summary>
/// <remarks>
/// Making the method <c>async</c> instead would leave an async method without <c>await</c> (warning CS1998,
/// an error where warnings are); <c>Task.FromResult</c> keeps the body's behaviour exactly.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskCodeFixProvider))]
[Shared]
public sealed class ReturnTaskCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    internal const string EquivalenceKey = "ES1006.ReturnTask";

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
            if (FixableMethod(root, model, diagnostic, context.CancellationToken) is (MethodDeclarationSyntax method, _))
            {
                string title = $"Return Task<{method.ReturnType.WithoutTrivia()}> (wrap results in Task.FromResult)";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), EquivalenceKey, ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        INamedTypeSymbol? task = model?.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        if (root is null || model is null || task is null)
        {
            return document;
        }

        SyntaxGenerator generator = SyntaxGenerator.GetGenerator(document);
        var fixes = new Dictionary<MethodDeclarationSyntax, MethodDeclarationSyntax>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (FixableMethod(root, model, diagnostic, cancellationToken) is (MethodDeclarationSyntax method, IMethodSymbol symbol))
            {
                fixes[method] = ReturnTask(method, symbol.ReturnType, task, model, generator, cancellationToken);
            }
        }

        return fixes.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(fixes.Keys, (original, _) => fixes[original]));
    }

    /// <summary>The reported method and its symbol when the reported problem is a return type this fix can wrap.</summary>
    private static (MethodDeclarationSyntax Method, IMethodSymbol Symbol)? FixableMethod(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (EvalSignature.ReportedMethod(root, diagnostic) is not MethodDeclarationSyntax method
            || (method.Body is null && method.ExpressionBody is null)
            || model.GetDeclaredSymbol(method, cancellationToken) is not IMethodSymbol symbol
            || EvalSignature.Problem(symbol, model.Compilation) != SignatureProblem.ReturnType
            || symbol.IsAsync
            || symbol.IsPartialDefinition
            || symbol.PartialDefinitionPart is not null
            || symbol.ReturnsVoid
            || symbol.ReturnsByRef
            || symbol.ReturnsByRefReadonly
            || !CanBeWrapped(symbol.ReturnType, model.Compilation)
            || method.DescendantNodes().OfType<YieldStatementSyntax>().Any())
        {
            return null;
        }

        return (method, symbol);
    }

    /// <summary>Whether <c>Task&lt;T&gt;</c> of the type is both legal and what the author meant (not a task of a task).</summary>
    private static bool CanBeWrapped(ITypeSymbol type, Compilation compilation)
    {
        if (type.TypeKind is TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer || type.IsRefLikeType)
        {
            return false;
        }

        // Awaitables (Task, ValueTask, custom task-likes) and async streams are asynchronous already.
        bool awaitable = type.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(m => !m.IsStatic && m.Parameters.Length == 0);
        INamedTypeSymbol? asyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        bool asyncStream = type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, asyncEnumerable);
        return !awaitable && !asyncStream;
    }

    private static MethodDeclarationSyntax ReturnTask(MethodDeclarationSyntax method, ITypeSymbol returnType, INamedTypeSymbol task, SemanticModel model, SyntaxGenerator generator, CancellationToken cancellationToken)
    {
        TypeSyntax resultType = method.ReturnType.WithoutTrivia();
        IEnumerable<ExpressionSyntax> results = method.ExpressionBody is { } arrow
            ? new[] { arrow.Expression }.Where(e => e is not ThrowExpressionSyntax)
            : method.Body!.DescendantNodes()
                .OfType<ReturnStatementSyntax>()
                .Where(r => r.Expression is not null && OwningFunction(r) == method)
                .Select(r => r.Expression!);

        MethodDeclarationSyntax wrapped = method.ReplaceNodes(results, (original, rewritten) =>
        {
            // Task.FromResult infers its type from the value; Task<T> is invariant, so name the type unless the inferred one is exactly it.
            bool inferredExactly = !IsTargetTyped(original) && InfersExactly(model.GetTypeInfo(original, cancellationToken), returnType);
            return Wrap(rewritten, inferredExactly ? null : resultType, task, generator);
        });

        var taskOfResult = (TypeSyntax)generator.WithTypeArguments(TaskType(task, generator), resultType);
        return wrapped.WithReturnType(taskOfResult.WithTriviaFrom(method.ReturnType));
    }

    /// <summary>
    /// Whether the value takes its type from where it goes (<c>default</c>, <c>new()</c>): the semantic model
    /// reports the return type for it, but as an argument of <c>Task.FromResult</c> it gives inference nothing
    /// (CS0411), so the type argument must be written.
    /// </summary>
    private static bool IsTargetTyped(ExpressionSyntax value)
    {
        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }

        return value is ImplicitObjectCreationExpressionSyntax || value.IsKind(SyntaxKind.DefaultLiteralExpression);
    }

    /// <summary>
    /// Whether <c>Task.FromResult(value)</c> infers the return type itself: the same type (a null literal, a
    /// subtype or a conversion infer another) with the same nullability (inference takes the value's flow
    /// state: a possibly-null value infers <c>T?</c>).
    /// </summary>
    private static bool InfersExactly(TypeInfo value, ITypeSymbol returnType)
    {
        if (value.Type is null || !SymbolEqualityComparer.Default.Equals(value.Type, returnType))
        {
            return false;
        }

        return returnType.NullableAnnotation == NullableAnnotation.None
            || value.Nullability.FlowState == NullableFlowState.None
            || (returnType.NullableAnnotation == NullableAnnotation.Annotated) == (value.Nullability.FlowState == NullableFlowState.MaybeNull);
    }

    /// <summary>
    /// <c>global::System.Threading.Tasks.Task</c>, shortened (and its namespace imported) by the code action's
    /// cleanup. The import annotation is attached here because <c>TypeExpression(symbol, addImport: true)</c>
    /// does not attach the <see cref="Simplifier.AddImportsAnnotation"/> that the cleanup looks for.
    /// </summary>
    private static SyntaxNode TaskType(INamedTypeSymbol task, SyntaxGenerator generator) =>
        generator.TypeExpression(task).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);

    /// <summary><c>Task.FromResult(value)</c>, or <c>Task.FromResult&lt;T&gt;(value)</c> given a type argument.</summary>
    private static ExpressionSyntax Wrap(ExpressionSyntax value, TypeSyntax? typeArgument, INamedTypeSymbol task, SyntaxGenerator generator)
    {
        SyntaxNode fromResult = typeArgument is null
            ? generator.IdentifierName("FromResult")
            : generator.GenericName("FromResult", typeArgument);
        SyntaxNode invocation = generator.InvocationExpression(
            generator.MemberAccessExpression(TaskType(task, generator), fromResult),
            value.WithoutTrivia());
        return ((ExpressionSyntax)invocation).WithTriviaFrom(value);
    }

    /// <summary>The method, local function or lambda a return statement returns from.</summary>
    private static SyntaxNode? OwningFunction(ReturnStatementSyntax statement) =>
        statement.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
}
