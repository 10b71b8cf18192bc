using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// The head of a recordings file (<see cref="RecordingFileContent"/> without its entries, which are skipped unread): what
/// the file says it is for, and its format even when its entries cannot be read (those of a newer format).
/// </summary>
internal sealed class RecordingFileHeader
{
    /// <summary>The format number.</summary>
    [JsonPropertyName("format")]
    public int? Format { get; init; }

    /// <summary>The eval class.</summary>
    [JsonPropertyName("suite")]
    public string? Suite { get; init; }

    /// <summary>The test assembly that last wrote the file, or null.</summary>
    [JsonPropertyName(RecordingFile.AssemblyProperty)]
    public string? Assembly { get; init; }
}
