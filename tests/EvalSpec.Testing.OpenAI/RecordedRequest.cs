using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EvalSpec.Testing.OpenAI;

/// <summary>
/// An HTTP request as <see cref="FakeOpenAIServer"/> received it, before it chose a behaviour. Immutable, so
/// responders and tests can read it from any thread.
/// </summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        long sequence,
        DateTimeOffset receivedAt,
        string method,
        string path,
        string queryString,
        IReadOnlyDictionary<string, string> headers,
        string rawBody)
    {
        Sequence = sequence;
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        QueryString = queryString;
        Headers = headers;
        RawBody = rawBody;
        Body = TryParse(rawBody);
        Model = Body is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty("model", out JsonElement model)
            && model.ValueKind == JsonValueKind.String
                ? model.GetString()
                : null;
        Messages = ReadMessages(Body);
    }

    /// <summary>Gets the 1-based position of this request in the order the server received requests.</summary>
    public long Sequence { get; }

    /// <summary>Gets when the server received the request, by the server's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the request path as sent, e.g. <c>/v1/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the query string including its leading <c>?</c>, or an empty string.</summary>
    public string QueryString { get; }

    /// <summary>
    /// Gets the request headers by name (case-insensitive); a header sent more than once has its values joined
    /// with <c>", "</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the <c>Authorization</c> header (e.g. <c>Bearer test-key</c>), or <see langword="null"/> when absent.</summary>
    public string? Authorization => Headers.TryGetValue("Authorization", out string? value) ? value : null;

    /// <summary>Gets the request body as text (UTF-8 decoded).</summary>
    public string RawBody { get; }

    /// <summary>Gets the parsed JSON body, or <see langword="null"/> when the body is empty or not JSON.</summary>
    public JsonElement? Body { get; }

    /// <summary>Gets the body's <c>model</c>, or <see langword="null"/> when absent.</summary>
    public string? Model { get; }

    /// <summary>Gets the body's <c>messages</c>, in order; empty when absent.</summary>
    public IReadOnlyList<RecordedMessage> Messages { get; }

    /// <summary>Gets the text of the last <c>user</c> message, or <see langword="null"/> when there is none.</summary>
    public string? LastUserMessage => Messages.LastOrDefault(m => m.Role == "user")?.Text;

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Method} {Path}{QueryString} model={Model ?? "(none)"}";

    private static JsonElement? TryParse(string rawBody)
    {
        if (string.IsNullOrWhiteSpace(rawBody))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(rawBody);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<RecordedMessage> ReadMessages(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("messages", out JsonElement messages)
            || messages.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<RecordedMessage>();
        foreach (JsonElement message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            string role = message.TryGetProperty("role", out JsonElement r) && r.ValueKind == JsonValueKind.String
                ? r.GetString()!
                : string.Empty;
            result.Add(new RecordedMessage(role, ReadText(message)));
        }

        return result;
    }

    private static string ReadText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out JsonElement content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        // The SDK sends content as an array of typed parts; only text parts carry text.
        var texts = new List<string>();
        foreach (JsonElement part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object
                && part.TryGetProperty("text", out JsonElement text)
                && text.ValueKind == JsonValueKind.String)
            {
                texts.Add(text.GetString()!);
            }
        }

        return string.Join('\n', texts);
    }
}
