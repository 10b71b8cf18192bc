using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EvalSpec.Analyzers.Tests.Verifiers;

/// <summary>
/// An analyzer test compiled the way a user's eval project is: C# latest, nullable enabled, against the
/// .NET 10 reference assemblies and (unless told otherwise) the EvalSpec runtime.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
internal sealed class EvalAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public EvalAnalyzerTest(bool referenceEvalSpecRuntime)
    {
        ReferenceAssemblies = EvalReferences.None;
        TestState.AdditionalReferences.AddRange(EvalReferences.Framework);
        if (referenceEvalSpecRuntime)
        {
            TestState.AdditionalReferences.AddRange(EvalReferences.EvalSpecRuntime);
        }
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
