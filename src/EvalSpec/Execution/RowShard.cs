using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace EvalSpec.Execution;

/// <summary>
/// One shard of a sharded run (<see cref="EvalOptions.Shard"/>, <c>EVALSPEC_SHARD=k/N</c>): a stable, stratified 1/N of
/// the rows of the test assembly. Within each stratum (eval method x prompt variant x relation) the rows are ordered by a
/// SHA-256 hash of their row id and dealt out round-robin (starting at a shard chosen by the stratum's hash), so each
/// shard gets its share of every stratum (every method with at least N rows per stratum runs in every shard), the shards
/// differ in size by at most the number of strata, and every row lands in exactly one shard.
/// </summary>
/// <remarks>
/// The decision is made from the row population of the assembly, the rows its generated descriptors describe
/// (<see cref="RowPopulation"/>), never from the tests a runner was asked to run: a <c>--filter</c> then intersects with
/// the shard instead of moving rows between shards, and it works the same under any test framework adapter.
/// </remarks>
internal sealed class RowShard
{
    private readonly HashSet<string> _rows;

    private RowShard(int index, int count, HashSet<string> rows, RowPopulation population)
    {
        Index = index;
        Count = count;
        _rows = rows;
        Population = population;
    }

    /// <summary>The shard's number, from 1.</summary>
    public int Index { get; }

    /// <summary>How many shards the rows are split into.</summary>
    public int Count { get; }

    /// <summary>The population the shard was cut from.</summary>
    public RowPopulation Population { get; }

    /// <summary>How many rows of the population this shard holds.</summary>
    public int Rows => _rows.Count;

    /// <summary>The shard as written: <c>k/N</c>.</summary>
    public string Name => Format(Index, Count);

    /// <summary>Whether the row is in this shard. A row the population does not know is in no shard.</summary>
    public bool Includes(string rowId) => _rows.Contains(rowId);

    /// <summary>Cuts shard <paramref name="index"/> of <paramref name="count"/> from <paramref name="population"/>.</summary>
    public static RowShard Select(RowPopulation population, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (count < 1 || index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Shard {index}/{count} does not exist: k must be between 1 and N.");
        }

        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (IGrouping<string, PopulationRow> stratum in population.Rows.GroupBy(r => r.Stratum, StringComparer.Ordinal))
        {
            // Ordered by hash (ties, which SHA-256 makes theoretical, by id), then dealt out round-robin. The deal of each
            // stratum starts at a shard chosen by the stratum's hash: otherwise every stratum smaller than N would put all
            // its rows in the first shards, and a suite of many small strata would load shard 1 most.
            PopulationRow[] ordered = stratum.OrderBy(r => HashOf(r.RowId), StringComparer.Ordinal).ThenBy(r => r.RowId, StringComparer.Ordinal).ToArray();
            int start = (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(stratum.Key))) % (uint)count);
            for (int position = 0; position < ordered.Length; position++)
            {
                if ((position + start) % count == index - 1)
                {
                    rows.Add(ordered[position].RowId);
                }
            }
        }

        return new RowShard(index, count, rows, population);
    }

    /// <summary>
    /// Reads a shard setting <c>k/N</c> (whitespace around the numbers is allowed); null or empty means no sharding.
    /// </summary>
    /// <exception cref="EvalConfigurationException">The value is not <c>k/N</c> with 1 &lt;= k &lt;= N; the message names EVALSPEC_SHARD.</exception>
    public static (int Index, int Count)? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string[] parts = value.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            if (count < 1)
            {
                throw new EvalConfigurationException($"EVALSPEC_SHARD (EvalOptions.Shard, \"Shard\" in evalspec.json) is '{value}': N must be at least 1. Write k/N, for example 1/4 for the first of four shards.");
            }

            if (index < 1 || index > count)
            {
                throw new EvalConfigurationException($"EVALSPEC_SHARD (EvalOptions.Shard, \"Shard\" in evalspec.json) is '{value}': the shard number k must be between 1 and {count.ToString(CultureInfo.InvariantCulture)} (shards are numbered from 1). Write k/N, for example 1/{count.ToString(CultureInfo.InvariantCulture)}.");
            }

            return (index, count);
        }

        throw new EvalConfigurationException($"EVALSPEC_SHARD (EvalOptions.Shard, \"Shard\" in evalspec.json) is '{value}', which is not a shard: write k/N with whole numbers 1 <= k <= N, for example 2/4 for the second of four shards, or leave it unset to run every row.");
    }

    /// <summary>The shard as written: <c>k/N</c>.</summary>
    public static string Format(int index, int count) => string.Create(CultureInfo.InvariantCulture, $"{index}/{count}");

    /// <summary>The full SHA-256 of the row id as hex: the order of rows within a stratum.</summary>
    private static string HashOf(string rowId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rowId)));
}
