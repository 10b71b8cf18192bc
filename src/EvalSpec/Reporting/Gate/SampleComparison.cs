namespace EvalSpec.Reporting.Gate;

/// <summary>
/// A sampled run (EVALSPEC_SAMPLE) compared with the baseline: the run's stratified estimate of its pass rate and its
/// interval against the pass rate the baseline records for the rows the sample stands for. Rows are not paired: a sample
/// has too few.
/// </summary>
/// <param name="BaselinePassRate">Passing / recorded rows of the baseline, over the baseline rows of the population the sample was drawn from.</param>
/// <param name="BaselineRows">The baseline rows that rate is over.</param>
/// <param name="Estimate">The run's estimated pass rate (summary.json <c>sample.estimatedPassRate</c>).</param>
/// <param name="Lower">The lower end of the interval.</param>
/// <param name="Upper">The upper end of the interval.</param>
/// <param name="Confidence">The interval's two-sided confidence, 1 - alpha (0.95 when the summary had no standard error).</param>
/// <param name="Selected">Rows in the sample.</param>
/// <param name="Population">Rows the sample stands for.</param>
/// <param name="Regression">The whole interval lies below the baseline pass rate minus the minimum drop.</param>
internal sealed record SampleComparison(
    double BaselinePassRate,
    int BaselineRows,
    double Estimate,
    double Lower,
    double Upper,
    double Confidence,
    int Selected,
    int Population,
    bool Regression);
