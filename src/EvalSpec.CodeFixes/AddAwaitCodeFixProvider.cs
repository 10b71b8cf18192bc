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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace EvalSpec.CodeFixes;

/// <summary>
/// "Add await" for ES3001: awaits the snapshot or assertion whose Task was thrown away (<c>_ = </c> is dropped),
/// and makes the containing method or local function <c>async Task</c> when it is not async yet and that is
/// unambiguous.
/// </summary>
/// <remarks>
/// The signature changes only where no other code depends on it: a local function, a <c>private</c> method, or a
/// test method (an xUnit <c>[Fact]</c> or <c>[Theory]</c>, which only the test runner calls), and only when it is
/// not <c>partial</c>, <c>virtual</c>, <c>abstract</c>, <c>override</c>, <c>extern</c> or an interface member, implements
/// no interface member, and is not called or used as a delegate in its type's files (a caller would be left with a
/// Task it does not await). It must return <c>void</c>, or <c>Task</c> with every <c>return</c> returning
/// <c>Task.CompletedTask</c> (those become plain returns). No fix is offered otherwise, nor for iterators, methods
/// with <c>ref</c>/<c>out</c>/<c>in</c> parameters, non-async lambdas, accessors and constructors, or inside a
/// <c>lock</c>. Top-level statements need no change.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAwaitCodeFixProvider))]
[Shared]
public sealed class AddAwaitCodeFixProvider : CodeFixProvider
{
    private const string Title = "Add await";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.CheckNotAwaited.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => AddAwaitFixAll.Instance;

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
            if (AwaitPlan.Create(root, model, diagnostic.Location.SourceSpan, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => FixAsync(context.Document, ImmutableArray.Create(diagnostic), token), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    /// <summary>Applies the fix for every diagnostic of the document at once, each function made async once.</summary>
    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        AwaitPlan[] plans = diagnostics
            .Select(d => AwaitPlan.Create(root, model, d.Location.SourceSpan, cancellationToken))
            .OfType<AwaitPlan>()
            .ToArray();
        if (plans.Length == 0)
        {
            return document;
        }

        SyntaxNode[] functions = plans.Select(p => p.FunctionToMakeAsync).OfType<SyntaxNode>().Distinct().ToArray();
        SyntaxNode tracked = root.TrackNodes(plans.Select(p => p.Replaced).Concat(functions));
        foreach (AwaitPlan plan in plans)
        {
            SyntaxNode current = tracked.GetCurrentNode(plan.Replaced)!;
            tracked = tracked.ReplaceNode(current, plan.Await(current));
        }

        foreach (SyntaxNode function in functions)
        {
            SyntaxNode current = tracked.GetCurrentNode(function)!;
            tracked = tracked.ReplaceNode(current, AsyncTask(current));
        }

        Document fixedDocument = document.WithSyntaxRoot(tracked);

        // "Task" needs System.Threading.Tasks; the code action's clean-up then shortens the qualified name.
        return functions.Length == 0
            ? fixedDocument
            : await ImportAdder.AddImportsAsync(fixedDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The function with <c>async</c>, returning <c>Task</c>, its <c>return Task.CompletedTask;</c> made plain.</summary>
    private static SyntaxNode AsyncTask(SyntaxNode function)
    {
        FunctionDeclaration declaration = FunctionDeclaration.Of(function)!.Value;
        BlockSyntax? body = declaration.Body;
        if (body is not null)
        {
            ReturnStatementSyntax[] returns = OwnReturns(body).Where(r => r.Expression is not null).ToArray();
            bool endsWithReturn = body.Statements.LastOrDefault() is ReturnStatementSyntax last && returns.Contains(last);
            body = body.ReplaceNodes(returns, (original, _) => SyntaxFactory.ReturnStatement().WithTriviaFrom(original));
            if (endsWithReturn)
            {
                // The last statement returned Task.CompletedTask; an async method just ends there.
                body = body.WithStatements(body.Statements.RemoveAt(body.Statements.Count - 1));
            }
        }

        TypeSyntax task = SyntaxFactory.ParseTypeName("global::System.Threading.Tasks.Task")
            .WithTriviaFrom(declaration.ReturnType)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        SyntaxToken asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count == 0)
        {
            // The leading trivia (indentation, comments) moves from the return type to the new first token.
            asyncKeyword = asyncKeyword.WithLeadingTrivia(declaration.ReturnType.GetLeadingTrivia());
            task = task.WithLeadingTrivia(SyntaxTriviaList.Empty);
        }

        return declaration.With(declaration.Modifiers.Add(asyncKeyword), task, body);
    }

    /// <summary>The return statements of a body, not of the lambdas and local functions inside it.</summary>
    private static IEnumerable<ReturnStatementSyntax> OwnReturns(SyntaxNode body) =>
        body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>();

    /// <summary>The parts of a method or local function declaration the fix reads and changes.</summary>
    private readonly struct FunctionDeclaration
    {
        private readonly SyntaxNode _node;

        private FunctionDeclaration(SyntaxNode node, SyntaxTokenList modifiers, TypeSyntax returnType, BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody)
        {
            _node = node;
            Modifiers = modifiers;
            ReturnType = returnType;
            Body = body;
            ExpressionBody = expressionBody;
        }

        public SyntaxTokenList Modifiers { get; }

        public TypeSyntax ReturnType { get; }

        public BlockSyntax? Body { get; }

        public ArrowExpressionClauseSyntax? ExpressionBody { get; }

        public static FunctionDeclaration? Of(SyntaxNode node) => node switch
        {
            MethodDeclarationSyntax method => new FunctionDeclaration(method, method.Modifiers, method.ReturnType, method.Body, method.ExpressionBody),
            LocalFunctionStatementSyntax local => new FunctionDeclaration(local, local.Modifiers, local.ReturnType, local.Body, local.ExpressionBody),
            _ => null,
        };

        public SyntaxNode With(SyntaxTokenList modifiers, TypeSyntax returnType, BlockSyntax? body) => _node switch
        {
            MethodDeclarationSyntax method => method.WithModifiers(modifiers).WithReturnType(returnType).WithBody(body),
            LocalFunctionStatementSyntax local => local.WithModifiers(modifiers).WithReturnType(returnType).WithBody(body),
            _ => _node,
        };
    }

    /// <summary>What fixing one diagnostic replaces, and which function (if any) must become async.</summary>
    private sealed class AwaitPlan
    {
        private AwaitPlan(SyntaxNode replaced, SyntaxNode? functionToMakeAsync)
        {
            Replaced = replaced;
            FunctionToMakeAsync = functionToMakeAsync;
        }

        /// <summary>The node replaced by the await: the call (or its ConfigureAwait), or the whole <c>_ = ...</c>.</summary>
        public SyntaxNode Replaced { get; }

        /// <summary>A method or local function to make <c>async Task</c>; null when the context can await already.</summary>
        public SyntaxNode? FunctionToMakeAsync { get; }

        /// <summary>The await expression that takes the place of <paramref name="current"/> (<see cref="Replaced"/> as tracked).</summary>
        public SyntaxNode Await(SyntaxNode current)
        {
            ExpressionSyntax awaited = current is AssignmentExpressionSyntax discard ? discard.Right : (ExpressionSyntax)current;
            return SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), awaited.WithoutLeadingTrivia())
                .WithLeadingTrivia(current.GetLeadingTrivia())
                .WithTrailingTrivia(current.GetTrailingTrivia());
        }

        /// <summary>The plan for the diagnostic at <paramref name="span"/>, or null when no fix is unambiguous.</summary>
        public static AwaitPlan? Create(SyntaxNode root, SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
        {
            if (root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Span == span) is not { } call)
            {
                return null;
            }

            ExpressionSyntax awaited = call;
            if (call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member
                && member.Expression == call
                && member.Parent is InvocationExpressionSyntax configureAwait)
            {
                awaited = configureAwait;
            }

            SyntaxNode replaced = awaited;
            switch (awaited.Parent)
            {
                case ExpressionStatementSyntax:
                case ArrowExpressionClauseSyntax:
                case LambdaExpressionSyntax lambda when lambda.ExpressionBody == awaited:
                    break;
                case AssignmentExpressionSyntax assignment when assignment.Right == awaited
                    && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && assignment.Parent is ExpressionStatementSyntax
                    && model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation { Target: IDiscardOperation }:
                    replaced = assignment;
                    break;
                default:
                    return null;
            }

            if (call.Ancestors().TakeWhile(n => !IsFunction(n)).Any(n => n is LockStatementSyntax))
            {
                return null;
            }

            SyntaxNode? function = call.Ancestors().FirstOrDefault(IsFunction);
            switch (function)
            {
                case null:
                case GlobalStatementSyntax:
                    return new AwaitPlan(replaced, null);
                case AnonymousFunctionExpressionSyntax anonymous:
                    return anonymous.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? new AwaitPlan(replaced, null) : null;
                case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                    FunctionDeclaration declaration = FunctionDeclaration.Of(function)!.Value;
                    if (declaration.Modifiers.Any(SyntaxKind.AsyncKeyword))
                    {
                        return new AwaitPlan(replaced, null);
                    }

                    return CanMakeAsyncTask(function, declaration, root, model, cancellationToken) ? new AwaitPlan(replaced, function) : null;
                default:
                    return null;
            }
        }

        private static bool IsFunction(SyntaxNode node) =>
            node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
                or AccessorDeclarationSyntax or GlobalStatementSyntax;

        private static bool CanMakeAsyncTask(SyntaxNode function, FunctionDeclaration declaration, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body is null
                || model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol method
                || !SignatureIsOwnedByTheFix(method, declaration)
                || method.Parameters.Any(p => p.RefKind != RefKind.None)
                || ImplementsInterfaceMember(method)
                || body.DescendantNodes().Any(n => n is YieldStatementSyntax)
                || Referenced(method, root, model, cancellationToken))
            {
                return false;
            }

            if (method.ReturnsVoid)
            {
                return true;
            }

            // Task (not Task<T>): only when every return is Task.CompletedTask, which an async method drops.
            return method.ReturnType is INamedTypeSymbol { Name: "Task", IsGenericType: false, ContainingNamespace: { } ns }
                && ns.ToDisplayString() == "System.Threading.Tasks"
                && body is BlockSyntax
                && OwnReturns(body).All(r => r.Expression is not null
                    && model.GetOperation(r.Expression, cancellationToken) is IPropertyReferenceOperation { Property.Name: "CompletedTask" } completed
                    && SymbolEqualityComparer.Default.Equals(completed.Property.ContainingType, method.ReturnType));
        }

        /// <summary>
        /// Whether nothing but the calls the fix can see depends on the signature: a local function, a private
        /// method, or a test method (only the test runner calls it), none of them partial (the other part keeps the
        /// old signature), virtual, abstract, override, extern or an interface member (overrides, implementations and
        /// callers elsewhere would no longer match or would drop the Task).
        /// </summary>
        private static bool SignatureIsOwnedByTheFix(IMethodSymbol method, FunctionDeclaration declaration)
        {
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return !method.IsExtern;
            }

            if (method.MethodKind != MethodKind.Ordinary
                || declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                || method.PartialDefinitionPart is not null
                || method.PartialImplementationPart is not null
                || method.IsVirtual
                || method.IsAbstract
                || method.IsOverride
                || method.IsExtern
                || method.ContainingType is not { TypeKind: not TypeKind.Interface })
            {
                return false;
            }

            return method.DeclaredAccessibility == Accessibility.Private || IsTestMethod(method);
        }

        /// <summary>Whether the method carries xUnit's <c>[Fact]</c> or an attribute derived from it (<c>[Theory]</c>, skippable facts).</summary>
        private static bool IsTestMethod(IMethodSymbol method) =>
            method.GetAttributes().Any(attribute =>
            {
                for (INamedTypeSymbol? type = attribute.AttributeClass; type is not null; type = type.BaseType)
                {
                    if (type.Name is "FactAttribute" or "TheoryAttribute" && type.ContainingNamespace?.ToDisplayString() == "Xunit")
                    {
                        return true;
                    }
                }

                return false;
            });

        private static bool ImplementsInterfaceMember(IMethodSymbol method) =>
            method.ContainingType?.AllInterfaces
                .SelectMany(i => i.GetMembers(method.Name))
                .Any(member => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method)) == true;

        /// <summary>
        /// Whether code that can see the method refers to it: as a method group its type would change, and a caller
        /// would be left with a Task it does not await (the check would still go unobserved, one level up). A local
        /// function is visible in this document only; a private or test method in every file of its outermost type
        /// (a partial type's other parts included). Simple names cover generic calls (<c>Check&lt;string&gt;(x)</c>).
        /// </summary>
        private static bool Referenced(IMethodSymbol method, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return ReferencedIn(method, root, model, cancellationToken);
            }

            INamedTypeSymbol outermost = method.ContainingType;
            while (outermost.ContainingType is { } containing)
            {
                outermost = containing;
            }

            return outermost.DeclaringSyntaxReferences
                .Select(reference => reference.SyntaxTree)
                .Distinct()
                .Any(tree => tree == root.SyntaxTree
                    ? ReferencedIn(method, root, model, cancellationToken)
                    : ReferencedIn(method, tree.GetRoot(cancellationToken), model.Compilation.GetSemanticModel(tree), cancellationToken));
        }

        private static bool ReferencedIn(IMethodSymbol method, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
            root.DescendantNodes()
                .OfType<SimpleNameSyntax>()
                .Where(n => n.Identifier.ValueText == method.Name)
                .Any(n => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol?.OriginalDefinition, method.OriginalDefinition));
    }

    /// <summary>Fix all: every diagnostic of a document in one pass, so a method is made async once.</summary>
    private sealed class AddAwaitFixAll : DocumentBasedFixAllProvider
    {
        public static AddAwaitFixAll Instance { get; } = new();

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => Title;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await FixAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
