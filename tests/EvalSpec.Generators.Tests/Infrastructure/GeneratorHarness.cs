using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EvalSpec.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// Builds compilations the way a user's eval project looks (BCL + EvalSpec + xUnit v2 + EvalSpec.Xunit, nullable enabled) and
/// runs <see cref="EvalGenerator"/> over them with step tracking on, so tests can assert outputs and run reasons.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> BclReferences =
        ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);

    private static readonly MetadataReference EvalSpecRuntime = MetadataReference.CreateFromFile(typeof(EvalAttribute).Assembly.Location);

    /// <summary>xUnit v2 (xunit.core, xunit.abstractions, xunit.execution) without EvalSpec's v2 adapter.</summary>
    public static readonly ImmutableArray<MetadataReference> XunitV2WithoutAdapter = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(global::Xunit.FactAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Xunit.Abstractions.ITestOutputHelper).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Xunit.Sdk.XunitTestCase).Assembly.Location));

    private static readonly ImmutableArray<MetadataReference> Xunit = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(global::Xunit.FactAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Xunit.Abstractions.ITestOutputHelper).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::Xunit.Sdk.XunitTestCase).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::EvalSpec.Execution.EvalRowsAttribute).Assembly.Location));

    // The .NET SDK passes NoWarn 1701;1702 to every build: xunit.core and xunit.abstractions target netstandard
    // and refer to System.Runtime 4.0, which unifies with the 10.0 reference assemblies.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSuppressedWarnings =
        ImmutableDictionary<string, ReportDiagnostic>.Empty
            .Add("CS1701", ReportDiagnostic.Suppress)
            .Add("CS1702", ReportDiagnostic.Suppress);

    /// <summary>A library compilation of the given files (name and text), referencing the BCL, EvalSpec and (optionally) xUnit.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<SourceFile> files, bool referenceXunit = true) =>
        CreateCompilation(files, referenceXunit ? Xunit : ImmutableArray<MetadataReference>.Empty);

    /// <summary>A compilation like a user's xUnit v3 eval project: the BCL, EvalSpec, xUnit v3 and EvalSpec.Xunit.V3.</summary>
    public static CSharpCompilation CreateV3Compilation(params string[] sources) =>
        CreateCompilation(sources.Select((text, i) => new SourceFile("Source" + i + ".cs", text)), XunitV3.References);

    /// <inheritdoc cref="CreateV3Compilation(string[])"/>
    public static CSharpCompilation CreateV3Compilation(IEnumerable<SourceFile> files) => CreateCompilation(files, XunitV3.References);

    /// <summary>A compilation against the BCL, EvalSpec and the given test framework references.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<SourceFile> files, ImmutableArray<MetadataReference> testFramework)
    {
        IEnumerable<MetadataReference> references = BclReferences.Append(EvalSpecRuntime).Concat(testFramework);

        return CSharpCompilation.Create(
            "UserEvals",
            files.Select(f => Parse(f)),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: SdkSuppressedWarnings,
                deterministic: true));
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(sources.Select((text, i) => new SourceFile("Source" + i + ".cs", text)));

    public static SyntaxTree Parse(SourceFile file) => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path);

    /// <summary>A driver for <see cref="EvalGenerator"/> that records every step's inputs, outputs and run reasons.</summary>
    public static GeneratorDriver CreateDriver(AnalyzerConfigOptionsProvider? options = null, IEnumerable<AdditionalText>? additionalTexts = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new EvalGenerator().AsSourceGenerator() },
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(CSharpCompilation compilation, AnalyzerConfigOptionsProvider? options = null) =>
        Run(CreateDriver(options), compilation);

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, output, diagnostics, driver.GetRunResult().Results.Single());
    }

    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    /// <summary>Runs the parser directly on <paramref name="typeMetadataName"/>.<paramref name="methodName"/> (the first method of that name).</summary>
    public static EvalMethodParseResult ParseMethod(string source, string typeMetadataName, string methodName) =>
        ParseMethod(new[] { new SourceFile("Source0.cs", source) }, typeMetadataName, methodName);

    /// <inheritdoc cref="ParseMethod(string, string, string)"/>
    public static EvalMethodParseResult ParseMethod(IEnumerable<SourceFile> files, string typeMetadataName, string methodName)
    {
        CSharpCompilation compilation = CreateCompilation(files);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName(typeMetadataName)
            ?? throw new InvalidOperationException($"The test source declares no type '{typeMetadataName}'.");
        IMethodSymbol method = type.GetMembers(methodName).OfType<IMethodSymbol>().FirstOrDefault()
            ?? throw new InvalidOperationException($"'{typeMetadataName}' declares no method '{methodName}'.");
        KnownSymbols symbols = KnownSymbols.From(compilation);
        return EvalMethodParser.Parse(method, symbols, CancellationToken.None);
    }
}

/// <summary>A source file of a test compilation.</summary>
internal sealed record SourceFile(string Path, string Text);
