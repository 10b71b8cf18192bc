namespace EvalSpec.Reporting.Gate;

/// <summary>How the gate accounts for testing every eval method separately.</summary>
internal enum GateCorrection
{
    /// <summary>
    /// Per-method McNemar p-values are Holm-adjusted over the methods with flipped rows, and per-method score intervals
    /// widen to 1 - alpha / m (Bonferroni) over the methods with enough paired scores, so a suite of many methods does
    /// not fail by chance more often than one of a few.
    /// </summary>
    Holm = 0,

    /// <summary>Every method is tested at alpha on its own.</summary>
    None = 1,
}
