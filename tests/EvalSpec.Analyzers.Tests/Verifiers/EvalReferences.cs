using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace EvalSpec.Analyzers.Tests.Verifiers;

/// <summary>
/// The metadata references test compilations are built against: the .NET 10 reference assemblies shipped
/// inside Basic.Reference.Assemblies.Net100, plus the assemblies a user's eval project references.
/// </summary>
internal static class EvalReferences
{
    /// <summary>
    /// A <see cref="ReferenceAssemblies"/> that resolves to nothing. It names no package, so the testing
    /// framework never asks NuGet for one: <c>ReferenceAssemblies.Net.Net100</c> would try to download a
    /// targeting pack that the package registry here does not serve.
    /// </summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The .NET 10 framework reference assemblies.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = ImmutableArray.CreateRange<MetadataReference>(Net100.References.All);

    /// <summary>The EvalSpec runtime and the xUnit v2 assemblies every eval project references.</summary>
    public static ImmutableArray<MetadataReference> EvalSpecRuntime { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(EvalAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Xunit.FactAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Xunit.Abstractions.ITestCase).Assembly.Location));
}
