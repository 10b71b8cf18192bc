using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// Answers as they are written in recordings files and read back: the M.E.AI JSON form of a <see cref="ChatResponse"/>
/// (text and other contents, role, finish reason, usage, model, additional properties) or of generated embeddings
/// (vectors, model, usage). Never the raw provider object (it is not serialized), and nothing that differs between two
/// identical answers: no timestamps and no response or message ids (providers make them up per call: random at OpenAI,
/// numbered by arrival in a local fake server), so that recording the same answer twice writes the same bytes. A replayed
/// response gets ids derived from its entry instead: stable from run to run, distinct between entries.
/// </summary>
internal static class RecordedResponses
{
    /// <param name="response">The answer.</param>
    /// <param name="client">The client's name, for errors.</param>
    /// <param name="toolCallIds">
    /// The request's tool call ids (<see cref="ToolCallIds.Of"/>): the answer's ids are written numbered after them, so that
    /// recording an unchanged tool loop twice writes the same bytes; null keeps the ids as the provider sent them.
    /// </param>
    public static JsonElement FromChatResponse(ChatResponse response, string client, ToolCallIds? toolCallIds = null)
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
            obj.Remove("responseId");
            if (obj["messages"] is JsonArray messages)
            {
                foreach (JsonObject message in messages.OfType<JsonObject>())
                {
                    message.Remove("createdAt");
                    message.Remove("messageId");
                    toolCallIds?.NormaliseContents(message["contents"]);
                }
            }
        }

        return ToElement(node);
    }

    /// <summary>
    /// The response recorded in <paramref name="entry"/>. Its response id and message ids are derived from the entry
    /// (<c>evalspec-&lt;16 hex&gt;</c>, the message's index appended) unless the entry has its own (an entry recorded before ids
    /// were left out, or edited by hand): code that groups streamed updates by message, or logs response ids, sees ids that
    /// are the same in every replay.
    /// </summary>
    public static ChatResponse ToChatResponse(RecordingEntry entry)
    {
        ChatResponse response = entry.Response.Deserialize(CanonicalJson.TypeInfo<ChatResponse>()) ?? throw new JsonException("The recorded chat response is null.");
        response.ResponseId ??= StableId(entry.Id);
        for (int i = 0; i < response.Messages.Count; i++)
        {
            response.Messages[i].MessageId ??= response.ResponseId + "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        return response;
    }

    /// <summary>An id for a replayed response: a hash of the entry's context, request hash and occurrence.</summary>
    private static string StableId(RecordingEntryId id)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(id.Context + "\n" + id.Hash + "\n" + id.Occurrence.ToString(CultureInfo.InvariantCulture)));
        return "evalspec-" + Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

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
