using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>One cascade tier in a <see cref="ReviewItem"/>.</summary>
public sealed class ReviewTier
{
    /// <summary>The tier's name.</summary>
    public required string Name { get; init; }

    /// <summary>The tier's judges and their model ids (a calibration records them, to tell when it is stale).</summary>
    public required IReadOnlyList<ReviewJudge> Judges { get; init; }

    /// <summary>Every vote of the tier on the row (per judge, presentation order and sample).</summary>
    public required IReadOnlyList<CascadeVote> Votes { get; init; }

    /// <summary>The tier's confidence on the row.</summary>
    public double Confidence { get; init; }

    /// <summary>Whether the tier decided the row.</summary>
    public bool Decided { get; init; }
}
