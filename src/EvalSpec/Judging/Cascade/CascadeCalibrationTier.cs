using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>One tier in an <c>evalspec.calibration.json</c>: its fitted threshold and what it did on the calibration items.</summary>
public sealed class CascadeCalibrationTier
{
    /// <summary>The tier's name (<see cref="CascadeTier.Name"/>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The confidence the tier needs to decide: the most permissive candidate certified by fixed-sequence testing; null when
    /// not even the strictest candidate was certified, so the tier never decides and always escalates.
    /// </summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// How many times each judge of the tier was asked per item (<see cref="CascadeTier.Samples"/>) in the labelled items the
    /// threshold was fitted on (format 2; null in a format 1 file, which did not record it). The tier's confidence is a share of
    /// its votes, so a threshold fitted on three samples means something else for one: a cascade whose tier asks another number
    /// of samples (or a file that does not say) keeps the thresholds but claims no guarantee.
    /// </summary>
    public int? Samples { get; init; }

    /// <summary>The risk the tier was tested at: the file's risk divided by the number of tiers (Bonferroni).</summary>
    public double TestedRisk { get; init; }

    /// <summary>Calibration items that reached the tier (not decided by an earlier one).</summary>
    public int ItemsReached { get; init; }

    /// <summary>Of those, how many it decided at <see cref="Threshold"/>.</summary>
    public int Decided { get; init; }

    /// <summary>Of those, how many it decided against the label.</summary>
    public int Errors { get; init; }

    /// <summary>The one-sided Clopper-Pearson upper bound of its error rate at <see cref="TestedRisk"/>; null when it decides nothing.</summary>
    public double? ErrorUpperBound { get; init; }

    /// <summary>The tier's judges.</summary>
    public required IReadOnlyList<CascadeCalibrationJudge> Judges { get; init; }
}
