using System.Threading;
using System.Threading.Tasks;
using EvalSpec.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace EvalSpec.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs ES3001 (<see cref="CheckNotAwaitedAnalyzer"/>) and its "Add await" fix over markup source (an
/// <see cref="EvalCodeFixTest{TAnalyzer, TCodeFix}"/>), and checks the fixed source, one fix at a time and all at once;
/// a program (top-level statements) or a library.
/// </summary>
internal static class AddAwaitVerifier
{
    /// <summary>An expected ES3001 naming <paramref name="check"/>, at markup location <paramref name="markupKey"/>.</summary>
    public static DiagnosticResult NotAwaited(int markupKey, string check) =>
        new DiagnosticResult(DiagnosticDescriptors.CheckNotAwaited).WithLocation(markupKey).WithArguments(check);

    /// <summary>Verifies that <paramref name="source"/> reports <paramref name="expected"/> and is fixed into <paramref name="fixedSource"/>.</summary>
    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyFixAsync(source, fixedSource, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>As <see cref="VerifyFixAsync(string, string, DiagnosticResult[])"/>, for a program (top-level statements) or a library.</summary>
    public static Task VerifyFixAsync(string source, string fixedSource, OutputKind outputKind, params DiagnosticResult[] expected)
    {
        var test = new EvalCodeFixTest<CheckNotAwaitedAnalyzer, AddAwaitCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies that <paramref name="source"/> reports <paramref name="expected"/> and that no fix is offered for it.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new EvalCodeFixTest<CheckNotAwaitedAnalyzer, AddAwaitCodeFixProvider> { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
