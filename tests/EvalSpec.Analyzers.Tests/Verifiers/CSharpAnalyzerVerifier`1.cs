using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EvalSpec.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> over C# source with <c>{|#0:...|}</c> / <c>{|ES1001:...|}</c> markup
/// and checks that exactly the expected diagnostics are reported (compiler errors in the source count as
/// unexpected, so every test source must compile).
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
internal static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of <paramref name="descriptor"/>; add a location and arguments.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Verifies <paramref name="source"/>, compiled against the EvalSpec runtime, reports exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        RunAsync(source, referenceEvalSpecRuntime: true, expected);

    /// <summary>Verifies <paramref name="source"/>, compiled without the EvalSpec runtime, reports exactly <paramref name="expected"/>.</summary>
    public static Task VerifyWithoutEvalSpecRuntimeAsync(string source, params DiagnosticResult[] expected) =>
        RunAsync(source, referenceEvalSpecRuntime: false, expected);

    /// <summary>Verifies <paramref name="source"/> with AdditionalFiles items (path, text) reports exactly <paramref name="expected"/>.</summary>
    public static Task VerifyWithAdditionalFilesAsync(string source, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected) =>
        RunAsync(source, referenceEvalSpecRuntime: true, expected, additionalFiles);

    private static Task RunAsync(string source, bool referenceEvalSpecRuntime, DiagnosticResult[] expected, (string Path, string Text)[]? additionalFiles = null)
    {
        var test = new EvalAnalyzerTest<TAnalyzer>(referenceEvalSpecRuntime) { TestCode = source };
        foreach ((string path, string text) in additionalFiles ?? System.Array.Empty<(string, string)>())
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
