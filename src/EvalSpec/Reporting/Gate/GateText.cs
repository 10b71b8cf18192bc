using System.Globalization;
using System.Linq;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting.Gate;

/// <summary>The sentences the tool and the reports use to explain a gate result.</summary>
internal static class GateText
{
    /// <summary>One line: passed or failed, and on what.</summary>
    public static string Headline(GateResult result)
    {
        PairedComparison all = result.Overall;
        string compared = string.Create(CultureInfo.InvariantCulture, $"{all.Pairs} paired row(s), {all.B} stopped passing, {all.C} started passing");
        if (result.Passed)
        {
            return $"Gate passed: no statistically meaningful regression against the baseline ({compared}).";
        }

        string what = string.Join(", ", result.Regressions.Select(r => $"{r.Scope} ({(r.Kind == GateRegressionKind.PassRate ? "pass rate" : "score")})"));
        return $"Gate FAILED: {result.Regressions.Count} regression(s): {what} ({compared}).";
    }

    /// <summary>What regressed, with the numbers behind the decision.</summary>
    public static string Describe(GateRegression regression, GateOptions options)
    {
        PairedComparison c = regression.Comparison;
        string scope = regression.MethodId is null ? "all paired rows" : regression.MethodId;
        if (regression.Kind == GateRegressionKind.PassRate)
        {
            string adjusted = regression.MethodId is not null && options.Correction == GateCorrection.Holm
                ? $", Holm-adjusted {ReportFormat.PValue(c.AdjustedPValue)}"
                : string.Empty;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Pass-rate regression in {scope}: {ReportFormat.Rate(c.BaselinePassRate)} -> {ReportFormat.Rate(c.RunPassRate)} over {c.Pairs} paired rows; {c.B} stopped passing, {c.C} started (exact McNemar p = {ReportFormat.PValue(c.PValue)}{adjusted}; alpha {options.Alpha}).");
        }

        BootstrapInterval interval = c.ScoreChange!;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Score regression in {scope}: mean score {ReportFormat.Rate(c.BaselineMeanScore)} -> {ReportFormat.Rate(c.RunMeanScore)} over {c.ScorePairs} rows; change {ReportFormat.Interval(interval.Mean, interval.Lower, interval.Upper)} ({ReportFormat.Confidence(interval.Confidence)} paired bootstrap, {ReportFormat.Count(interval.Resamples)} resamples), entirely below -{options.MinScoreDrop}; sign-flip p = {ReportFormat.PValue(c.ScorePValue ?? 1)}.");
    }

    /// <summary>A flipped row: its display name, row id and both outcomes.</summary>
    public static string Row(PairedRow row) =>
        $"{row.DisplayName}: {Lower(row.Baseline)} -> {Lower(row.Run)} ({row.RowId})";

    private static string Lower(Judging.VerdictOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
