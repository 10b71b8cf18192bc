using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Agents;

/// <summary>One tool call of an agent run, with its result or error, as EvalSpec reads it from the run's messages.</summary>
public sealed class AgentToolCall
{
    /// <summary>Creates a tool call.</summary>
    /// <param name="index">The call's 1-based position among the run's tool calls.</param>
    /// <param name="step">The 1-based model step (assistant turn) that asked for it.</param>
    /// <param name="name">The tool's name, exactly as the model gave it.</param>
    /// <param name="arguments">The arguments as canonical JSON (an object, properties in ordinal order).</param>
    /// <param name="result">The tool's result as text, or <see langword="null"/> when it returned none.</param>
    /// <param name="error">Why the call failed, or <see langword="null"/> when it did not.</param>
    public AgentToolCall(int index, int step, string name, JsonElement arguments, string? result, string? error)
    {
        Index = index;
        Step = step;
        Name = name ?? string.Empty;
        Arguments = arguments;
        Result = result;
        Error = error;
    }

    /// <summary>The call's 1-based position among the run's tool calls (provider call ids are replaced by this).</summary>
    public int Index { get; }

    /// <summary>The 1-based model step (assistant turn) that asked for the call; calls made in parallel share a step.</summary>
    public int Step { get; }

    /// <summary>The tool's name, exactly as the model gave it (no case or Unicode folding).</summary>
    public string Name { get; }

    /// <summary>The arguments as canonical JSON: an object whose properties (at every depth) are in ordinal order.</summary>
    public JsonElement Arguments { get; }

    /// <summary>The tool's result as text (JSON for structured results), or <see langword="null"/> when it returned none.</summary>
    public string? Result { get; }

    /// <summary>Why the call failed (the tool threw, or the run has no result for it), or <see langword="null"/>.</summary>
    public string? Error { get; }

    /// <summary>Whether the call failed.</summary>
    [JsonIgnore]
    public bool Failed => Error is not null;

    /// <summary>Whether the call's arguments could not be read (so the tool never ran); such a call meets no <see cref="Judging.ToolCallJudge"/> expectation.</summary>
    [JsonIgnore]
    public bool ArgumentsUnreadable { get; init; }

    /// <summary>The arguments as compact canonical JSON text: equal arguments give equal text.</summary>
    [JsonIgnore]
    public string ArgumentsText => Arguments.GetRawText();

    /// <summary>A one-line description: <c>#2 get_order({"id":"A-17"})</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Name + "(" + ArgumentsText + ")";
}
