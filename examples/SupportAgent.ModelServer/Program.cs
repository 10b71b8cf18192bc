using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Testing.OpenAI;

// Starts the test server with two scripted "models" and prints its address; stops on Enter or end of input.
//   agent-model  a ToolLoopScript: asks for the tool calls each question needs (for A-1004 it skips the eligibility check),
//                then answers with fixed sentences (for A-1003 one of them comes from an FAQ passage the search may not find);
//   judge-model  the grounding judge (a claim is supported when most of its words are in the context) and the
//                task-completion judge (passes a run without failed tool calls and with an answer).
// Rules, not a language model: the recordings made against it test EvalSpec's plumbing, not a model's quality.
await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
ToolLoopScript agent = StandInModels.Agent();
server.Responder = request => request.Model switch
{
    "agent-model" => agent.Respond(request),
    "judge-model" => StandInModels.Judge(request),
    _ => ScriptedResponse.Error(404, "The model '" + request.Model + "' does not exist.", "invalid_request_error", "model_not_found"),
};
Console.WriteLine(server.BaseAddress);
Console.ReadLine();

/// <summary>The scripted answers.</summary>
internal static partial class StandInModels
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "you", "your", "our", "was", "were", "are", "has", "have", "had", "its", "it's", "this", "that",
        "with", "when", "once", "can", "not", "from", "into", "than", "then", "will", "all", "any", "per", "after", "more",
    };

    public static ToolLoopScript Agent() => new ToolLoopScript()
        .WhenUser("A-1001", Call("get_order", "A-1001"))
        .WhenToolResult("^\"?order A-1001:", Call("check_refund_eligibility", "A-1001"))
        .WhenToolResult("^\"?eligible: order A-1001", new ScriptedToolCall("create_return", """{"orderId":"A-1001","reason":"the headphones stopped working"}"""))
        .WhenToolResultReply(
            "^\"?return R-A-1001 created",
            "I created return R-A-1001 for order A-1001, delivered 12 days ago. We email a prepaid return label when a return is created; pack the item with its receipt.")
        .WhenUser("A-1002", Call("get_order", "A-1002"))
        .WhenToolResult("^\"?order A-1002:", Call("check_refund_eligibility", "A-1002"))
        .WhenToolResultReply(
            "^\"?not eligible: order A-1002",
            "Order A-1002 was delivered 72 days ago, outside the 30-day return window, so it cannot be returned. Items delivered more than 30 days ago cannot be returned.")
        .WhenUser("A-1003", Call("get_order", "A-1003"))
        .WhenToolResultReply(
            "^\"?order A-1003:",
            "Order A-1003, the desk lamp, has shipped. Standard delivery takes 3 to 5 business days after an order ships.")
        .WhenUserReply(
            "refund take",
            "Once we receive your return, the refund reaches your original payment method within 5 business days.")
        .WhenUser("A-1004", Call("get_order", "A-1004"))
        .WhenToolResult("^\"?order A-1004:", new ScriptedToolCall("create_return", """{"orderId":"A-1004","reason":"too loud"}"""))
        .WhenToolResultReply(
            "^\"?return R-A-1004 created",
            "I created return R-A-1004 for order A-1004, the coffee grinder of $45.50. We email a prepaid return label when a return is created.");

    public static ScriptedResponse Judge(RecordedRequest request)
    {
        string system = request.Messages.FirstOrDefault()?.Text ?? string.Empty;
        string item = request.LastUserMessage ?? string.Empty;
        if (system.StartsWith("You check whether each numbered claim", StringComparison.Ordinal))
        {
            return ScriptedResponse.Completion(Grounding(Tag(item, "context"), Tag(item, "claims")));
        }

        if (system.StartsWith("You are a strict, impartial grader of AI agents", StringComparison.Ordinal))
        {
            return ScriptedResponse.Completion(TaskCompletion(Tag(item, "transcript"), Tag(item, "final_answer")));
        }

        return ScriptedResponse.Error(400, "judge-model: unknown judge prompt", "invalid_request_error");
    }

    private static ScriptedToolCall Call(string tool, string orderId) => new(tool, "{\"orderId\":\"" + orderId + "\"}");

    /// <summary>A claim is supported when at least 3 in 4 of its words (3 letters or more, or numbers) are in the context.</summary>
    private static string Grounding(string context, string claims)
    {
        HashSet<string> known = Words(context).ToHashSet(StringComparer.Ordinal);
        var verdicts = new List<string>();
        foreach (Match line in ClaimLine().Matches(claims))
        {
            string[] words = Words(line.Groups[2].Value).ToArray();
            string[] missing = words.Where(w => !known.Contains(w)).ToArray();
            bool supported = words.Length > 0 && missing.Length * 4 <= words.Length;
            string reasoning = missing.Length == 0
                ? "every word of the claim is in the context"
                : "not in the context: " + string.Join(", ", missing);
            verdicts.Add(string.Create(CultureInfo.InvariantCulture, $"{{\"claim\": {line.Groups[1].Value}, \"reasoning\": \"{reasoning}\", \"verdict\": \"{(supported ? "supported" : "unsupported")}\"}}"));
        }

        return "{\"verdicts\": [" + string.Join(", ", verdicts) + "]}";
    }

    private static string TaskCompletion(string transcript, string answer)
    {
        int calls = Regex.Matches(transcript, @"\[assistant calls tool #").Count;
        return transcript.Contains("ERROR", StringComparison.Ordinal) || answer.Trim().Length == 0
            ? "{\"reasoning\": \"A tool call failed or there is no answer.\", \"score\": 1, \"verdict\": \"fail\"}"
            : string.Create(CultureInfo.InvariantCulture, $"{{\"reasoning\": \"{calls} tool call(s) succeeded and the answer reports their outcome.\", \"score\": 5, \"verdict\": \"pass\"}}");
    }

    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value.Trim('.', ',', '-')).Where(w => w.Length >= 3 && !StopWords.Contains(w));

    private static string Tag(string text, string tag)
    {
        int start = text.IndexOf("<" + tag + ">", StringComparison.Ordinal);
        int end = text.IndexOf("</" + tag + ">", StringComparison.Ordinal);
        return start < 0 || end < start ? string.Empty : text[(start + tag.Length + 2)..end];
    }

    [GeneratedRegex(@"^(\d+)\. (.*)$", RegexOptions.Multiline)]
    private static partial Regex ClaimLine();

    [GeneratedRegex(@"[a-z0-9$][a-z0-9$.,'-]*")]
    private static partial Regex Word();
}
