using System;
using System.Buffers;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace EvalSpec.Testing.OpenAI;

/// <summary>
/// The JSON bodies of OpenAI's Chat Completions API that the fake server sends: a non-streaming
/// <c>chat.completion</c> object and the error object.
/// </summary>
internal static class OpenAIWireFormat
{
    private static readonly char[] WordSeparators = [' ', '\t', '\r', '\n'];

    public static byte[] Completion(ScriptedResponse response, RecordedRequest request, DateTimeOffset created)
    {
        ScriptedUsage usage = response.Usage ?? EstimateUsage(response, request);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", CompletionId(request));
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", created.ToUnixTimeSeconds());
            json.WriteString("model", response.Model ?? request.Model ?? "fake-model");
            json.WriteString("system_fingerprint", "fp_fake");

            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            WriteNullableString(json, "content", response.Content);
            WriteNullableString(json, "refusal", response.RefusalText);
            json.WriteStartArray("annotations");
            json.WriteEndArray();
            if (!response.Calls.IsEmpty)
            {
                json.WriteStartArray("tool_calls");
                foreach (ScriptedToolCall call in response.Calls)
                {
                    json.WriteStartObject();
                    json.WriteString("id", NewToolCallId());
                    json.WriteString("type", "function");
                    json.WriteStartObject("function");
                    json.WriteString("name", call.Name);
                    json.WriteString("arguments", call.Arguments);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteNull("logprobs");
            json.WriteString("finish_reason", response.FinishReason);
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("usage");
            json.WriteNumber("prompt_tokens", usage.PromptTokens);
            json.WriteNumber("completion_tokens", usage.CompletionTokens);
            json.WriteNumber("total_tokens", usage.TotalTokens);
            json.WriteStartObject("prompt_tokens_details");
            json.WriteNumber("cached_tokens", 0);
            json.WriteNumber("audio_tokens", 0);
            json.WriteEndObject();
            json.WriteStartObject("completion_tokens_details");
            json.WriteNumber("reasoning_tokens", 0);
            json.WriteNumber("audio_tokens", 0);
            json.WriteNumber("accepted_prediction_tokens", 0);
            json.WriteNumber("rejected_prediction_tokens", 0);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("service_tier", "default");
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(string message, string type, string? code, string? param = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", type);
            WriteNullableString(json, "param", param);
            WriteNullableString(json, "code", code);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string RequestId(RecordedRequest request) =>
        "req_fake_" + request.Sequence.ToString("D6", CultureInfo.InvariantCulture);

    private static string CompletionId(RecordedRequest request) =>
        "chatcmpl-fake-" + request.Sequence.ToString("D6", CultureInfo.InvariantCulture);

    // Random, like OpenAI's: a tool loop sent twice gets other ids the second time.
    private static string NewToolCallId() =>
        "call_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    private static ScriptedUsage EstimateUsage(ScriptedResponse response, RecordedRequest request) =>
        new(
            request.Messages.Sum(m => CountWords(m.Text)),
            CountWords(response.Content) + CountWords(response.RefusalText) + response.Calls.Sum(c => CountWords(c.Arguments) + 1));

    private static int CountWords(string? text) =>
        text is null ? 0 : text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries).Length;

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
