using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Extensions.AI;

namespace EvalSpec.Agents;

/// <summary>
/// An agent run as text for an LLM judge: one line per message, tool calls numbered (no provider ids) with their canonical
/// arguments, tool results tied to their call's number. Each part is shortened, and so is the whole, keeping its start and
/// end, so that a huge tool result cannot push the task out of the judge's context.
/// </summary>
internal static class AgentTranscript
{
    private const int PartLimit = 2_000;
    private const int TotalLimit = 24_000;

    public static string Render(AgentTrajectory trajectory)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (ChatMessage message in trajectory.Messages)
        {
            foreach (AIContent content in message.Contents)
            {
                switch (content)
                {
                    case TextContent { Text: { Length: > 0 } said }:
                        text.Append('[').Append(message.Role.Value).Append("] ").Append(Shorten(said)).Append('\n');
                        break;
                    case FunctionCallContent call:
                        int number = numbers.Count + 1;
                        if (call.CallId is { } id)
                        {
                            numbers.TryAdd(id, number);
                        }

                        text.Append(CultureInfo.InvariantCulture, $"[assistant calls tool #{number}] {call.Name}({Shorten(AgentTrajectory.CanonicalArguments(call.Arguments).GetRawText())})\n");
                        break;
                    case FunctionResultContent result:
                        string which = result.CallId is { } callId && numbers.TryGetValue(callId, out int n) ? "#" + n.ToString(CultureInfo.InvariantCulture) : "(unknown call)";
                        string body = result.Exception is { } error ? "ERROR " + error.GetType().Name + ": " + error.Message : ResultText(result);
                        text.Append("[tool result ").Append(which).Append("] ").Append(Shorten(body)).Append('\n');
                        break;
                }
            }
        }

        string all = text.ToString();
        if (all.Length <= TotalLimit)
        {
            return all;
        }

        int keep = TotalLimit / 2;
        return all[..keep] + string.Create(CultureInfo.InvariantCulture, $"\n[... {all.Length - (2 * keep)} characters of the transcript left out ...]\n") + all[^keep..];
    }

    private static string ResultText(FunctionResultContent result) => AgentTrajectory.ResultText(result) ?? "(no result)";

    private static string Shorten(string part)
    {
        string line = part.ReplaceLineEndings(" ");
        return line.Length <= PartLimit ? line : line[..PartLimit] + string.Create(CultureInfo.InvariantCulture, $"... ({line.Length} characters)");
    }
}
