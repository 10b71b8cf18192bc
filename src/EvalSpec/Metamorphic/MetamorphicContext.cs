using System;

namespace EvalSpec.Metamorphic;

/// <summary>What a relation may use while transforming an input.</summary>
public sealed class MetamorphicContext
{
    /// <summary>Creates a context whose random source is seeded from <paramref name="rowId"/>.</summary>
    /// <param name="rowId">The stable id of the row.</param>
    public MetamorphicContext(string rowId)
    {
        RowId = rowId ?? throw new ArgumentNullException(nameof(rowId));
        Random = SeededRandom.FromKey(rowId);
    }

    /// <summary>The stable id of the row being evaluated.</summary>
    public string RowId { get; }

    /// <summary>
    /// A random source seeded from <see cref="RowId"/>: the same row draws the same numbers on every run,
    /// machine and .NET version.
    /// </summary>
    public Random Random { get; }
}
