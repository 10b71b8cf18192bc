namespace EvalSpec.Reporting.Reports;

/// <summary>A model's price in US dollars per million input and output tokens.</summary>
/// <param name="InputPerMillion">USD per million input (prompt) tokens.</param>
/// <param name="OutputPerMillion">USD per million output (completion) tokens.</param>
internal sealed record ModelPrice(double InputPerMillion, double OutputPerMillion)
{
    public double Cost(long inputTokens, long outputTokens) => ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000;
}
