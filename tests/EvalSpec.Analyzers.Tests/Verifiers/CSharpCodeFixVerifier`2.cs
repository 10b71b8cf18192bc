using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EvalSpec.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs <typeparamref name="TCodeFix"/> on the diagnostics <typeparamref name="TAnalyzer"/> reports in C# source
/// with <c>{|ES1004:...|}</c> / <c>{|#0:...|}</c> markup, and compares the result with the fixed source: the
/// fix of one diagnostic at a time and Fix All in document, project and solution, unless told otherwise.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer reporting the diagnostics.</typeparam>
/// <typeparam name="TCodeFix">The code fix under test.</typeparam>
internal static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic of <paramref name="descriptor"/>; add a location and arguments.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>
    /// Verifies that the fix (the code action with <paramref name="equivalenceKey"/>, or the only one offered)
    /// turns <paramref name="source"/> into <paramref name="fixedSource"/>, which must report no diagnostics.
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        Create(source, fixedSource, equivalenceKey).RunAsync(CancellationToken.None);

    /// <summary>Verifies that no fix is offered for the diagnostics marked up in <paramref name="source"/>.</summary>
    public static Task VerifyNoCodeFixAsync(string source) =>
        Create(source, source, equivalenceKey: null).RunAsync(CancellationToken.None);

    /// <summary>A test to adjust before running (remaining diagnostics, Fix All results, iterations).</summary>
    public static EvalCodeFixTest<TAnalyzer, TCodeFix> Create(string source, string fixedSource, string? equivalenceKey = null) =>
        new() { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
}
