using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EvalSpec.Snapshots;

/// <summary>
/// JSON of structured snapshots: camelCase names and enum names as in <c>results.jsonl</c>, but nulls kept (a
/// property that turns null is a change worth seeing), readable non-ASCII, two-space indentation, LF line ends.
/// </summary>
internal static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(Reporting.ResultsJson.Indented) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A value as a JSON tree (JSON values given as <see cref="JsonElement"/> or <see cref="JsonNode"/> are taken as they are).</summary>
    /// <exception cref="InvalidOperationException">The value cannot be serialised.</exception>
    public static JsonNode? ToNode(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                JsonNode node => node.DeepClone(),
                JsonDocument document => JsonNode.Parse(document.RootElement.GetRawText()),
                _ => JsonSerializer.SerializeToNode(value, value.GetType(), Options),
            };
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new InvalidOperationException($"EvalSpec cannot serialise the snapshot value of type {value!.GetType().FullName} to JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Scrubs every string value (and token-count numbers) of the tree in document order; returns the scrubbed tree.</summary>
    public static JsonNode? Scrub(JsonNode? node, SnapshotSettings settings, ScrubContext context, string? propertyName = null)
    {
        switch (node)
        {
            case JsonObject obj:
                // Rebuilt rather than edited in place: a node cannot be re-parented while it is enumerated.
                var scrubbedObject = new JsonObject();
                foreach (KeyValuePair<string, JsonNode?> property in obj.ToArray())
                {
                    scrubbedObject[property.Key] = Scrub(property.Value?.DeepClone(), settings, context, property.Key);
                }

                return scrubbedObject;
            case JsonArray array:
                var scrubbedArray = new JsonArray();
                foreach (JsonNode? item in array.ToArray())
                {
                    scrubbedArray.Add(Scrub(item?.DeepClone(), settings, context, propertyName));
                }

                return scrubbedArray;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(settings.Scrub(value.GetValue<string>(), context));
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number
                && settings.ScrubTokenCounts && propertyName is not null && BuiltInScrubbers.IsTokenCountProperty(propertyName):
                return JsonValue.Create(context.Placeholder(BuiltInScrubbers.TokenCountName, value.ToJsonString()));
            default:
                return node;
        }
    }

    /// <summary>Indented JSON text with LF line ends and no final newline.</summary>
    public static string Write(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return SnapshotText.NormalizeLineEndings(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Writes an object of named parts in order (nulls skipped), as the row document does.</summary>
    public static string WriteObject(IEnumerable<(string Name, JsonNode? Value, bool Always)> properties)
    {
        var obj = new JsonObject();
        foreach ((string name, JsonNode? value, bool always) in properties)
        {
            if (value is not null || always)
            {
                obj[name] = value;
            }
        }

        return Write(obj);
    }
}
