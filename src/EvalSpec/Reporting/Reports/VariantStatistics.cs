namespace EvalSpec.Reporting.Reports;

/// <summary>One prompt variant of an eval method: its identity rows (the wording alone, no relation applied).</summary>
/// <param name="MethodId">The method id.</param>
/// <param name="Variant">The variant key.</param>
/// <param name="Judged">Identity rows judged.</param>
/// <param name="Pass">Of those, rows that passed.</param>
/// <param name="Inconclusive">Of those, rows that could not be decided.</param>
/// <param name="MeanScore">The mean row score of those rows.</param>
internal sealed record VariantStatistics(string MethodId, string Variant, int Judged, int Pass, int Inconclusive, double? MeanScore)
{
    /// <summary>Pass / judged: an inconclusive row counts as not passing.</summary>
    public double? PassRate => Judged == 0 ? null : (double)Pass / Judged;
}
