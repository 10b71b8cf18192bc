namespace EvalSpec.Reporting.Reports;

/// <summary>One eval method in one run of a report's history.</summary>
/// <param name="MethodId">The method id.</param>
/// <param name="Judged">Judged rows (not-applicable relation rows left out).</param>
/// <param name="Pass">Rows that passed.</param>
/// <param name="MeanLatencyMs">The mean row latency over the judged rows that record one.</param>
/// <param name="MedianLatencyMs">The median row latency over the same rows.</param>
/// <param name="InputTokens">Judge input tokens of the method's rows.</param>
/// <param name="OutputTokens">Judge output tokens of the method's rows.</param>
/// <param name="Cost">Judge cost in US dollars of the priced verdicts, or null when the price table prices none (or there is no table).</param>
internal sealed record MethodHistoryPoint(string MethodId, int Judged, int Pass, double? MeanLatencyMs, double? MedianLatencyMs, long InputTokens, long OutputTokens, double? Cost)
{
    /// <summary>Pass / judged: an inconclusive row counts as not passing (as in the report's method table).</summary>
    public double? PassRate => Judged == 0 ? null : (double)Pass / Judged;
}
