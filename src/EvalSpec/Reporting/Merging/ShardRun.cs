using System.Collections.Generic;
using System.Text.Json.Nodes;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting.Merging;

/// <summary>One shard's run folder as <c>evalspec merge</c> reads it: its summary, its shard section and its result lines.</summary>
/// <param name="Directory">The run folder.</param>
/// <param name="Summary">Its summary.json.</param>
/// <param name="Index">The shard number k.</param>
/// <param name="Count">The number of shards N.</param>
/// <param name="Assembly">The test assembly's name.</param>
/// <param name="Fingerprint">The fingerprint of the row population the shard was cut from.</param>
/// <param name="PopulationRows">The number of rows of that population.</param>
/// <param name="Rows">Its rows, by row id.</param>
/// <param name="Lines">The results.jsonl line of each row, as written, by row id.</param>
internal sealed record ShardRun(
    string Directory,
    JsonObject Summary,
    int Index,
    int Count,
    string Assembly,
    string Fingerprint,
    int PopulationRows,
    IReadOnlyDictionary<string, RunRow> Rows,
    IReadOnlyDictionary<string, string> Lines);
