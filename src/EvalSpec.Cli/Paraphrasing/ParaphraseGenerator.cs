using System;
using System.Collections.Generic;
using System.ClientModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>
/// Asks a chat model for paraphrases of a prompt template, with structured output (a JSON schema of
/// <c>{"paraphrases": [string]}</c>), and reads the reply. Validation is not done here: see <see cref="ParaphraseValidator"/>.
/// </summary>
internal static class ParaphraseGenerator
{
    private const int MaxRawTextShown = 4000;

    private const string Instructions = """
        You write paraphrases of prompt templates. The templates are used to test an LLM-backed feature under several
        wordings of the same request, so every paraphrase must ask for exactly the same thing as the template.

        Rules for every paraphrase:
        - Keep the meaning, the task and the language of the template; change wording, sentence structure or tone.
        - Keep every placeholder exactly as written, with its braces, e.g. {product}, as many times as the template has
          it. Do not rename, translate, drop or add placeholders.
        - Keep literal braces doubled, as {{ and }}, exactly as the template writes them.
        - One line of plain text: no line breaks, no numbering, no quotes around it.
        - Do not answer the prompt; only rephrase it.
        - Every paraphrase must differ from the template, from the wordings listed as already used, and from each other.

        Reply with JSON only, in the form {"paraphrases": ["...", "..."]}.
        """;

    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "paraphrases": {
              "type": "array",
              "items": { "type": "string" }
            }
          },
          "required": ["paraphrases"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <summary>Asks <paramref name="client"/> for the paraphrases of <paramref name="request"/>, as written in the reply.</summary>
    /// <exception cref="ModelCallException">The call failed (HTTP status, connection, timeout) or the reply is not the JSON asked for.</exception>
    public static async Task<IReadOnlyList<string>> GenerateAsync(IChatClient client, ParaphraseRequest request, string endpointName, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, Instructions),
            new(ChatRole.User, Ask(request)),
        };
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "paraphrases", "Paraphrases of a prompt template."),
            Seed = request.Seed,
            AdditionalProperties = new AdditionalPropertiesDictionary { ["strict"] = true },
        };

        ChatResponse response = await CallAsync(client, messages, options, endpointName, cancellationToken).ConfigureAwait(false);
        ErrorContent? refusal = response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>().FirstOrDefault(e => e.ErrorCode == "Refusal");
        if (refusal is not null)
        {
            throw new ModelCallException($"The model refused to write paraphrases: {refusal.Message}");
        }

        return ReadReply(response.Text);
    }

    /// <summary>The paraphrases of a reply <c>{"paraphrases": [...]}</c>, tolerating a Markdown code fence around it.</summary>
    /// <exception cref="ModelCallException">The text is not that JSON; the message quotes it.</exception>
    public static IReadOnlyList<string> ReadReply(string text)
    {
        string json = WithoutCodeFence(text);
        if (json.Length == 0)
        {
            throw new ModelCallException("The model's reply is empty; it should be JSON {\"paraphrases\": [...]}.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("paraphrases", out JsonElement array)
                || array.ValueKind != JsonValueKind.Array)
            {
                throw new ModelCallException("The model's reply is JSON but has no \"paraphrases\" array. Raw reply:" + Environment.NewLine + Shorten(text));
            }

            var paraphrases = new List<string>(array.GetArrayLength());
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw new ModelCallException($"The model's reply has a {item.ValueKind.ToString().ToLowerInvariant()} in \"paraphrases\" where a string belongs. Raw reply:{Environment.NewLine}{Shorten(text)}");
                }

                paraphrases.Add(item.GetString()!);
            }

            return paraphrases;
        }
        catch (JsonException ex)
        {
            throw new ModelCallException($"The model's reply is not valid JSON ({ex.Message}). Raw reply:{Environment.NewLine}{Shorten(text)}", ex);
        }
    }

    private static string Ask(ParaphraseRequest request)
    {
        var ask = new StringBuilder();
        ask.Append(CultureInfo.InvariantCulture, $"Write {request.Count} paraphrase(s) of this prompt template:\n\n{request.Template}\n\n");
        ask.Append(CultureInfo.InvariantCulture, $"Placeholders to keep: {request.Placeholders}.\n");
        if (request.Avoid.Count > 0)
        {
            ask.Append("Wordings already used (do not repeat them):\n");
            foreach (string used in request.Avoid)
            {
                ask.Append("- ").Append(used).Append('\n');
            }
        }

        return ask.ToString();
    }

    private static async Task<ChatResponse> CallAsync(IChatClient client, List<ChatMessage> messages, ChatOptions options, string endpointName, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            throw new ModelCallException($"Could not reach {endpointName}: {Innermost(ex).Message}", ex);
        }
        catch (ClientResultException ex)
        {
            string body = ex.GetRawResponse()?.Content?.ToString() ?? string.Empty;
            throw new ModelCallException(
                string.Create(CultureInfo.InvariantCulture, $"{endpointName} answered HTTP {ex.Status}.") + (body.Length == 0 ? string.Empty : " Response body:" + Environment.NewLine + Shorten(body)),
                ex);
        }
        catch (AggregateException ex)
        {
            // The SDK's retries were used up on connection failures: every try failed the same way.
            throw new ModelCallException($"Could not reach {endpointName}: {Innermost(ex).Message}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ModelCallException($"The connection to {endpointName} failed: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new ModelCallException($"{endpointName} did not answer in the OpenAI chat completions format ({ex.Message}); check --endpoint (it is the base URL, e.g. http://127.0.0.1:1234/v1).", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelCallException($"{endpointName} did not answer in time: {ex.Message}", ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (true)
        {
            if (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                ex = aggregate.InnerExceptions[^1];
            }
            else if (ex.InnerException is not null)
            {
                ex = ex.InnerException;
            }
            else
            {
                return ex;
            }
        }
    }

    private static string WithoutCodeFence(string text)
    {
        string trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return trimmed;
        }

        int firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? trimmed : trimmed[(firstLineEnd + 1)..^3].Trim();
    }

    private static string Shorten(string text) =>
        text.Length <= MaxRawTextShown
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text[..MaxRawTextShown]}... ({text.Length - MaxRawTextShown} more characters)");
}
