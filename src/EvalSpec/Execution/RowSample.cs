using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Statistics;

namespace EvalSpec.Execution;

/// <summary>
/// The rows a sampled run (<see cref="EvalOptions.Sample"/>) judges: a stratified sample of the eval rows the
/// test runner was asked to run, stratified by method, prompt variant and relation.
/// </summary>
internal sealed class RowSample
{
    private readonly Dictionary<string, string> _stratumOf;
    private readonly StratifiedSelection _selection;

    private RowSample(int budget, Dictionary<string, string> stratumOf, StratifiedSelection selection)
    {
        Budget = budget;
        _stratumOf = stratumOf;
        _selection = selection;
    }

    /// <summary>The requested number of rows.</summary>
    public int Budget { get; }

    /// <summary>How many rows the run was asked to run (the population the sample stands for).</summary>
    public int Population => _stratumOf.Count;

    /// <summary>How many rows were selected.</summary>
    public int Selected => _selection.RowIds.Count;

    /// <summary>The stratum key of a row: its method, prompt variant and relation.</summary>
    public static string StratumOf(string methodId, string variantKey, string relationKey) => methodId + "|" + variantKey + "|" + relationKey;

    /// <summary>Selects <paramref name="budget"/> rows out of <paramref name="rows"/> (row id and stratum key each).</summary>
    public static RowSample Select(IEnumerable<(string RowId, string Stratum)> rows, int budget)
    {
        var stratumOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string rowId, string stratum) in rows)
        {
            // A test case listed twice (it happens with some runners' filters) is one row.
            stratumOf.TryAdd(rowId, stratum);
        }

        StratifiedSelection selection = StratifiedSample.Select(stratumOf.Select(p => (p.Key, p.Value)), budget);
        return new RowSample(budget, stratumOf, selection);
    }

    /// <summary>Whether the row is judged in this run. Rows the sample does not know (none expected) are judged.</summary>
    public bool Includes(string rowId) => _selection.Contains(rowId) || !_stratumOf.ContainsKey(rowId);

    /// <summary>
    /// The estimated pass rate of all the rows the run was asked for, from the sampled rows that were judged
    /// (<see cref="StratifiedEstimate"/>). Inconclusive rows count as not passing; rows whose relation did not apply
    /// are left out of their stratum's sample.
    /// </summary>
    /// <param name="judged">Each row that ran, by row id.</param>
    public PassRateEstimate? Estimate(IReadOnlyDictionary<string, JudgedRow> judged)
    {
        var observed = new Dictionary<string, (int Sampled, int Passed)>(StringComparer.Ordinal);
        foreach (string rowId in _selection.RowIds)
        {
            if (!judged.TryGetValue(rowId, out JudgedRow? row) || row.NotApplicable)
            {
                continue;
            }

            string stratum = _stratumOf[rowId];
            observed.TryGetValue(stratum, out (int Sampled, int Passed) counts);
            observed[stratum] = (counts.Sampled + 1, counts.Passed + (row.Outcome == VerdictOutcome.Pass ? 1 : 0));
        }

        return StratifiedEstimate.Compute(_selection.Strata.Select(s =>
        {
            observed.TryGetValue(s.Stratum, out (int Sampled, int Passed) counts);
            return new StratumObservation(s.Population, counts.Sampled, counts.Passed);
        }));
    }
}
