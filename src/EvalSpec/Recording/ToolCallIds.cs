using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// Replaces provider-generated tool call ids by their order of first appearance in a conversation (<c>call_1</c>,
/// <c>call_2</c>...), in request keys and in recorded answers.
/// </summary>
/// <remarks>
/// A provider makes up a new id for every tool call (random at OpenAI), and a tool loop sends it back in the next request
/// (the assistant's call and the tool's result). Keyed as sent, every request after the first tool call would get a new key
/// each time the loop is recorded, and the recordings file new bytes. Numbered by first appearance, an unchanged loop keys
/// the same, and an answer recorded with its ids numbered the same way replays with ids that the next request numbers
/// identically, so a replayed loop finds every one of its entries.
/// </remarks>
internal sealed class ToolCallIds
{
    private readonly Dictionary<string, string> _normalised = new(StringComparer.Ordinal);

    /// <summary>The ids of a request's conversation, numbered in order of first appearance.</summary>
    public static ToolCallIds Of(IEnumerable<ChatMessage> conversation)
    {
        var ids = new ToolCallIds();
        foreach (AIContent content in conversation.SelectMany(m => m.Contents))
        {
            if (CallIdOf(content) is { } id)
            {
                ids.Normalise(id);
            }
        }

        return ids;
    }

    /// <summary>The normalised id of <paramref name="id"/>; an id not seen before gets the next number.</summary>
    public string Normalise(string id)
    {
        if (!_normalised.TryGetValue(id, out string? normalised))
        {
            normalised = "call_" + (_normalised.Count + 1).ToString(CultureInfo.InvariantCulture);
            _normalised.Add(id, normalised);
        }

        return normalised;
    }

    /// <summary>The call id of a function call or result content, or null.</summary>
    public static string? CallIdOf(AIContent content) => content switch
    {
        FunctionCallContent call => call.CallId,
        FunctionResultContent result => result.CallId,
        _ => null,
    };

    /// <summary>Replaces the <c>callId</c> of every serialized content of <paramref name="contents"/> (a JSON array of AIContent).</summary>
    public void NormaliseContents(JsonNode? contents)
    {
        if (contents is not JsonArray array)
        {
            return;
        }

        foreach (JsonObject content in array.OfType<JsonObject>())
        {
            if (content["callId"] is JsonValue value && value.TryGetValue(out string? id) && id is not null)
            {
                content["callId"] = Normalise(id);
            }
        }
    }
}
