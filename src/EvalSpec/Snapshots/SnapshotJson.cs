using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EvalSpec.Snapshots;

/// <summary>
/// JSON of structured snapshots: a value becomes a tree with camelCase names and enum names as in <c>results.jsonl</c>,
/// but nulls kept (a property that turns null is a change worth seeing); files are written and read through
/// <see cref="SnapshotJsonContext"/> with readable non-ASCII, two-space indentation and LF line ends.
/// </summary>
internal static class SnapshotJson
{
    /// <summary>
    /// How a snapshot value (a type of the user's, unknown here: reflection, not source generation) becomes a JSON tree.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(Reporting.ResultsJson.Indented) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>
    /// The layout of snapshot files. The depth limit is the one of the JSON writer that wrote them before they had a
    /// contract (a row's document nests the output one level deeper than the value).
    /// </summary>
    private static readonly SnapshotJsonContext Files = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 1000,
    });

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

    /// <summary>Indented JSON text of a free-form value (an imperative snapshot) with LF line ends and no final newline.</summary>
    public static string Write(JsonNode? node) => Text(JsonSerializer.SerializeToUtf8Bytes(node, Files.JsonNode));

    /// <summary>Indented JSON text of a free-form value (an output part) with LF line ends and no final newline.</summary>
    public static string Write(JsonElement value) => Text(JsonSerializer.SerializeToUtf8Bytes(value, Files.JsonElement));

    /// <summary>Indented JSON text of a row's document with LF line ends and no final newline.</summary>
    public static string Write(SnapshotRowFile row) => Text(JsonSerializer.SerializeToUtf8Bytes(row, Files.SnapshotRowFile));

    /// <summary>A scrubbed tree as the free-form JSON a row's document holds (JSON <c>null</c> for null).</summary>
    public static JsonElement ToElement(JsonNode? node) => JsonSerializer.SerializeToElement(node, Files.JsonNode);

    /// <summary>A verified file's text as a row's document, or null when it is not one (not JSON, or a property of the wrong kind).</summary>
    public static SnapshotRowFile? ReadRow(string content)
    {
        try
        {
            return JsonSerializer.Deserialize(content, Files.SnapshotRowFile);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(byte[] json) => SnapshotText.NormalizeLineEndings(Encoding.UTF8.GetString(json));
}
