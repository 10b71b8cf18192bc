using System;
using System.Collections.Generic;

namespace EvalSpec.Execution;

/// <summary>One call of an eval method: its input and its output or the exception it threw.</summary>
internal sealed record MethodRun(
    string Prompt,
    IReadOnlyDictionary<string, object?> Arguments,
    object? Output,
    string OutputText,
    Exception? Error,
    TimeSpan Latency)
{
    public bool Succeeded => Error is null;

    /// <summary>The call did not finish within the row timeout.</summary>
    public bool TimedOut => Error is TimeoutException;
}
