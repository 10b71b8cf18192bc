using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// The request hash of a recorded call: SHA-256 over a canonical JSON of everything that changes the model's answer.
/// </summary>
/// <remarks>
/// In: the client name, the kind of call, the model id, every message (role, author, contents, additional properties),
/// with tool call ids numbered by first appearance (<see cref="ToolCallIds"/>), every <see cref="ChatOptions"/> property M.E.AI serializes (temperature, top-p, top-k, penalties, max tokens, seed,
/// stop sequences, response format with its schema, tool mode, instructions, reasoning, conversation id, additional
/// properties...), and the tools (name, description, parameter schema). Out: credentials, endpoints and headers (the
/// middleware never sees them), cancellation, message ids and timestamps (they differ between a live answer and its
/// replay, so a conversation that continues a replayed answer keeps its key), whether the call streams (a streamed and a
/// plain call get the same answer), and <see cref="ChatOptions.RawRepresentationFactory"/> (a delegate cannot be hashed).
/// </remarks>
internal static class RequestFingerprint
{
    /// <summary>Bump when the canonical form changes, so that old recordings miss instead of replaying for other requests.</summary>
    private const int Version = 1;

    public const string ChatKind = "chat";

    public const string EmbeddingsKind = "embeddings";

    /// <summary>The request hash of a chat call.</summary>
    public static string Chat(string client, string? model, IReadOnlyList<ChatMessage> messages, ChatOptions? options) =>
        Chat(client, model, messages, options, numberToolCallIds: true);

    /// <summary>
    /// The hash a chat call had before tool call ids were numbered (the ids as sent), or null when it is the same as
    /// <paramref name="hash"/> (no tool call ids, or ids already numbered): recordings made by EvalSpec before the numbering
    /// are keyed so, and replay by it (see <see cref="SuiteRecordings.TryReplay(RecordingCall, bool)"/>).
    /// </summary>
    public static string? LegacyChat(string hash, string client, string? model, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        if (!messages.SelectMany(m => m.Contents).Any(c => ToolCallIds.CallIdOf(c) is not null))
        {
            return null;
        }

        string legacy = Chat(client, model, messages, options, numberToolCallIds: false);
        return legacy == hash ? null : legacy;
    }

    /// <param name="client">The client's name.</param>
    /// <param name="model">The model id.</param>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The options.</param>
    /// <param name="numberToolCallIds">False only for the key of recordings made before tool call ids were numbered.</param>
    internal static string Chat(string client, string? model, IReadOnlyList<ChatMessage> messages, ChatOptions? options, bool numberToolCallIds)
    {
        var request = new JsonObject
        {
            ["version"] = Version,
            ["kind"] = ChatKind,
            ["client"] = client,
            ["model"] = model,
            ["messages"] = Messages(messages, numberToolCallIds),
            ["options"] = Options(options),
            ["tools"] = Tools(options?.Tools),
        };
        return CanonicalJson.Hash(request);
    }

    /// <summary>The request hash of an embedding call.</summary>
    public static string Embeddings(string client, string? model, IReadOnlyList<string> inputs, EmbeddingGenerationOptions? options)
    {
        JsonNode? serializedOptions = null;
        if (options is not null)
        {
            EmbeddingGenerationOptions copy = options.Clone();
            copy.ModelId = null;
            copy.AdditionalProperties = null;
            copy.RawRepresentationFactory = null;
            serializedOptions = CanonicalJson.Serialize(copy, typeof(EmbeddingGenerationOptions));
            if (serializedOptions is JsonObject obj && CanonicalJson.Properties(options.AdditionalProperties) is { } properties)
            {
                obj["additionalProperties"] = properties;
            }
        }

        var request = new JsonObject
        {
            ["version"] = Version,
            ["kind"] = EmbeddingsKind,
            ["client"] = client,
            ["model"] = model,
            ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            ["options"] = serializedOptions,
        };
        return CanonicalJson.Hash(request);
    }

    /// <summary>A readable summary of a chat request for the recordings file and miss messages (not part of the key).</summary>
    public static JsonObject ChatSummary(string? model, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var summary = new JsonObject { ["model"] = model, ["messages"] = messages.Count };
        if (messages.LastOrDefault(m => m.Role == ChatRole.User) is { } user)
        {
            summary["lastUserMessage"] = user.Text;
        }

        if (options is not null)
        {
            AddIfSet(summary, "temperature", options.Temperature);
            AddIfSet(summary, "topP", options.TopP);
            AddIfSet(summary, "maxOutputTokens", options.MaxOutputTokens);
            AddIfSet(summary, "seed", options.Seed);
            if (options.ResponseFormat is { } format)
            {
                summary["responseFormat"] = format switch
                {
                    ChatResponseFormatJson { Schema: not null } json => "json_schema" + (json.SchemaName is null ? string.Empty : ":" + json.SchemaName),
                    ChatResponseFormatJson => "json",
                    _ => "text",
                };
            }

            if (options.Tools is { Count: > 0 } tools)
            {
                summary["tools"] = new JsonArray(tools.Select(t => (JsonNode?)JsonValue.Create(t.Name)).ToArray());
            }
        }

        return summary;
    }

    /// <summary>A readable summary of an embedding request.</summary>
    public static JsonObject EmbeddingsSummary(string? model, IReadOnlyList<string> inputs) => new()
    {
        ["model"] = model,
        ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
    };

    /// <summary>One line for an exception message: model, message count and the last user message, shortened.</summary>
    public static string Describe(JsonObject summary)
    {
        var parts = new List<string> { "model " + (summary["model"]?.ToString() ?? "(default)") };
        if (summary["messages"] is { } count)
        {
            parts.Add(count.ToJsonString() + " message(s)");
        }

        if (summary["lastUserMessage"]?.GetValue<string>() is { } user)
        {
            parts.Add("last user message " + Quote(user));
        }

        if (summary["inputs"] is JsonArray inputs)
        {
            parts.Add(inputs.Count.ToString(CultureInfo.InvariantCulture) + " input(s)" + (inputs.Count > 0 ? ", first " + Quote(inputs[0]?.GetValue<string>() ?? string.Empty) : string.Empty));
        }

        foreach (string option in new[] { "temperature", "topP", "maxOutputTokens", "seed", "responseFormat" })
        {
            if (summary[option] is { } value)
            {
                parts.Add(option + " " + (value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()));
            }
        }

        if (summary["tools"] is JsonArray tools)
        {
            parts.Add("tools " + string.Join(", ", tools.Select(t => t?.GetValue<string>())));
        }

        return string.Join(", ", parts);
    }

    private static string Quote(string text)
    {
        const int Max = 120;
        string oneLine = text.ReplaceLineEndings(" ");
        return "\"" + (oneLine.Length > Max ? oneLine[..Max] + "..." : oneLine) + "\"";
    }

    private static void AddIfSet<T>(JsonObject summary, string name, T? value)
        where T : struct
    {
        if (value is { } set)
        {
            summary[name] = JsonValue.Create(set);
        }
    }

    // Tool call ids are numbered by first appearance (see ToolCallIds): a provider's random ids must not change the key.
    private static JsonArray Messages(IReadOnlyList<ChatMessage> messages, bool numberToolCallIds)
    {
        ToolCallIds? ids = numberToolCallIds ? new ToolCallIds() : null;
        return new JsonArray(messages.Select(m => Message(m, ids)).ToArray());
    }

    private static JsonNode Message(ChatMessage message, ToolCallIds? ids)
    {
        var contents = new JsonArray(message.Contents.Select(c => CanonicalJson.Serialize(c, typeof(AIContent))).ToArray());
        ids?.NormaliseContents(contents);
        var node = new JsonObject
        {
            ["role"] = message.Role.Value,
            ["authorName"] = message.AuthorName,
            ["contents"] = contents,
        };
        if (CanonicalJson.Properties(message.AdditionalProperties) is { } properties)
        {
            node["additionalProperties"] = properties;
        }

        return node;
    }

    private static JsonNode? Options(ChatOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        // The model is keyed on its own (with the client's default); tools are keyed below; the rest as M.E.AI serializes it.
        ChatOptions copy = options.Clone();
        copy.ModelId = null;
        copy.Tools = null;
        copy.AdditionalProperties = null;
        copy.RawRepresentationFactory = null;
        JsonNode? node = CanonicalJson.Serialize(copy, typeof(ChatOptions));
        if (node is JsonObject obj && CanonicalJson.Properties(options.AdditionalProperties) is { } properties)
        {
            obj["additionalProperties"] = properties;
        }

        return node;
    }

    private static JsonArray? Tools(IList<AITool>? tools)
    {
        if (tools is null || tools.Count == 0)
        {
            return null;
        }

        // Tool order is kept: it is part of what the model is shown.
        var array = new JsonArray();
        foreach (AITool tool in tools)
        {
            var node = new JsonObject
            {
                ["type"] = tool is AIFunctionDeclaration ? "function" : tool.GetType().Name,
                ["name"] = tool.Name,
                ["description"] = tool.Description,
            };
            if (tool is AIFunctionDeclaration function)
            {
                node["parameters"] = JsonSerializer.SerializeToNode(function.JsonSchema, CanonicalJson.TypeInfo<JsonElement>());
            }

            if (CanonicalJson.Properties(tool.AdditionalProperties) is { } properties)
            {
                node["additionalProperties"] = properties;
            }

            array.Add(node);
        }

        return array;
    }
}
