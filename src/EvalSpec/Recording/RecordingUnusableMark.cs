using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// A journal line's <c>unusable</c>: the replayed answer under a key (context, hash, occurrence) could not be used by its
/// caller, and why. Properties are nullable because a damaged line may lack them; <see cref="RecordingJournal"/> refuses it.
/// </summary>
internal sealed record RecordingUnusableMark(
    [property: JsonPropertyName("context"), JsonPropertyOrder(0)] string? Context,
    [property: JsonPropertyName("hash"), JsonPropertyOrder(1)] string? Hash,
    [property: JsonPropertyName("occurrence"), JsonPropertyOrder(2)] int? Occurrence,
    [property: JsonPropertyName("reason"), JsonPropertyOrder(3)] string? Reason);
