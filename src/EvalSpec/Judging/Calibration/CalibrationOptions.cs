using System;

namespace EvalSpec.Judging;

/// <summary>How <see cref="JudgeCalibration"/> and cascade calibration treat labelled items.</summary>
public sealed class CalibrationOptions
{
    private readonly int _minimumItemsPerJudge = JudgeCalibration.DefaultMinimumItemsPerJudge;
    private readonly int _minimumDecided = CascadeCalibrator.DefaultMinimumDecided;

    /// <summary>
    /// The fewest labelled items on which each judge must have voted pass or fail; fewer is an error. Default
    /// <see cref="JudgeCalibration.DefaultMinimumItemsPerJudge"/> (30). At least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinimumItemsPerJudge
    {
        get => _minimumItemsPerJudge;
        init => _minimumItemsPerJudge = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumItemsPerJudge), value, "A calibration needs at least one labelled item per judge.");
    }

    /// <summary>
    /// Whether a judge at or below chance on the labelled items gets a negative weight (its votes counting for the opposite
    /// outcome). Default false: weight 0, and a warning. Inverting is right only while the judge stays wrong the same way:
    /// calibrated on one kind of data and used on another, an inverted panel rules against its own unanimous judges.
    /// </summary>
    public bool AllowInvertedJudges { get; init; }

    /// <summary>
    /// Cascade calibration: the fewest calibration items a candidate threshold must decide to be tested (default
    /// <see cref="CascadeCalibrator.DefaultMinimumDecided"/>, 30, as Jung et al. 2025). Testing starts at the strictest
    /// threshold and stops at the first that fails, so a strict threshold backed by three items would end the test before
    /// it began. At least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinimumDecided
    {
        get => _minimumDecided;
        init => _minimumDecided = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumDecided), value, "A threshold must decide at least one item to be tested.");
    }

    /// <summary>
    /// Cascade calibration: whether each judge's votes are weighted by its reliability (log-odds of its accuracy, 0 at or
    /// below chance) in its tier's confidence. Default true. False counts every judge's votes alike (the plain share of
    /// agreeing votes), as an uncalibrated cascade does.
    /// </summary>
    public bool WeighJudges { get; init; } = true;
}
