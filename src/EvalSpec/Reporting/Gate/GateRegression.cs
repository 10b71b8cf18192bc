namespace EvalSpec.Reporting.Gate;

/// <summary>One regression the gate fails on.</summary>
/// <param name="MethodId">The eval method, or null for all paired rows.</param>
/// <param name="Kind">Pass rate, score, or a sampled run's estimated pass rate.</param>
/// <param name="Comparison">The comparison that regressed (for a sampled run, its paired rows, shown for information).</param>
internal sealed record GateRegression(string? MethodId, GateRegressionKind Kind, PairedComparison Comparison)
{
    /// <summary>For <see cref="GateRegressionKind.SampledPassRate"/>: the estimate and the baseline pass rate.</summary>
    public SampleComparison? Sample { get; init; }

    /// <summary>The scope as shown: the short method name, or "all rows".</summary>
    public string Scope => MethodId is null ? "all rows" : Reports.RowNames.ShortMethod(MethodId);
}
