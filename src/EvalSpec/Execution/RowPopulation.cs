using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace EvalSpec.Execution;

/// <summary>
/// Every row a test assembly's eval methods expand to (cases x prompt variants x relations, the identity relation
/// included), from the descriptors the source generator emits: what shards are cut from, and what a fingerprint of the
/// suite is taken of, whatever tests a runner was asked to run.
/// </summary>
internal sealed class RowPopulation
{
    private RowPopulation(IReadOnlyList<PopulationRow> rows)
    {
        Rows = rows;
        Fingerprint = FingerprintOf(rows.Select(r => r.RowId));
    }

    /// <summary>The rows, ordered by row id (ordinal).</summary>
    public IReadOnlyList<PopulationRow> Rows { get; }

    /// <summary>
    /// A fingerprint of the row ids: the first 16 hex digits of the SHA-256 of the ordinally sorted ids, one per line.
    /// Two runs have the same fingerprint exactly when they have the same rows; <c>evalspec merge</c> compares it.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The population of the eval methods of <paramref name="testAssembly"/>.</summary>
    public static RowPopulation Of(Assembly testAssembly) => Of(SnapshotInventory.Descriptors(testAssembly));

    /// <summary>The population of <paramref name="methods"/> (a method listed twice counts once).</summary>
    public static RowPopulation Of(IEnumerable<EvalMethodDescriptor> methods)
    {
        var rows = new Dictionary<string, PopulationRow>(StringComparer.Ordinal);
        foreach (EvalMethodDescriptor method in methods)
        {
            IEnumerable<string> relations = method.Relations.Select(r => r.Key).Prepend(EvalDefaults.IdentityRelationKey).ToArray();
            foreach (EvalCaseDescriptor @case in method.Cases)
            {
                foreach (Prompts.PromptVariant variant in method.Variants)
                {
                    foreach (string relation in relations)
                    {
                        string rowId = RowIds.Row(method, @case.Id, variant.Key, relation);
                        rows.TryAdd(rowId, new PopulationRow(rowId, RowSample.StratumOf(method.Id, variant.Key, relation)));
                    }
                }
            }
        }

        return From(rows.Values);
    }

    /// <summary>A population of the given rows (tests; adapters that list rows themselves).</summary>
    public static RowPopulation From(IEnumerable<PopulationRow> rows) =>
        new(rows.DistinctBy(r => r.RowId, StringComparer.Ordinal).OrderBy(r => r.RowId, StringComparer.Ordinal).ToArray());

    /// <summary>The fingerprint of a set of row ids (see <see cref="Fingerprint"/>).</summary>
    public static string FingerprintOf(IEnumerable<string> rowIds)
    {
        return Persistence.ShortHash.Of(string.Join("\n", rowIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
    }
}
