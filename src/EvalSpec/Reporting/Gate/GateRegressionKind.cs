namespace EvalSpec.Reporting.Gate;

/// <summary>What regressed.</summary>
internal enum GateRegressionKind
{
    /// <summary>Significantly more rows stopped passing than started (exact McNemar test).</summary>
    PassRate = 0,

    /// <summary>The whole bootstrap interval of the mean score change is below minus the minimum score drop.</summary>
    Score = 1,

    /// <summary>A sampled run: the whole interval of its estimated pass rate is below the baseline pass rate minus the minimum drop.</summary>
    SampledPassRate = 2,
}
