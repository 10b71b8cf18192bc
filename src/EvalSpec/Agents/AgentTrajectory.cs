using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;

namespace EvalSpec.Agents;

/// <summary>
/// What an agent run did: its tool calls in order (name, canonical arguments, result or error), its model steps and its
/// final answer. EvalSpec builds it when an eval method returns a <see cref="ChatResponse"/> or a list of
/// <see cref="ChatMessage"/>s (for example the messages of a <see cref="FunctionInvokingChatClient"/> loop), keeps it in
/// <c>results.jsonl</c> (<c>trajectory</c>), reports and snapshots, and hands it to judges as
/// <c>JudgeRequest.Trajectory</c>. The row's output text, which the other judges read, is <see cref="FinalAnswer"/>.
/// </summary>
public sealed class AgentTrajectory
{
    private const int RenderLimit = 300;

    private AgentTrajectory(IReadOnlyList<AgentToolCall> toolCalls, int steps, string finalAnswer, IReadOnlyList<ChatMessage> messages)
    {
        ToolCalls = toolCalls;
        Steps = steps;
        FinalAnswer = finalAnswer;
        Messages = messages;
    }

    /// <summary>The tool calls in the order the model asked for them.</summary>
    public IReadOnlyList<AgentToolCall> ToolCalls { get; }

    /// <summary>The model steps: assistant turns (each one model response; parallel tool calls share a step).</summary>
    public int Steps { get; }

    /// <summary>The text of the last assistant turn (empty when the run ended on a tool call or has no assistant turn).</summary>
    public string FinalAnswer { get; }

    /// <summary>The tool calls that failed (the tool threw, its arguments could not be read, or it has no result).</summary>
    public int FailedCalls => ToolCalls.Count(c => c.Failed);

    /// <summary>The tool calls that repeat an earlier call exactly: the same name and the same canonical arguments.</summary>
    public int RepeatedCalls
    {
        get
        {
            var seen = new HashSet<(string, string)>();
            return ToolCalls.Count(c => !seen.Add((c.Name, c.ArgumentsText)));
        }
    }

    /// <summary>The run's messages as the eval method returned them (for judges that read the conversation).</summary>
    [JsonIgnore]
    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <summary>
    /// The trajectory of an eval method's output when it is an agent run (a <see cref="ChatResponse"/> or a sequence of
    /// <see cref="ChatMessage"/>s); otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="output">The eval method's output.</param>
    /// <returns>The trajectory, or <see langword="null"/>.</returns>
    public static AgentTrajectory? TryFrom(object? output) => output switch
    {
        ChatResponse response => FromMessages(response.Messages),
        ChatMessage message => FromMessages([message]),
        IEnumerable<ChatMessage> messages => FromMessages(messages),
        _ => null,
    };

    /// <summary>Reads the trajectory of a run's messages.</summary>
    /// <param name="messages">The messages, in order (null entries are skipped).</param>
    /// <returns>The trajectory.</returns>
    public static AgentTrajectory FromMessages(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> list = messages.Where(m => m is not null).ToList();

        // Results are matched to calls by call id (the id itself is provider-generated noise and is not kept): each call takes
        // the first result with its id that comes after it and no earlier call took, so an id a provider reuses in a later
        // step gets that step's result, not the first one.
        var located = new List<(int Message, FunctionResultContent Result)>();
        for (int i = 0; i < list.Count; i++)
        {
            located.AddRange(list[i].Contents.OfType<FunctionResultContent>().Where(r => r.CallId is not null).Select(r => (i, r)));
        }

        var taken = new HashSet<int>();
        var calls = new List<AgentToolCall>();
        int steps = 0;
        string finalAnswer = string.Empty;
        for (int i = 0; i < list.Count; i++)
        {
            ChatMessage message = list[i];
            if (message.Role != ChatRole.Assistant)
            {
                continue;
            }

            steps++;
            finalAnswer = message.Text ?? string.Empty;
            foreach (FunctionCallContent call in message.Contents.OfType<FunctionCallContent>())
            {
                int match = -1;
                for (int k = 0; k < located.Count && call.CallId is not null; k++)
                {
                    if (located[k].Message > i && !taken.Contains(k) && string.Equals(located[k].Result.CallId, call.CallId, StringComparison.Ordinal))
                    {
                        match = k;
                        break;
                    }
                }

                FunctionResultContent? result = null;
                if (match >= 0)
                {
                    taken.Add(match);
                    result = located[match].Result;
                }

                calls.Add(new AgentToolCall(calls.Count + 1, steps, call.Name, CanonicalArguments(call.Arguments), ResultText(result), ErrorOf(call, result))
                {
                    ArgumentsUnreadable = call.Exception is not null,
                });
            }
        }

        return new AgentTrajectory(calls, steps, finalAnswer, list);
    }

    /// <summary>
    /// A readable rendering for reports and messages: one line per tool call with its step, arguments and result or error
    /// (each shortened to 300 characters), then the final answer.
    /// </summary>
    /// <returns>The rendering.</returns>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Steps} step(s), {ToolCalls.Count} tool call(s)");
        if (FailedCalls > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {FailedCalls} failed");
        }

        if (RepeatedCalls > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {RepeatedCalls} repeated");
        }

        text.Append('\n');
        foreach (AgentToolCall call in ToolCalls)
        {
            text.Append(CultureInfo.InvariantCulture, $"{call.Index}. [step {call.Step}] {call.Name}({Shorten(call.ArgumentsText)})");
            text.Append(call.Error is { } error ? " -> ERROR: " + Shorten(error) : " -> " + Shorten(call.Result ?? "(no result)"));
            text.Append('\n');
        }

        text.Append("Answer: ").Append(Shorten(FinalAnswer));
        return text.ToString();
    }

    /// <summary>The JSON form written to <c>results.jsonl</c> and snapshots (no call ids, canonical arguments).</summary>
    internal JsonObject ToJson(bool withAnswer)
    {
        var calls = new JsonArray();
        foreach (AgentToolCall call in ToolCalls)
        {
            var node = new JsonObject
            {
                ["call"] = call.Index,
                ["step"] = call.Step,
                ["name"] = call.Name,
                ["arguments"] = JsonNode.Parse(call.ArgumentsText),
            };
            if (call.Result is not null)
            {
                node["result"] = call.Result;
            }

            if (call.Error is not null)
            {
                node["error"] = call.Error;
            }

            calls.Add(node);
        }

        var json = new JsonObject { ["steps"] = Steps, ["toolCalls"] = calls };
        if (withAnswer)
        {
            json["answer"] = FinalAnswer;
        }

        return json;
    }

    internal static JsonElement CanonicalArguments(IDictionary<string, object?>? arguments)
    {
        JsonNode? node = arguments is null ? new JsonObject() : CanonicalJson.Serialize(arguments, typeof(IDictionary<string, object?>));
        JsonNode sorted = CanonicalJson.Sorted(node) ?? new JsonObject();
        // Compact text, so that equal arguments have equal raw text (M.E.AI's options would indent).
        using JsonDocument document = JsonDocument.Parse(sorted.ToJsonString());
        return document.RootElement.Clone();
    }

    internal static string? ResultText(FunctionResultContent? result) => result?.Result switch
    {
        null => null,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        object value => CanonicalJson.Sorted(CanonicalJson.Serialize(value, typeof(object)))?.ToJsonString() ?? "null",
    };

    private static string? ErrorOf(FunctionCallContent call, FunctionResultContent? result)
    {
        if (call.Exception is { } argumentsError)
        {
            return "the arguments could not be read: " + argumentsError.Message;
        }

        if (result is null)
        {
            return "the run has no result for this call";
        }

        return result.Exception is { } thrown ? thrown.GetType().Name + ": " + thrown.Message : null;
    }

    private static string Shorten(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= RenderLimit ? line : line[..RenderLimit] + "... (" + line.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }
}
