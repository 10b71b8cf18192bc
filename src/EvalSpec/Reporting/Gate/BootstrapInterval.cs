namespace EvalSpec.Reporting.Gate;

/// <summary>A percentile bootstrap interval for a mean.</summary>
/// <param name="Mean">The mean of the observed values.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="Confidence">Its confidence level, e.g. 0.95.</param>
/// <param name="Resamples">How many resamples it was built from.</param>
/// <param name="Count">How many values were resampled.</param>
internal sealed record BootstrapInterval(double Mean, double Lower, double Upper, double Confidence, int Resamples, int Count);
