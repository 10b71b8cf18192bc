namespace EvalSpec.Reporting;

/// <summary>How a run uses the committed baseline (<c>evalspec.baseline.json</c>).</summary>
public enum BaselineMode
{
    /// <summary>
    /// Rows that fail and are recorded as failing in the baseline are known failures: reported as skipped
    /// with the failure message, so they stay visible without blocking. Every other failure is red.
    /// </summary>
    Use = 0,

    /// <summary>Record this run's outcomes in the baseline (merged with rows this run did not execute). Refused on CI.</summary>
    Update = 1,

    /// <summary>Ignore the baseline: every failure is red.</summary>
    Ignore = 2,
}
