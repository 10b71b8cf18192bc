using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EvalSpec.Generators.Model;

/// <summary>
/// The valid eval methods of one class, emitted as one generated file: one partial declaration of the class per class
/// instead of one per method, which a build of a large suite compiles faster (docs/build.md). Compared by value, so a
/// class whose methods did not change keeps its file cached when another class's methods change.
/// </summary>
/// <param name="FullyQualifiedTypeName">The class, as <see cref="EvalMethodSpec.FullyQualifiedTypeName"/> names it.</param>
/// <param name="Methods">Its methods, ordered by name (ordinal), so the file does not depend on the order of the source files.</param>
internal sealed record EvalClassSpec(string FullyQualifiedTypeName, EquatableArray<EvalMethodSpec> Methods)
{
    /// <summary>The methods grouped by class, in the order of the classes' names (ordinal).</summary>
    public static ImmutableArray<EvalClassSpec> Group(ImmutableArray<EvalMethodSpec> methods) =>
        methods
            .GroupBy(m => m.FullyQualifiedTypeName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EvalClassSpec(g.Key, new EquatableArray<EvalMethodSpec>(g.OrderBy(m => m.MethodName, StringComparer.Ordinal))))
            .ToImmutableArray();

    /// <summary>The first method, which carries the namespace and containing types every method of the class shares.</summary>
    public EvalMethodSpec First => Methods[0];
}
