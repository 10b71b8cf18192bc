using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Statistics;

/// <summary>A deterministic stratified sample of rows (<see cref="StratifiedSample"/>).</summary>
internal sealed class StratifiedSelection
{
    private readonly HashSet<string> _selected;

    internal StratifiedSelection(IReadOnlyList<string> rowIds, IReadOnlyList<StratumAllocation> strata)
    {
        RowIds = rowIds;
        Strata = strata;
        _selected = new HashSet<string>(rowIds, StringComparer.Ordinal);
    }

    /// <summary>The selected row ids: stratum by stratum in ordinal order of the stratum key, each stratum's rows in sample order.</summary>
    public IReadOnlyList<string> RowIds { get; }

    /// <summary>Every stratum, in ordinal order of its key, with its population and how many rows were selected from it.</summary>
    public IReadOnlyList<StratumAllocation> Strata { get; }

    /// <summary>True when <paramref name="rowId"/> is in the sample.</summary>
    /// <param name="rowId">A row id.</param>
    /// <returns>Whether the row was selected.</returns>
    public bool Contains(string rowId) => _selected.Contains(rowId);

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{RowIds.Count} of {Strata.Sum(s => (long)s.Population)} row(s) from {Strata.Count(s => s.Sampled > 0)} of {Strata.Count} strata");
}
