using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// A recordings file, <c>&lt;Suite&gt;.recordings.json</c>, as written and read through <see cref="RecordingsJsonContext"/>
/// (<see cref="RecordingFile"/> does both): format, suite, the assembly that records into it, and the entries sorted by
/// context, client, hash and occurrence. Schema: docs/schemas/recordings.schema.json.
/// </summary>
/// <remarks>
/// Every property is optional when reading, so that a damaged file is refused by <see cref="RecordingFile"/> with a message
/// saying what it lacks, and a file of a newer format with a message saying so.
/// </remarks>
internal sealed class RecordingFileContent
{
    /// <summary>The format number (<see cref="RecordingFile.Format"/>; see <see cref="Persistence.CommittedFileFormats.Recordings"/>).</summary>
    [JsonPropertyName("format")]
    [JsonPropertyOrder(0)]
    public int? Format { get; init; }

    /// <summary>The eval class (Namespace.Class), or <c>_shared</c> for calls outside rows.</summary>
    [JsonPropertyName("suite")]
    [JsonPropertyOrder(1)]
    public string? Suite { get; init; }

    /// <summary>
    /// The test assembly whose run last wrote the file (an optional field of format 1, never written in <c>_shared</c>): only
    /// that assembly's list of rows can tell which of the file's rows are gone. Left out when null.
    /// </summary>
    [JsonPropertyName(RecordingFile.AssemblyProperty)]
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Assembly { get; init; }

    /// <summary>The recorded answers (an element that is JSON <c>null</c> reads as null and is refused).</summary>
    [JsonPropertyName("entries")]
    [JsonPropertyOrder(3)]
    public List<RecordingEntry>? Entries { get; init; }
}
