using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvalSpec.CodeFixes;

/// <summary>Finds the method an ES1006 diagnostic is about and which of its problems the parser reported.</summary>
internal static class EvalSignature
{
    /// <summary>The method declaration whose name the diagnostic is reported on, or null.</summary>
    public static MethodDeclarationSyntax? ReportedMethod(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        return root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is MethodDeclarationSyntax method
            && method.Identifier.Span == diagnostic.Location.SourceSpan
            ? method
            : null;
    }

    /// <summary>
    /// The problem the parser reports for <paramref name="method"/>: its checks, in its order (a generic method
    /// first, then the return type, then the first parameter), so a fix is offered only for the reported problem.
    /// </summary>
    public static SignatureProblem Problem(IMethodSymbol method, Compilation compilation)
    {
        INamedTypeSymbol? evalInput = compilation.GetTypeByMetadataName("EvalSpec.EvalInput");
        if (evalInput is null || method.IsGenericMethod)
        {
            return SignatureProblem.Other;
        }

        if (!IsTaskOfT(method.ReturnType, compilation))
        {
            return SignatureProblem.ReturnType;
        }

        return method.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, evalInput)
            ? SignatureProblem.FirstParameter
            : SignatureProblem.Other;
    }

    private static bool IsTaskOfT(ITypeSymbol type, Compilation compilation) =>
        type is INamedTypeSymbol { IsGenericType: true } named
        && new[] { "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask`1" }
            .Any(name => SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, compilation.GetTypeByMetadataName(name)));
}
