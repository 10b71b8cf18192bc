using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace TicketTriage;

/// <summary>
/// Triages support tickets with a chat model: classifies a ticket into a category and a priority, and drafts the
/// support agent's next reply to a conversation with the customer.
/// </summary>
public sealed class TicketTriageService
{
    /// <summary>The categories a ticket can have.</summary>
    public static readonly IReadOnlyList<string> Categories = ["billing", "shipping", "technical", "account"];

    /// <summary>The priorities a ticket can have, lowest first.</summary>
    public static readonly IReadOnlyList<string> Priorities = ["low", "normal", "high", "urgent"];

    private const string ClassifyInstructions = """
        You triage customer support tickets. Classify the ticket into exactly one category
        (billing, shipping, technical, account) and one priority (low, normal, high, urgent).
        Answer with one JSON object and nothing else: {"category": "...", "priority": "..."}
        """;

    private const string ReplyInstructions = """
        You are a support agent of an online shop. Write the next reply to the customer: polite, short, and consistent
        with everything said earlier in the conversation (order numbers, what was already tried).
        """;

    private readonly IChatClient _client;

    /// <summary>Creates the service on a chat client.</summary>
    /// <param name="client">The model.</param>
    public TicketTriageService(IChatClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>Classifies a ticket.</summary>
    /// <param name="subject">The ticket's subject line.</param>
    /// <param name="body">The ticket's text.</param>
    /// <param name="cancellationToken">Cancels the model call.</param>
    /// <returns>The triage; <c>unknown</c> fields when the model's answer is not the JSON asked for.</returns>
    public async Task<Triage> ClassifyAsync(string subject, string body, CancellationToken cancellationToken = default)
    {
        ChatMessage[] messages =
        [
            new(ChatRole.System, ClassifyInstructions),
            new(ChatRole.User, "Subject: " + subject + "\n\n" + body),
        ];
        ChatResponse response = await _client.GetResponseAsync(messages, new ChatOptions { Temperature = 0 }, cancellationToken).ConfigureAwait(false);
        return Read(response.Text);
    }

    /// <summary>Drafts the support agent's reply to the last customer message of a conversation.</summary>
    /// <param name="conversation">The conversation so far (customer and agent turns); the last turn is the customer's.</param>
    /// <param name="cancellationToken">Cancels the model call.</param>
    /// <returns>The reply.</returns>
    public async Task<string> DraftReplyAsync(IEnumerable<ChatMessage> conversation, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> messages = [new(ChatRole.System, ReplyInstructions), .. conversation];
        ChatResponse response = await _client.GetResponseAsync(messages, new ChatOptions { Temperature = 0 }, cancellationToken).ConfigureAwait(false);
        return response.Text.Trim();
    }

    /// <summary>
    /// The triage in a model's answer: one JSON object, text around it tolerated. A field that is missing, not a string,
    /// not one of the allowed values (compared exactly, so look-alike letters do not pass), or given twice is
    /// <c>unknown</c>; so is everything when the answer holds no object, several, or malformed JSON.
    /// </summary>
    /// <param name="answer">The model's answer.</param>
    /// <returns>The triage read from it.</returns>
    public static Triage Read(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        int start = answer.IndexOf('{', StringComparison.Ordinal);
        int end = answer.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            return new Triage("unknown", "unknown");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(answer[start..(end + 1)]);
            return new Triage(Field(document.RootElement, "category", Categories), Field(document.RootElement, "priority", Priorities));
        }
        catch (JsonException)
        {
            return new Triage("unknown", "unknown");
        }
    }

    private static string Field(JsonElement root, string name, IReadOnlyList<string> allowed)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "unknown";
        }

        // A field given twice contradicts itself: neither value is the answer.
        JsonProperty[] fields = root.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        string? value = fields.Length == 1 && fields[0].Value.ValueKind == JsonValueKind.String
            ? fields[0].Value.GetString()?.Trim().ToLowerInvariant()
            : null;
        return value is not null && allowed.Contains(value, StringComparer.Ordinal) ? value : "unknown";
    }
}
