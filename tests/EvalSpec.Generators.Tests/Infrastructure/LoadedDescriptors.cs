using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using EvalSpec.Execution;
using FluentAssertions;
using Microsoft.CodeAnalysis.Emit;

namespace EvalSpec.Generators.Tests.Infrastructure;

/// <summary>
/// Compiles a generator run's output and loads it in a collectible context: a class's generated descriptors as the
/// runtime does (the static fields, built by <see cref="EvalMethodDescriptor.FromGenerated"/>): what the case arguments
/// really are at run time.
/// </summary>
internal static class LoadedDescriptors
{
    /// <summary>Calls <paramref name="inspect"/> with the descriptors of <paramref name="typeMetadataName"/>, then unloads the assembly.</summary>
    public static void Inspect(GeneratorRun run, string typeMetadataName, Action<EvalMethodDescriptor[]> inspect) =>
        Load(run, typeMetadataName, type => inspect(
            type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(f => f.FieldType == typeof(EvalMethodDescriptor))
                .Select(f => (EvalMethodDescriptor)f.GetValue(null)!)
                .ToArray()));

    /// <summary>Compiles the run's output, loads it in a collectible context, calls <paramref name="use"/> with the type, then unloads it.</summary>
    public static void Load(GeneratorRun run, string typeMetadataName, Action<Type> use)
    {
        using var image = new MemoryStream();
        EmitResult emitted = run.OutputCompilation.Emit(image);
        emitted.Success.Should().BeTrue(string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        // EvalSpec and xUnit resolve to the copies this test assembly already loaded.
        var context = new AssemblyLoadContext(nameof(LoadedDescriptors), isCollectible: true);
        try
        {
            use(context.LoadFromStream(image).GetType(typeMetadataName, throwOnError: true)!);
        }
        finally
        {
            context.Unload();
        }
    }
}
