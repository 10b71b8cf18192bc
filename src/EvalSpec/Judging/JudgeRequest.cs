namespace EvalSpec.Judging;

/// <summary>What a judge is asked to decide on.</summary>
public sealed class JudgeRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="output">The output to judge.</param>
    public JudgeRequest(string output)
    {
        Output = output ?? string.Empty;
    }

    /// <summary>The output to judge, as text.</summary>
    public string Output { get; }

    /// <summary>The prompt that produced <see cref="Output"/>, if known.</summary>
    public string? Input { get; init; }

    /// <summary>
    /// For an agent row (the eval method returned a <c>ChatResponse</c> or a list of <c>ChatMessage</c>s): the run's tool
    /// calls, steps and messages; <see cref="Output"/> is then its final answer. <see langword="null"/> for other rows.
    /// </summary>
    public Agents.AgentTrajectory? Trajectory { get; init; }

    /// <summary>The expected answer, if the case declares one.</summary>
    public string? Expected { get; init; }

    /// <summary>What a good output does (the eval's rubric), if given.</summary>
    public string? Rubric { get; init; }

    /// <summary>
    /// Another output to compare with: for a relation row, the source output that the follow-up output
    /// (<see cref="Output"/>) is checked against.
    /// </summary>
    public string? ReferenceOutput { get; init; }

    /// <summary>The pass threshold in [0, 1] for score-based judges.</summary>
    public double Threshold { get; init; } = EvalDefaults.Threshold;

    /// <summary>
    /// The passages the output should be grounded in (retrieved documents, tool results), if the eval method gave any
    /// (<see cref="EvalInput.AddContext(string[])"/>). Read by <see cref="GroundednessJudge"/>,
    /// <see cref="ContextPrecisionJudge"/> and <see cref="ContextRecallJudge"/>.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<string>? Context { get; init; }

    /// <summary>The stable id of the row being judged, if any (for seeding and logs).</summary>
    public string? RowId { get; init; }
}
