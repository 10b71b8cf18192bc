using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// A journal line's <c>base</c> (<see cref="RecordingJournal.EntryBase"/>): a version string, or JSON <c>null</c> for no
/// entry. <see cref="RecordingJournal.EntryBase.Unknown"/> is never written (the line then has no <c>base</c>).
/// </summary>
internal sealed class EntryBaseJsonConverter : JsonConverter<RecordingJournal.EntryBase>
{
    public override RecordingJournal.EntryBase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => RecordingJournal.EntryBase.Absent,
        JsonTokenType.String => RecordingJournal.EntryBase.Of(reader.GetString()!),
        _ => throw new JsonException($"a \"{RecordingFile.BaseProperty}\" that is neither a string nor null"),
    };

    public override void Write(Utf8JsonWriter writer, RecordingJournal.EntryBase value, JsonSerializerOptions options)
    {
        if (value.Version is { } version)
        {
            writer.WriteStringValue(version);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
