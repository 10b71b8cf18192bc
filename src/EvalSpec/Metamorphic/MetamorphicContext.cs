using System;
using System.Collections.Generic;

namespace EvalSpec.Metamorphic;

/// <summary>What a relation may use while transforming an input, and where it notes what it changed.</summary>
public sealed class MetamorphicContext
{
    /// <summary>Creates a context whose random source is seeded from <paramref name="rowId"/>.</summary>
    /// <param name="rowId">The stable id of the row.</param>
    /// <param name="otherPrompts">The row's other prompt variants, rendered with the same arguments.</param>
    public MetamorphicContext(string rowId, IReadOnlyList<string>? otherPrompts = null)
    {
        RowId = rowId ?? throw new ArgumentNullException(nameof(rowId));
        Random = SeededRandom.FromKey(rowId);
        OtherPrompts = otherPrompts ?? Array.Empty<string>();
    }

    /// <summary>The stable id of the row being evaluated.</summary>
    public string RowId { get; }

    /// <summary>
    /// A random source seeded from <see cref="RowId"/>: the same row draws the same numbers on every run,
    /// machine and .NET version.
    /// </summary>
    public Random Random { get; }

    /// <summary>
    /// The eval's other prompt variants, rendered with this row's arguments (empty when the relation targets a
    /// parameter or the eval has one variant). An instruction-paraphrase relation picks from these.
    /// </summary>
    public IReadOnlyList<string> OtherPrompts { get; }

    /// <summary>
    /// What the transformation changed, for people and for the relation's own check: e.g.
    /// <c>["names"] = "Maria -> John"</c> or <c>["edited fact"] = "30 days -> 45 days"</c>. Shown in the failure
    /// message and written to the results.
    /// </summary>
    public IDictionary<string, string> Notes { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
