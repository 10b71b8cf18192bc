using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// The source-generated JSON contract of the recordings files (<see cref="RecordingFileContent"/>, its head
/// <see cref="RecordingFileHeader"/>) and of the journal lines (<see cref="RecordingJournalLine"/>). Every name, order and
/// null rule is on the records; use it through <see cref="RecordingsJson"/>, which adds the layout and escaping of each.
/// Schema: docs/schemas/recordings.schema.json.
/// </summary>
[JsonSerializable(typeof(RecordingFileContent))]
[JsonSerializable(typeof(RecordingFileHeader))]
[JsonSerializable(typeof(RecordingJournalLine))]
[JsonSerializable(typeof(RecordingEntry))]
internal sealed partial class RecordingsJsonContext : JsonSerializerContext
{
}
