using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace EvalSpec.Judging;

/// <summary>What a <see cref="JudgeEvaluator"/> passes to its judges besides the conversation and response.</summary>
public sealed class JudgeEvaluatorContext : EvaluationContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="rubric">What a good response does.</param>
    /// <param name="expected">The expected answer.</param>
    /// <param name="referenceOutput">An output to compare with (pairwise and equivalence judges).</param>
    public JudgeEvaluatorContext(string? rubric = null, string? expected = null, string? referenceOutput = null)
        : base("EvalSpec judge context", new TextContent($"rubric: {rubric}\nexpected: {expected}\nreference output: {referenceOutput}"))
    {
        Rubric = rubric;
        Expected = expected;
        ReferenceOutput = referenceOutput;
    }

    /// <summary>What a good response does.</summary>
    public string? Rubric { get; }

    /// <summary>The expected answer.</summary>
    public string? Expected { get; }

    /// <summary>An output to compare with.</summary>
    public string? ReferenceOutput { get; }

    /// <summary>The pass threshold for score-based judges; default 0.5.</summary>
    public double? Threshold { get; init; }
}
