namespace EvalSpec.Reporting.Gate;

/// <summary>How much of the baseline a run covers.</summary>
/// <param name="BaselineRows">Rows the baseline records.</param>
/// <param name="CoveredRows">Of those, rows the run has (judged, or found not applicable).</param>
/// <param name="Sampled">The run judged a stratified sample (EVALSPEC_SAMPLE): it is gated on its estimate, not on coverage.</param>
internal sealed record GateCoverage(int BaselineRows, int CoveredRows, bool Sampled)
{
    /// <summary>Baseline rows the run does not have.</summary>
    public int MissingRows => BaselineRows - CoveredRows;

    /// <summary>The run has fewer rows than the baseline and is not a sample.</summary>
    public bool IsPartial => !Sampled && CoveredRows < BaselineRows;
}
