using System;

namespace EvalSpec.Judging;

/// <summary>
/// The aggregation rules that can be chosen by name (in configuration). Rules that need data — weights,
/// a fitted Dawid-Skene model — are <see cref="IVerdictAggregator"/> objects passed to <see cref="JudgePanel"/>.
/// </summary>
public enum PanelAggregation
{
    /// <summary>Max voting: <see cref="MajorityAggregator"/>.</summary>
    Majority = 0,

    /// <summary>Average pooling of scores against 0.5: <see cref="MeanScoreAggregator"/>.</summary>
    Mean = 1,

    /// <summary>Every deciding judge must pass: <see cref="UnanimityAggregator"/>.</summary>
    Unanimity = 2,
}

/// <summary>Creates the aggregator a <see cref="PanelAggregation"/> names.</summary>
public static class PanelAggregationExtensions
{
    /// <summary>The aggregator for <paramref name="aggregation"/>.</summary>
    /// <param name="aggregation">The rule.</param>
    /// <returns>The aggregator.</returns>
    public static IVerdictAggregator ToAggregator(this PanelAggregation aggregation) => aggregation switch
    {
        PanelAggregation.Majority => MajorityAggregator.Instance,
        PanelAggregation.Mean => new MeanScoreAggregator(),
        PanelAggregation.Unanimity => UnanimityAggregator.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
    };
}
