using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>Settings shared by the LLM judges (<see cref="RubricJudge"/>, <see cref="PairwiseJudge"/>, <see cref="EquivalenceJudge"/>).</summary>
public sealed class LlmJudgeOptions
{
    /// <summary>
    /// Chat options for every judge call (model id, temperature...). The judge sets
    /// <see cref="ChatOptions.ResponseFormat"/> itself when <see cref="UseStructuredOutput"/> is on.
    /// </summary>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>
    /// Ask for a JSON answer through <see cref="ChatResponseFormat.ForJsonSchema(System.Text.Json.JsonElement, string?, string?)"/>.
    /// Turn off for providers that reject response formats; free-text answers are read either way, through their
    /// verdict lines (docs/judges.md, "How a judge's answer is read").
    /// Default true.
    /// </summary>
    public bool UseStructuredOutput { get; set; } = true;

    /// <summary>Retries of a model call after a transient error (HTTP 408/429/5xx, network errors, timeouts). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; it doubles on each retry. A <c>Retry-After</c> header takes precedence. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries, also for <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one model call attempt (a timed-out attempt is retried). Default 60 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Allow this judge to grade outputs of its own model. Off by default: a judge whose model is one of
    /// <see cref="EvalOptions.SystemUnderTestModels"/> is refused (self-preference bias).
    /// </summary>
    public bool AllowSelfPreference { get; set; }

    /// <summary>
    /// Labelled examples shown to the judge before the item (few-shot), in an order shuffled per call with a
    /// seed from the row id, so position effects do not accumulate on one example.
    /// </summary>
    public IList<JudgeExample> Examples { get; } = new List<JudgeExample>();

    internal void Validate(string judge)
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"Judge '{judge}': MaxRetries must be 0 or more.");
        }

        if (RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, $"Judge '{judge}': RetryDelay must be non-negative and at most MaxRetryDelay ({MaxRetryDelay}).");
        }

        if (CallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CallTimeout), CallTimeout, $"Judge '{judge}': CallTimeout must be positive.");
        }
    }
}
