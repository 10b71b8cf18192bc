using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EvalSpec.Snapshots;

/// <summary>
/// The source-generated JSON contract of structured snapshots: a row's document (<see cref="SnapshotRowFile"/>), and the
/// free-form JSON of an imperative snapshot or an output part (<see cref="JsonNode"/>, <see cref="JsonElement"/>). Use it
/// through <see cref="SnapshotJson"/>, which adds the layout and escaping. Schema: docs/schemas/snapshot-row.schema.json.
/// </summary>
[JsonSerializable(typeof(SnapshotRowFile))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext
{
}
