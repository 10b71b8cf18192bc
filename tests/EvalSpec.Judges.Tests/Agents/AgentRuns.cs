using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Agents;
using EvalSpec.Judging;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judges.Tests.Agents;

/// <summary>Builds agent runs as a FunctionInvokingChatClient leaves them: assistant calls, tool results, a final answer.</summary>
internal static class AgentRuns
{
    /// <summary>One call per step: name, arguments; results are "ok #n". A final assistant text ends the run.</summary>
    public static AgentTrajectory Run(params (string Name, Dictionary<string, object?> Arguments)[] calls) =>
        AgentTrajectory.FromMessages(Messages("done", calls));

    public static List<ChatMessage> Messages(string answer, params (string Name, Dictionary<string, object?> Arguments)[] calls)
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, "help me") };
        int n = 0;
        foreach ((string name, Dictionary<string, object?> arguments) in calls)
        {
            n++;
            string id = "call_" + Guid.NewGuid().ToString("N");
            messages.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(id, name, arguments)]));
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(id, "ok #" + n)]));
        }

        messages.Add(new ChatMessage(ChatRole.Assistant, answer));
        return messages;
    }

    public static Dictionary<string, object?> Args(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static JudgeRequest Request(AgentTrajectory trajectory) => new(trajectory.FinalAnswer) { Trajectory = trajectory };
}
