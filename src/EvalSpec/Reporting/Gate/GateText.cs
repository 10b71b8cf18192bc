using System;
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
        if (result.Refusal is { } refusal)
        {
            return "Gate REFUSED: " + refusal;
        }

        if (result.Sample is { } sample)
        {
            string estimated = Estimate(sample);
            return result.Passed
                ? $"Gate passed: the sampled run's pass rate is not meaningfully below the baseline's ({estimated})."
                : $"Gate FAILED: {result.Regressions.Count} regression(s): the sampled run's pass rate is below the baseline's ({estimated}).";
        }

        PairedComparison all = result.Overall;
        string compared = string.Create(CultureInfo.InvariantCulture, $"{all.Pairs} paired row(s), {all.B} stopped passing, {all.C} started passing");
        if (result.Passed)
        {
            return $"Gate passed: no statistically meaningful regression against the baseline ({compared}).";
        }

        string what = string.Join(", ", result.Regressions.Select(r => $"{r.Scope} ({(r.Kind == GateRegressionKind.PassRate ? "pass rate" : "score")})"));
        return $"Gate FAILED: {result.Regressions.Count} regression(s): {what} ({compared}).";
    }

    /// <summary>
    /// The headline of a run's own report (report.md, report.html, the GitHub step summary, the console line at the end
    /// of <c>dotnet test</c>), which compares every run with the baseline under the default options. A run of part of
    /// the suite — <c>dotnet test --filter</c> on a developer's machine — is normal there: it is "not gated", said
    /// calmly with what would gate it, rather than "refused" like a failure or "passed" like a verdict.
    /// <c>evalspec gate</c> uses <see cref="Headline"/> and still refuses it (exit code 3).
    /// </summary>
    public static string ReportHeadline(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.RefusedAsPartial ? "Baseline: " + NotGated(result.Coverage) : Headline(result);
    }

    /// <summary>"not gated: partial run (12 of 66 baseline rows). ..." with what would gate the run.</summary>
    private static string NotGated(GateCoverage coverage)
    {
        string others = string.Create(CultureInfo.InvariantCulture, $"{(coverage.AtMost ? "at least " : string.Empty)}{coverage.MissingRows}");
        string why = coverage.UnsampledStrata > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The sample left {coverage.UnsampledStrata} of {coverage.Strata} strata unsampled: its estimate says nothing about {others} baseline row(s). Raise EVALSPEC_SAMPLE to at least {coverage.Strata}, or compare the estimate with the sampled strata only with `evalspec gate --allow-partial`")
            : coverage.Sampled
            ? $"The sample was drawn from part of the suite: {others} baseline row(s) are outside the rows it stands for. Sample the whole suite to compare it with the baseline, or compare the estimate with these rows only with `evalspec gate --allow-partial`"
            : $"{others} baseline row(s) are not in this run (e.g. left out by `dotnet test --filter`). Run the whole suite to compare it with the baseline, or gate only these rows with `evalspec gate --allow-partial`";
        return $"not gated: partial run ({coverage.Describe()}). {why} (without it, `evalspec gate` refuses this run with exit code 3).";
    }

    /// <summary>What regressed, with the numbers behind the decision.</summary>
    public static string Describe(GateRegression regression, GateOptions options)
    {
        if (regression.Kind == GateRegressionKind.SampledPassRate && regression.Sample is { } sample)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Pass-rate regression of the sampled run: {Estimate(sample)}; the whole interval is below the baseline pass rate{(options.MinDrop > 0 ? $" minus {options.MinDrop}" : string.Empty)}.");
        }

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

    /// <summary>A sampled run's estimate with its interval, and the baseline pass rate it is compared with.</summary>
    public static string Estimate(SampleComparison sample) => string.Create(
        CultureInfo.InvariantCulture,
        $"estimated {ReportFormat.Rate(sample.Estimate)} [{ReportFormat.Rate(sample.Lower)}, {ReportFormat.Rate(sample.Upper)}] ({ReportFormat.Confidence(sample.Confidence)}) from a sample of {sample.Selected} of {sample.Population} rows, baseline {ReportFormat.Rate(sample.BaselinePassRate)} over {sample.BaselineRows} rows");

    /// <summary>A flipped row: its display name, row id and both outcomes.</summary>
    public static string Row(PairedRow row) =>
        $"{row.DisplayName}: {Lower(row.Baseline)} -> {Lower(row.Run)} ({row.RowId})";

    private static string Lower(Judging.VerdictOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
