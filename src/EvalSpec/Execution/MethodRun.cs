using System;
using System.Collections.Generic;
using System.Text.Json;
using EvalSpec.Reporting;

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

    /// <summary>The context the method gave for its answer (<see cref="EvalInput.AddContext(string[])"/>); null when none.</summary>
    public IReadOnlyList<string>? Context { get; init; }

    public static MethodRun Completed(EvalInput input, object? output, TimeSpan latency)
    {
        IReadOnlyList<string> context = input.Context;
        if (output is null or string)
        {
            return new MethodRun(input.Prompt, input.Arguments, output, output as string ?? string.Empty, null, latency) { Context = context.Count == 0 ? null : context };
        }

        try
        {
            // Indented, so that punctuation removal in lexical judges leaves names and values as separate words.
            return new MethodRun(input.Prompt, input.Arguments, output, JsonSerializer.Serialize(output, ResultsJson.Indented), null, latency) { Context = context.Count == 0 ? null : context };
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
