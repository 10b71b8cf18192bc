namespace EvalSpec.Judging;

/// <summary>One judge in an <c>evalspec.calibration.json</c> tier: its model, measured reliability and weight.</summary>
public sealed class CascadeCalibrationJudge
{
    /// <summary>The judge's name.</summary>
    public required string Name { get; init; }

    /// <summary>The judge's model id when it was calibrated (<see cref="IModelJudge.Model"/>), or null when it reported none; a different model at run time makes the calibration stale.</summary>
    public string? Model { get; init; }

    /// <summary>The judge's weight in its tier's confidence: the log-odds of its accuracy, 0 for a judge at or below chance (unless inversion was allowed).</summary>
    public double Weight { get; init; }

    /// <summary>Labelled items on which the judge cast at least one pass or fail vote.</summary>
    public int Items { get; init; }

    /// <summary>Its pass or fail votes (two per item for a pairwise judge, times the samples).</summary>
    public int Votes { get; init; }

    /// <summary>Its votes that agreed with the label.</summary>
    public int CorrectVotes { get; init; }

    /// <summary>CorrectVotes / Votes.</summary>
    public double Accuracy { get; init; }

    /// <summary>The lower end of the 95% Wilson interval of <see cref="Accuracy"/>.</summary>
    public double AccuracyLower { get; init; }

    /// <summary>The upper end of the 95% Wilson interval of <see cref="Accuracy"/>.</summary>
    public double AccuracyUpper { get; init; }

    /// <summary>For a pairwise judge: the share of items on which both presentation orders chose the same output; otherwise null.</summary>
    public double? PositionConsistency { get; init; }
}
