namespace EvalSpec.Reporting.Gate;

/// <summary>An eval method's metrics in the baseline and in the run (informational: the gate never fails on them).</summary>
/// <param name="MethodId">The method id.</param>
/// <param name="BaselinePassRate">Pass rate over the recorded rows.</param>
/// <param name="RunPassRate">Pass rate over the run's judged rows.</param>
/// <param name="BaselineCps">Recorded CPS (multi-prompt).</param>
/// <param name="RunCps">CPS in the run.</param>
/// <param name="BaselineAttackSuccessRate">Recorded attack success rate over the relation rows.</param>
/// <param name="RunAttackSuccessRate">Attack success rate in the run.</param>
/// <param name="BaselineWeightedAttackSuccessRate">Recorded similarity-weighted attack success rate.</param>
/// <param name="RunWeightedAttackSuccessRate">Similarity-weighted attack success rate in the run.</param>
internal sealed record MethodMetricChange(
    string MethodId,
    double? BaselinePassRate,
    double? RunPassRate,
    double? BaselineCps,
    double? RunCps,
    double? BaselineAttackSuccessRate,
    double? RunAttackSuccessRate,
    double? BaselineWeightedAttackSuccessRate,
    double? RunWeightedAttackSuccessRate)
{
    /// <summary>Whether any metric moved by at least 0.0005 (or appeared or disappeared).</summary>
    public bool HasChanged =>
        !Same(BaselinePassRate, RunPassRate) || !Same(BaselineCps, RunCps)
        || !Same(BaselineAttackSuccessRate, RunAttackSuccessRate) || !Same(BaselineWeightedAttackSuccessRate, RunWeightedAttackSuccessRate);

    /// <summary>Whether two recorded values are the same to the three decimals reports show.</summary>
    public static bool Same(double? a, double? b) => a is null ? b is null : b is not null && System.Math.Abs(a.Value - b.Value) < 0.0005;
}
