using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Snapshots;

/// <summary>
/// The verified snapshot of an eval row with structured output, <c>&lt;Class&gt;.&lt;Method&gt;.&lt;case&gt;.&lt;variant&gt;.&lt;relation&gt;.verified.json</c>:
/// the rendered prompt, the follow-up prompt of a relation row (left out otherwise), and the output. Written and read
/// through <see cref="SnapshotJsonContext"/> (<see cref="SnapshotJson"/>); carries no format number (docs/schemas/README.md).
/// Schema: docs/schemas/snapshot-row.schema.json.
/// </summary>
/// <param name="Prompt">The scrubbed prompt; null when a file read has none.</param>
/// <param name="FollowUpPrompt">The scrubbed follow-up prompt of a relation row, or null.</param>
/// <param name="Output">
/// Free-form JSON, kept as it is: the scrubbed output, written always (JSON <c>null</c> when the output serializes to null).
/// Undefined (<c>default</c>) when a file read has no <c>output</c>, and then left out when written (the prompts alone, for a
/// diff of the prompt part).
/// </param>
internal sealed record SnapshotRowFile(
    [property: JsonPropertyName("prompt"), JsonPropertyOrder(0)] string? Prompt,
    [property: JsonPropertyName("followUpPrompt"), JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FollowUpPrompt,
    [property: JsonPropertyName("output"), JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] JsonElement Output)
{
    /// <summary>Whether the file has an output part (a prompt-only document has none).</summary>
    [JsonIgnore]
    public bool HasOutput => Output.ValueKind != JsonValueKind.Undefined;
}
