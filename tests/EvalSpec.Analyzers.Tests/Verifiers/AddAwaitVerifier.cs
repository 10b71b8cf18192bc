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
        EvalCodeFixTest<CheckNotAwaitedAnalyzer, AddAwaitCodeFixProvider> test = CreateTest();
        test.TestCode = source;
        test.FixedCode = fixedSource;
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies that <paramref name="source"/> reports <paramref name="expected"/> and that no fix is offered for it.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        EvalCodeFixTest<CheckNotAwaitedAnalyzer, AddAwaitCodeFixProvider> test = CreateTest();
        test.TestCode = source;
        test.FixedCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// A test of the fix, for sources of its own (several files). Test methods in the sources use xUnit, whose v2
    /// assemblies reference System.Runtime 4.0: the unification warnings CS1701/CS1702 are off, as the .NET SDK
    /// turns them off in every project.
    /// </summary>
    public static EvalCodeFixTest<CheckNotAwaitedAnalyzer, AddAwaitCodeFixProvider> CreateTest()
    {
        var test = new EvalCodeFixTest<CheckNotAwaitedAnalyzer, AddAwaitCodeFixProvider>();
        test.DisabledDiagnostics.AddRange(new[] { "CS1701", "CS1702" });
        return test;
    }
}
