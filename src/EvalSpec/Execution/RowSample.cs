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

    /// <summary>The row ids of the rows the run was asked to run, the population the sample stands for, in ordinal order.</summary>
    public IReadOnlyList<string> PopulationRowIds => _stratumOf.Keys.Order(StringComparer.Ordinal).ToArray();

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

    /// <summary>Whether the row was among the rows the sample was drawn from.</summary>
    public bool Knows(string rowId) => _stratumOf.ContainsKey(rowId);

    /// <summary>Whether the row is judged in this run: it is in the sample, or the sample does not know it (see <see cref="Knows"/>).</summary>
    public bool Includes(string rowId) => _selection.Contains(rowId) || !Knows(rowId);

    /// <summary>
    /// The estimated pass rate of the applicable rows the run was asked for, from the sampled rows that were judged
    /// (<see cref="StratifiedEstimate"/>). Inconclusive rows count as not passing. A stratum's size is scaled by the
    /// share of its sampled rows that applied (a relation that did not change the input is not judged), so the
    /// estimate speaks for the rows that would have been judged; a stratum whose sampled rows all did not apply
    /// contributes nothing.
    /// </summary>
    /// <param name="judged">Each row that ran, by row id.</param>
    public PassRateEstimate? Estimate(IReadOnlyDictionary<string, JudgedRow> judged)
    {
        var observed = new Dictionary<string, (int Ran, int Applicable, int Passed)>(StringComparer.Ordinal);
        foreach (string rowId in _selection.RowIds)
        {
            if (!judged.TryGetValue(rowId, out JudgedRow? row))
            {
                continue;
            }

            string stratum = _stratumOf[rowId];
            observed.TryGetValue(stratum, out (int Ran, int Applicable, int Passed) counts);
            observed[stratum] = (
                counts.Ran + 1,
                counts.Applicable + (row.NotApplicable ? 0 : 1),
                counts.Passed + (!row.NotApplicable && row.Outcome == VerdictOutcome.Pass ? 1 : 0));
        }

        return StratifiedEstimate.Compute(_selection.Strata.Select(s =>
        {
            if (!observed.TryGetValue(s.Stratum, out (int Ran, int Applicable, int Passed) counts))
            {
                return new StratumObservation(s.Population, 0, 0);
            }

            int applicablePopulation = Math.Max(counts.Applicable, (int)Math.Round((double)s.Population * counts.Applicable / counts.Ran, MidpointRounding.AwayFromZero));
            return new StratumObservation(applicablePopulation, counts.Applicable, counts.Passed);
        }));
    }
}
