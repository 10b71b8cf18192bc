using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;

// Starts the test server with two scripted "models" and prints its address; stops on Enter or end of input.
//   triage-model  classifies a ticket by keywords, or drafts a reply from the conversation's turns;
//   grader-model  a rubric judge that passes a response unless it is empty, "unknown" or impolite.
// Rules, not a language model: the recordings made against it test EvalSpec's plumbing, not a model's quality.
await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
server.Responder = request => request.Model switch
{
    "triage-model" when request.Messages.FirstOrDefault()?.Text.Contains("You triage", StringComparison.Ordinal) == true =>
        ScriptedResponse.Completion(StandInModels.Classify(request.LastUserMessage ?? string.Empty)),
    "triage-model" => ScriptedResponse.Completion(StandInModels.Reply(request.Messages.Where(m => m.Role == "user").Select(m => m.Text).ToArray())),
    "grader-model" => ScriptedResponse.Completion(StandInModels.Grade(request.LastUserMessage ?? string.Empty)),
    _ => ScriptedResponse.Error(404, "The model '" + request.Model + "' does not exist.", "invalid_request_error", "model_not_found"),
};
Console.WriteLine(server.BaseAddress);
Console.ReadLine();

/// <summary>The scripted answers.</summary>
internal static partial class StandInModels
{
    public static string Classify(string ticket)
    {
        string text = ticket.ToLowerInvariant();
        string category =
            Any(text, "refund", "charge", "invoice", "payment", "billed", "price", "coupon", "subscription") ? "billing"
            : Any(text, "parcel", "package", "delivery", "delivered", "shipping", "tracking", "courier", "arrived") ? "shipping"
            : Any(text, "password", "login", "log in", "account", "email address", "two-factor", "username") ? "account"
            : "technical";
        string priority =
            Any(text, "urgent", "immediately", "fraud", "outage", "all customers", "security") ? "urgent"
            : Any(text, "twice", "broken", "cannot", "can't", "crash", "locked out", "missing", "wrong") ? "high"
            : Any(text, "wondering", "question", "curious", "how do i", "is it possible", "suggestion") ? "low"
            : "normal";
        return "{\"category\": \"" + category + "\", \"priority\": \"" + priority + "\"}";
    }

    public static string Reply(string[] userTurns)
    {
        string all = string.Join(" ", userTurns);
        string last = userTurns.LastOrDefault() ?? string.Empty;
        string? order = OrderNumber().Match(all) is { Success: true } match ? match.Value : null;
        string about = order is null ? "your request" : "order " + order;
        if (last.Contains("refund", StringComparison.OrdinalIgnoreCase) || last.Contains("money back", StringComparison.OrdinalIgnoreCase))
        {
            return "Thank you for your patience. I have started a refund for " + about + "; it reaches your account within 5 business days.";
        }

        if (last.Contains("password", StringComparison.OrdinalIgnoreCase) || last.Contains("log in", StringComparison.OrdinalIgnoreCase))
        {
            return "Thank you. I have sent a password reset link to the email address on your account.";
        }

        return "Thank you for the details. I have passed " + about + " to our team and will update you within one business day.";
    }

    public static string Grade(string prompt)
    {
        int at = prompt.LastIndexOf("<response>", StringComparison.Ordinal);
        string response = at < 0 ? string.Empty : prompt[(at + "<response>".Length)..].Replace("</response>", string.Empty, StringComparison.Ordinal).Trim();
        if (response.Length == 0 || response.Contains("unknown", StringComparison.Ordinal))
        {
            return "{\"reasoning\":\"The response is empty or could not be read.\",\"score\":1,\"verdict\":\"fail\"}";
        }

        return response.Contains("Thank", StringComparison.Ordinal) || response.Contains(" / ", StringComparison.Ordinal)
            ? "{\"reasoning\":\"The response does what the rubric asks.\",\"score\":5,\"verdict\":\"pass\"}"
            : "{\"reasoning\":\"The response is not a polite reply or a triage.\",\"score\":2,\"verdict\":\"fail\"}";
    }

    private static bool Any(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    [GeneratedRegex("#[0-9]+")]
    private static partial Regex OrderNumber();
}
