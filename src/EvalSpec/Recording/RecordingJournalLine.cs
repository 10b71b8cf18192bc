using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// One line of a run's journal (<see cref="RecordingJournal"/>; also of the <c>conflicts-*.jsonl</c> files recovery sets
/// aside): compact JSON of the suite, the version of the file's entry the line was recorded over (<c>base</c>), and either
/// a recorded answer (<c>entry</c>) or that a replayed answer was unusable (<c>unusable</c>). Written and read through
/// <see cref="RecordingsJsonContext"/>; every property is optional when reading, and <see cref="RecordingJournal"/> says
/// which line lacks what.
/// </summary>
internal sealed class RecordingJournalLine
{
    /// <summary>The eval class of the answer.</summary>
    [JsonPropertyName("suite")]
    [JsonPropertyOrder(0)]
    public string? Suite { get; init; }

    /// <summary>
    /// What the recordings file held under the key when the run read it: a version (<see cref="RecordingFile.VersionOf"/>),
    /// JSON <c>null</c> for no entry, or nothing at all (a line of an EvalSpec that did not write it: <see cref="RecordingJournal.EntryBase.Unknown"/>).
    /// </summary>
    [JsonPropertyName(RecordingFile.BaseProperty)]
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonConverter(typeof(EntryBaseJsonConverter))]
    public RecordingJournal.EntryBase Base { get; init; }

    /// <summary>A recorded answer, or null.</summary>
    [JsonPropertyName("entry")]
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RecordingEntry? Entry { get; init; }

    /// <summary>That the replayed answer under a key could not be used, and why; or null.</summary>
    [JsonPropertyName("unusable")]
    [JsonPropertyOrder(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RecordingUnusableMark? Unusable { get; init; }
}
