namespace EvalSpec.Reporting.Gate;

/// <summary>One regression the gate fails on.</summary>
/// <param name="MethodId">The eval method, or null for all paired rows.</param>
/// <param name="Kind">Pass rate or score.</param>
/// <param name="Comparison">The comparison that regressed.</param>
internal sealed record GateRegression(string? MethodId, GateRegressionKind Kind, PairedComparison Comparison)
{
    /// <summary>The scope as shown: the short method name, or "all rows".</summary>
    public string Scope => MethodId is null ? "all rows" : Reports.RowNames.ShortMethod(MethodId);
}
