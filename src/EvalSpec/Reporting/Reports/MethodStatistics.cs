namespace EvalSpec.Reporting.Reports;

/// <summary>One eval method's rows in a run.</summary>
/// <param name="MethodId">The method id.</param>
/// <param name="Rows">Recorded rows, including not-applicable relation rows.</param>
/// <param name="Judged">Rows judged: all but the not-applicable ones.</param>
/// <param name="Pass">Judged rows that passed.</param>
/// <param name="Fail">Judged rows that failed (known failures included).</param>
/// <param name="Inconclusive">Judged rows that could not be decided.</param>
/// <param name="NotApplicable">Relation rows whose relation did not change the input.</param>
/// <param name="KnownFailures">Failed rows the baseline records as failing the same way.</param>
/// <param name="MeanScore">The mean row score over the judged rows with a score.</param>
internal sealed record MethodStatistics(string MethodId, int Rows, int Judged, int Pass, int Fail, int Inconclusive, int NotApplicable, int KnownFailures, double? MeanScore)
{
    /// <summary>Pass / judged: an inconclusive row counts as not passing.</summary>
    public double? PassRate => Judged == 0 ? null : (double)Pass / Judged;
}
