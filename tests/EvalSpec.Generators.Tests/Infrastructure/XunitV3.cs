using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// The references of a user's xUnit v3 eval project: xunit.v3.core and xunit.v3.common from the NuGet cache (downloaded by
/// this project's PackageDownload items, not referenced), and EvalSpec.Xunit.V3 compiled in memory from its sources.
/// </summary>
internal static class XunitV3
{
    private const string Version = "4.0.3";

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(Load);

    /// <summary>xunit.v3.core, xunit.v3.common and the EvalSpec.Xunit.V3 adapter.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>xunit.v3.core and xunit.v3.common without the adapter.</summary>
    public static ImmutableArray<MetadataReference> WithoutAdapter => LazyReferences.Value.RemoveAt(LazyReferences.Value.Length - 1);

    private static ImmutableArray<MetadataReference> Load()
    {
        string packages = typeof(XunitV3).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EvalSpec.Generators.Tests.NuGetPackageRoot").Value
            ?? throw new InvalidOperationException("The test assembly does not record the NuGet package folder.");
        MetadataReference[] xunit =
        [
            MetadataReference.CreateFromFile(Path.Combine(packages, "xunit.v3.extensibility.core", Version, "lib", "netstandard2.0", "xunit.v3.core.dll")),
            MetadataReference.CreateFromFile(Path.Combine(packages, "xunit.v3.common", Version, "lib", "netstandard2.0", "xunit.v3.common.dll")),

            // What the netstandard2.0 xUnit assemblies take IAsyncDisposable from (type-forwarded to the BCL on .NET).
            MetadataReference.CreateFromFile(Path.Combine(packages, "microsoft.bcl.asyncinterfaces", "6.0.0", "lib", "netstandard2.1", "Microsoft.Bcl.AsyncInterfaces.dll")),
        ];

        string sources = Path.GetFullPath(Path.Combine(Baselines.Directory, "..", "..", "..", "src", "EvalSpec.Xunit.V3"));
        IEnumerable<SyntaxTree> trees = Directory.GetFiles(sources, "*.cs")
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorHarness.ParseOptions, path));
        CSharpCompilation adapter = CSharpCompilation.Create(
            "EvalSpec.Xunit.V3",
            trees,
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(EvalAttribute).Assembly.Location))
                .Concat(xunit),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = adapter.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("EvalSpec.Xunit.V3 does not compile in memory:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return xunit.Append(MetadataReference.CreateFromImage(image.ToArray())).ToImmutableArray();
    }
}
