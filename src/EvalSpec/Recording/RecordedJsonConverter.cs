using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// The free-form JSON of a recorded request or response (<see cref="RecordingEntry.Request"/>, <see cref="RecordingEntry.Response"/>):
/// read as it is, written laid out for people. In an indented file every value is indented except an array of numbers
/// (an embedding vector), which stays on one line; compact output (a journal line, <see cref="RecordingFile.VersionOf"/>)
/// is the value as it is. An undefined value (an entry read without a <c>request</c>) is written as <c>null</c>.
/// </summary>
internal sealed class RecordedJsonConverter : JsonConverter<JsonElement>
{
    /// <summary>Handles JSON <c>null</c> too: a recorded <c>null</c> is a value (kind <see cref="JsonValueKind.Null"/>), not a missing one.</summary>
    public override bool HandleNull => true;

    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                writer.WriteNullValue();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, options);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0 && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Number):
                // One raw line however the writer indents: a vector of hundreds of numbers would otherwise take hundreds of lines.
                writer.WriteRawValue("[" + string.Join(",", value.EnumerateArray().Select(item => item.GetRawText())) + "]", skipInputValidation: true);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Write(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
