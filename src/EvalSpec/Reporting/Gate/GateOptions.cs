using System;
using System.Globalization;

namespace EvalSpec.Reporting.Gate;

/// <summary>The thresholds of the regression gate.</summary>
internal sealed record GateOptions
{
    /// <summary>Significance level of the McNemar tests; the score intervals have confidence 1 - alpha.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>A significant pass-rate drop fails only when it is at least this large (pass-rate points in [0, 1]).</summary>
    public double MinDrop { get; init; }

    /// <summary>
    /// A score regression needs the whole interval of the mean score change below minus this value: a drop that is
    /// certain but smaller than this is noise of no consequence (judges that score 1-5 move a row by 0.25).
    /// </summary>
    public double MinScoreDrop { get; init; } = 0.02;

    /// <summary>Bootstrap resamples of the mean score change.</summary>
    public int Resamples { get; init; } = 10_000;

    /// <summary>Fewer paired scores than this are reported but never judged a regression (a percentile bootstrap of a handful of rows is not an interval).</summary>
    public int MinScorePairs { get; init; } = 10;

    public GateCorrection Correction { get; init; } = GateCorrection.Holm;

    /// <summary>
    /// Gate a run that has fewer rows than the baseline on the rows it has (<c>--allow-partial</c>). Without it such a
    /// run is refused: a filtered run that passes says nothing about the rows it left out.
    /// </summary>
    public bool AllowPartial { get; init; }

    /// <summary>The first problem with these options, or null when they are valid.</summary>
    public string? Validate()
    {
        if (!(Alpha > 0 && Alpha < 1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"alpha must be between 0 and 1 (exclusive), got {Alpha}");
        }

        if (!(MinDrop >= 0 && MinDrop <= 1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the minimum pass-rate drop must be between 0 and 1, got {MinDrop}");
        }

        if (!(MinScoreDrop >= 0 && MinScoreDrop <= 1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the minimum score drop must be between 0 and 1, got {MinScoreDrop}");
        }

        if (Resamples is < 1000 or > 1_000_000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"resamples must be between 1000 and 1000000, got {Resamples}");
        }

        return MinScorePairs < 2 ? string.Create(CultureInfo.InvariantCulture, $"the minimum number of score pairs must be at least 2, got {MinScorePairs}") : null;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    public void EnsureValid()
    {
        if (Validate() is { } problem)
        {
            throw new ArgumentException("Invalid gate options: " + problem + ".");
        }
    }
}
