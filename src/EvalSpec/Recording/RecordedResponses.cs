using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// Answers as they are written in recordings files and read back: the M.E.AI JSON form of a <see cref="ChatResponse"/>
/// (text and other contents, role, finish reason, usage, model, response and message ids, additional properties) or of
/// generated embeddings (vectors, model, usage). Never the raw provider object (it is not serialized), and no
/// timestamps, so that recording the same answer twice writes the same bytes.
/// </summary>
internal static class RecordedResponses
{
    public static JsonElement FromChatResponse(ChatResponse response, string client)
    {
        JsonNode? node;
        try
        {
            node = JsonSerializer.SerializeToNode(response, CanonicalJson.TypeInfo<ChatResponse>());
        }
        catch (NotSupportedException ex)
        {
            throw new NotSupportedException($"EvalSpec cannot record the answer of client '{client}': {ex.Message}", ex);
        }

        if (node is JsonObject obj)
        {
            obj.Remove("createdAt");
            if (obj["messages"] is JsonArray messages)
            {
                foreach (JsonObject message in messages.OfType<JsonObject>())
                {
                    message.Remove("createdAt");
                }
            }
        }

        return ToElement(node);
    }

    public static ChatResponse ToChatResponse(JsonElement recorded) =>
        recorded.Deserialize(CanonicalJson.TypeInfo<ChatResponse>()) ?? throw new JsonException("The recorded chat response is null.");

    public static JsonElement FromEmbeddings(GeneratedEmbeddings<Embedding<float>> embeddings)
    {
        var items = new JsonArray();
        foreach (Embedding<float> embedding in embeddings)
        {
            JsonNode? item = JsonSerializer.SerializeToNode(embedding, CanonicalJson.TypeInfo<Embedding<float>>());
            (item as JsonObject)?.Remove("createdAt");
            items.Add(item);
        }

        var node = new JsonObject { ["embeddings"] = items };
        if (embeddings.Usage is { } usage)
        {
            node["usage"] = JsonSerializer.SerializeToNode(usage, CanonicalJson.TypeInfo<UsageDetails>());
        }

        if (CanonicalJson.Properties(embeddings.AdditionalProperties) is { } properties)
        {
            node["additionalProperties"] = properties;
        }

        return ToElement(node);
    }

    public static GeneratedEmbeddings<Embedding<float>> ToEmbeddings(JsonElement recorded)
    {
        List<Embedding<float>> items = recorded.TryGetProperty("embeddings", out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(item => item.Deserialize(CanonicalJson.TypeInfo<Embedding<float>>()) ?? throw new JsonException("A recorded embedding is null.")).ToList()
            : throw new JsonException("The recorded embeddings have no \"embeddings\" array.");
        var result = new GeneratedEmbeddings<Embedding<float>>(items);
        if (recorded.TryGetProperty("usage", out JsonElement usage))
        {
            result.Usage = usage.Deserialize(CanonicalJson.TypeInfo<UsageDetails>());
        }

        if (recorded.TryGetProperty("additionalProperties", out JsonElement properties))
        {
            result.AdditionalProperties = properties.Deserialize(CanonicalJson.TypeInfo<AdditionalPropertiesDictionary>());
        }

        return result;
    }

    private static JsonElement ToElement(JsonNode? node) => node is null ? JsonSerializer.SerializeToElement(JsonValue.Create((string?)null)) : JsonSerializer.SerializeToElement(node, CanonicalJson.TypeInfo<JsonNode>());
}
