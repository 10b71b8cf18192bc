using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EvalSpec.Analyzers.Tests.Verifiers;

/// <summary>
/// A code fix test compiled the way a user's eval project is (as <see cref="EvalAnalyzerTest{TAnalyzer}"/>):
/// C# latest, nullable enabled, against the .NET 10 reference assemblies, the EvalSpec runtime and xUnit v2.
/// The fixed code is compiled against the same references and must compile without errors or warnings.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer reporting the diagnostics.</typeparam>
/// <typeparam name="TCodeFix">The code fix under test.</typeparam>
internal sealed class EvalCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public EvalCodeFixTest()
    {
        ReferenceAssemblies = EvalReferences.None;
        TestState.AdditionalReferences.AddRange(EvalReferences.Framework);
        TestState.AdditionalReferences.AddRange(EvalReferences.EvalSpecRuntime);

        // A fix must not trade the diagnostic for a compiler warning (a user's build may treat warnings as errors).
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    // Test sources carry no XML docs; the framework parses them in documentation mode, which would report CS1591.
    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress });
}
