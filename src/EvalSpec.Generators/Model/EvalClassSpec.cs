using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Generators.Parsing;

namespace EvalSpec.Generators.Model;

/// <summary>
/// The valid eval methods of one class, emitted as one generated file: one partial declaration of the class per class
/// instead of one per method, which a build of a large suite compiles faster (docs/build.md).
/// </summary>
/// <param name="FullyQualifiedTypeName">The class, as <see cref="EvalMethodSpec.FullyQualifiedTypeName"/> names it.</param>
/// <param name="Methods">Its methods, ordered by name (ordinal), so the file does not depend on the order of the source files.</param>
internal sealed record EvalClassSpec(string FullyQualifiedTypeName, EquatableArray<EvalMethodSpec> Methods)
{
    /// <summary>The first method, which carries the namespace and containing types every method of the class shares.</summary>
    public EvalMethodSpec First => Methods[0];
}

/// <summary>
/// A fixed share of the classes, chosen by a hash of the class's name. The incremental pipeline compares a step's outputs
/// by position, so the classes are handed on in <see cref="Count"/> buckets that always exist, in the same order: a class
/// added, removed or made invalid changes its own bucket only, and the files of the classes in the other buckets stay
/// cached (a list of the classes themselves would shift every class after it).
/// </summary>
/// <param name="Index">The bucket's position.</param>
/// <param name="Classes">Its classes, ordered by name (ordinal).</param>
internal sealed record EvalClassBucket(int Index, EquatableArray<EvalClassSpec> Classes)
{
    /// <summary>
    /// How many buckets there are. Classes that share a bucket are re-emitted together (in a suite of 20 classes, two
    /// share one about every other time; of 100 classes, about 32 share one with another); an empty bucket costs one comparison per run.
    /// </summary>
    public const int Count = 256;

    /// <summary>The bucket of a class (<see cref="EvalMethodSpec.FullyQualifiedTypeName"/>).</summary>
    public static int IndexOf(string fullyQualifiedTypeName) => (int)(KeyNaming.HashValue(fullyQualifiedTypeName) % Count);

    /// <summary>The methods grouped by class, the classes spread over <see cref="Count"/> buckets.</summary>
    public static ImmutableArray<EvalClassBucket> Of(ImmutableArray<EvalMethodSpec> methods)
    {
        var buckets = new List<EvalClassSpec>[Count];
        foreach (IGrouping<string, EvalMethodSpec> type in methods.GroupBy(m => m.FullyQualifiedTypeName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int index = IndexOf(type.Key);
            (buckets[index] ??= new List<EvalClassSpec>()).Add(
                new EvalClassSpec(type.Key, new EquatableArray<EvalMethodSpec>(type.OrderBy(m => m.MethodName, StringComparer.Ordinal))));
        }

        return Enumerable.Range(0, Count)
            .Select(i => new EvalClassBucket(i, new EquatableArray<EvalClassSpec>(buckets[i] ?? Enumerable.Empty<EvalClassSpec>())))
            .ToImmutableArray();
    }
}
