using System;
using System.Collections.Generic;
using System.Text.Json;
using EvalSpec.Agents;
using EvalSpec.Reporting;
using Microsoft.Extensions.AI;

namespace EvalSpec.Execution;

/// <summary>One call of an eval method: its input and its output, or the exception it threw.</summary>
internal sealed record MethodRun(
    string Prompt,
    IReadOnlyDictionary<string, object?> Arguments,
    object? Output,
    string OutputText,
    Exception? Error,
    TimeSpan Latency)
{
    public bool Succeeded => Error is null && OutputError is null;

    /// <summary>The call did not finish within the row timeout.</summary>
    public bool TimedOut => Error is TimeoutException;

    /// <summary>The method returned, but EvalSpec could not turn its output into text for the judges.</summary>
    public string? OutputError { get; init; }

    /// <summary>For an agent run (a returned <c>ChatResponse</c> or message list): its tool calls, steps and final answer.</summary>
    public AgentTrajectory? Trajectory { get; init; }

    /// <summary>What the output snapshot holds: the trajectory with its answer for an agent run, else the output.</summary>
    public object? SnapshotValue => Trajectory?.ToJson(withAnswer: true) ?? Output;

    /// <summary>The context the method gave for its answer (<see cref="EvalInput.AddContext(string[])"/>); null when none.</summary>
    public IReadOnlyList<string>? Context { get; init; }

    /// <summary>
    /// The messages an agent run returned (when the method returned its message list rather than a ChatResponse): what
    /// per-turn judging splits, as the output is then the final answer only.
    /// </summary>
    public IReadOnlyList<ChatMessage>? Exchange { get; init; }

    /// <summary>
    /// What a person's label is for (<see cref="Judging.ReviewQueue.IdOf"/>): the output text, and for an agent run also its
    /// tool calls, so that a label of a run that called one tool never decides a run that called another behind the same answer.
    /// </summary>
    public string JudgedIdentity => Judging.ReviewQueue.IdentityOf(OutputText, Trajectory);

    public static MethodRun Completed(EvalInput input, object? output, TimeSpan latency)
    {
        // The passages the method gave (EvalInput.AddContext) go with every kind of output: grounding judges read them.
        IReadOnlyList<string>? context = input.Context.Count == 0 ? null : input.Context;
        if (output is null or string)
        {
            return new MethodRun(input.Prompt, input.Arguments, output, output as string ?? string.Empty, null, latency) { Context = context };
        }

        // An agent run (a ChatResponse, or messages with tool calls) is judged on its final answer (the output text every
        // judge reads); its tool calls travel beside it. Messages without tool calls are a conversation's exchange.
        if (AgentTrajectory.TryFrom(output) is { } trajectory && (output is ChatResponse || trajectory.ToolCalls.Count > 0))
        {
            return new MethodRun(input.Prompt, input.Arguments, trajectory.FinalAnswer, trajectory.FinalAnswer, null, latency)
            {
                Trajectory = trajectory,
                Context = context,
                Exchange = output as IEnumerable<ChatMessage> is { } messages ? [.. messages] : null,
            };
        }

        if (ConversationTurnJudging.TextOf(output) is { } exchange)
        {
            // A reply or an exchange of Microsoft.Extensions.AI messages reads as a transcript, not as their JSON form.
            return new MethodRun(input.Prompt, input.Arguments, output, exchange, null, latency) { Context = context };
        }

        try
        {
            // Indented, so that punctuation removal in lexical judges leaves names and values as separate words.
            return new MethodRun(input.Prompt, input.Arguments, output, JsonSerializer.Serialize(output, ResultsJson.Indented), null, latency) { Context = context };
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return new MethodRun(input.Prompt, input.Arguments, null, string.Empty, null, latency)
            {
                OutputError = $"EvalSpec could not serialise the output of type {output.GetType().FullName} to JSON for the judges: {ex.Message}",
            };
        }
    }

    public static MethodRun Failed(EvalInput input, Exception error, TimeSpan latency) =>
        new(input.Prompt, input.Arguments, null, string.Empty, error, latency);
}
