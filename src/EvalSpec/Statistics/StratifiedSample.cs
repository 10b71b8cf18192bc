using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace EvalSpec.Statistics;

/// <summary>
/// A deterministic stratified sample of evaluation rows for fast pull-request runs on large suites (in the spirit of
/// tinyBenchmarks, Polo et al. 2024: a small, well-spread sample estimates the full suite's pass rate).
/// </summary>
/// <remarks>
/// <para>
/// Rows are grouped by a stratum key (for example "method|variant|relation"). The budget n is allocated in proportion
/// to stratum size, n<sub>h</sub> ≈ n × N<sub>h</sub> / N (Cochran 1977, Sampling Techniques, ch. 5, proportional
/// allocation), with at least one row per stratum when the budget allows, so a rare relation is never left untested.
/// Concretely: every stratum starts with one row, then each remaining row goes to the stratum furthest below its
/// proportional share n × N<sub>h</sub> / N (largest N<sub>h</sub>, then the ordinal key, breaks ties), which lands every
/// stratum within one row of its share except small strata raised to their one row.
/// </para>
/// <para>
/// When the budget is smaller than the number of strata, not every stratum can be covered: the budget goes one row each
/// to the largest strata (ties by ordinal key), the others get none, and <see cref="StratifiedEstimate"/> then reports
/// their rows as unsampled instead of guessing. A budget of at least the number of rows selects every row.
/// </para>
/// <para>
/// Within a stratum, rows are taken in the order of SHA-256("sample/" + rowId) (UTF-8, compared bytewise): a shuffle
/// seeded by each row's own id. The order of a stratum's rows depends only on those rows, so adding or removing a row in
/// another stratum never reshuffles this one (it can at most move this stratum's share by a row), and a stratum's
/// sample is always a prefix of the same order. Input order does not matter.
/// </para>
/// </remarks>
internal static class StratifiedSample
{
    private const string SampleKeyPrefix = "sample/";

    /// <summary>Selects at most <paramref name="budget"/> rows, stratified by the rows' stratum keys.</summary>
    /// <param name="rows">Every candidate row: its unique id and its stratum key.</param>
    /// <param name="budget">How many rows to select (0 or more).</param>
    /// <returns>The selected rows and each stratum's allocation.</returns>
    /// <exception cref="ArgumentException">A row id or stratum key is null, or a row id appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is negative.</exception>
    public static StratifiedSelection Select(IEnumerable<(string RowId, string Stratum)> rows, int budget)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byStratum = new SortedDictionary<string, List<(byte[] Key, string RowId)>>(StringComparer.Ordinal);
        foreach ((string rowId, string stratum) in rows)
        {
            if (rowId is null || stratum is null)
            {
                throw new ArgumentException("Every row needs a row id and a stratum key.", nameof(rows));
            }

            if (!seen.Add(rowId))
            {
                throw new ArgumentException($"Row id '{rowId}' appears more than once; row ids must be unique.", nameof(rows));
            }

            if (!byStratum.TryGetValue(stratum, out List<(byte[] Key, string RowId)>? members))
            {
                members = new List<(byte[] Key, string RowId)>();
                byStratum.Add(stratum, members);
            }

            members.Add((SHA256.HashData(Encoding.UTF8.GetBytes(SampleKeyPrefix + rowId)), rowId));
        }

        string[] keys = byStratum.Keys.ToArray();
        string[][] ordered = byStratum.Values
            .Select(members => members
                .OrderBy(m => m.Key, HashOrder.Instance)
                .ThenBy(m => m.RowId, StringComparer.Ordinal)
                .Select(m => m.RowId)
                .ToArray())
            .ToArray();
        int[] allocation = Allocate(ordered.Select(r => r.Length).ToArray(), budget);

        var selected = new List<string>();
        var strata = new StratumAllocation[keys.Length];
        for (int h = 0; h < keys.Length; h++)
        {
            selected.AddRange(ordered[h].Take(allocation[h]));
            strata[h] = new StratumAllocation(keys[h], ordered[h].Length, allocation[h]);
        }

        return new StratifiedSelection(selected.AsReadOnly(), Array.AsReadOnly(strata));
    }

    /// <summary>n<sub>h</sub> per stratum (strata in ordinal key order, which breaks the last ties).</summary>
    internal static int[] Allocate(int[] populations, int budget)
    {
        long total = populations.Sum(p => (long)p);
        int strata = populations.Length;
        var sampled = new int[strata];
        if (budget >= total)
        {
            Array.Copy(populations, sampled, strata);
            return sampled;
        }

        if (budget < strata)
        {
            foreach (int h in Enumerable.Range(0, strata).OrderByDescending(h => populations[h]).ThenBy(h => h).Take(budget))
            {
                sampled[h] = 1;
            }

            return sampled;
        }

        // Deficit_h = (n × N_h − n_h × N) / N, compared multiplied by N so it stays exact in integers.
        var queue = new PriorityQueue<int, (long Deficit, int Population, int Index)>(DeficitOrder.Instance);
        for (int h = 0; h < strata; h++)
        {
            sampled[h] = 1;
            if (populations[h] > 1)
            {
                queue.Enqueue(h, (((long)budget * populations[h]) - total, populations[h], h));
            }
        }

        for (int remaining = budget - strata; remaining > 0; remaining--)
        {
            queue.TryDequeue(out int h, out (long Deficit, int Population, int Index) priority);
            sampled[h]++;
            if (sampled[h] < populations[h])
            {
                queue.Enqueue(h, (priority.Deficit - total, priority.Population, h));
            }
        }

        return sampled;
    }

    /// <summary>Lexicographic order of SHA-256 digests.</summary>
    private sealed class HashOrder : IComparer<byte[]>
    {
        public static readonly HashOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    /// <summary>Dequeues the largest deficit first, then the larger stratum, then the first key.</summary>
    private sealed class DeficitOrder : IComparer<(long Deficit, int Population, int Index)>
    {
        public static readonly DeficitOrder Instance = new();

        public int Compare((long Deficit, int Population, int Index) x, (long Deficit, int Population, int Index) y)
        {
            int byDeficit = y.Deficit.CompareTo(x.Deficit);
            if (byDeficit != 0)
            {
                return byDeficit;
            }

            int byPopulation = y.Population.CompareTo(x.Population);
            return byPopulation != 0 ? byPopulation : x.Index.CompareTo(y.Index);
        }
    }
}
