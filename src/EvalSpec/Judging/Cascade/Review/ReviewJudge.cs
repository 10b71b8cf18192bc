namespace EvalSpec.Judging;

/// <summary>One judge of a <see cref="ReviewTier"/>: its model id and what it said.</summary>
public sealed class ReviewJudge
{
    /// <summary>The judge's name.</summary>
    public required string Name { get; init; }

    /// <summary>The judge's model id (<see cref="IModelJudge.Model"/>), or null when it reports none.</summary>
    public string? Model { get; init; }

    /// <summary>Its verdicts on the row (one per sample), with their rationales.</summary>
    public required System.Collections.Generic.IReadOnlyList<ReviewVerdict> Verdicts { get; init; }
}
