using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Conversations;
using EvalSpec.Judging;
using Microsoft.Extensions.AI;

namespace EvalSpec.Execution;

/// <summary>
/// Reads what an eval method returned when it speaks Microsoft.Extensions.AI: one reply (<see cref="ChatMessage"/>)
/// or the whole exchange (a list of them), and, in per-turn mode (<see cref="EvalAttribute.JudgeEachTurn"/>), makes one
/// rubric request per assistant turn of the exchange.
/// </summary>
internal static class ConversationTurnJudging
{
    /// <summary>The text judges read for a message output (its text; an exchange's transcript), or null for any other output.</summary>
    public static string? TextOf(object output) => output switch
    {
        ChatMessage message => ConversationTranscript.TextOf(message),
        IEnumerable<ChatMessage> messages => ConversationTranscript.Render(messages),
        _ => null,
    };

    /// <summary>
    /// One rubric request per assistant turn of a returned exchange: the turn's text is the output, the transcript of
    /// every turn before it the input (so the judge sees the conversation the turn answers). Null when the output is
    /// not an exchange with an assistant turn; then the output is judged as one.
    /// </summary>
    public static IReadOnlyList<(string Turn, JudgeRequest Request)>? Requests(object? output, JudgeRequest whole)
    {
        if (output is not IEnumerable<ChatMessage> exchange)
        {
            return null;
        }

        ChatMessage[] messages = exchange.ToArray();
        var requests = new List<(string, JudgeRequest)>();
        for (int i = 0; i < messages.Length; i++)
        {
            // A step that only calls tools says nothing to the user: it is not a turn to judge (its calls are in the trajectory).
            if (messages[i].Role != ChatRole.Assistant || string.IsNullOrWhiteSpace(messages[i].Text))
            {
                continue;
            }

            string before = ConversationTranscript.Render(messages.Take(i));
            requests.Add(("turn " + (i + 1).ToString(CultureInfo.InvariantCulture), new JudgeRequest(ConversationTranscript.TextOf(messages[i]))
            {
                Input = before.Length == 0 ? null : before,
                Rubric = whole.Rubric,
                Threshold = whole.Threshold,
                RowId = whole.RowId,
                Context = whole.Context,
            }));
        }

        return requests.Count == 0 ? null : requests;
    }
}
