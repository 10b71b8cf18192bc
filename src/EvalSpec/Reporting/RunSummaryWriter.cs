using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvalSpec.Execution;

namespace EvalSpec.Reporting;

/// <summary>Writes <c>summary.json</c> at the end of a run: row counts per method, wall time, concurrency.</summary>
internal static class RunSummaryWriter
{
    public static void Write(string path, EvalRun run)
    {
        EvalRun.RunStatistics statistics = run.Statistics;
        IReadOnlyDictionary<string, int[]> byMethod = statistics.ByMethod;
        var summary = new
        {
            runId = run.RunId,
            finishedAt = DateTimeOffset.UtcNow,
            maxConcurrency = run.Options.MaxConcurrency,
            wallTimeMs = Math.Round(statistics.WallTime.TotalMilliseconds, 1),
            systemUnderTestCalls = statistics.SystemUnderTestCalls,
            rows = Totals(byMethod.Values),
            baseline = new
            {
                path = run.Baseline.Exists || run.Options.Baseline == BaselineMode.Update ? run.Baseline.Path : null,
                mode = run.Options.Baseline,
                knownFailures = statistics.KnownFailures,
                fixedSinceBaseline = statistics.FixedSinceBaselineCount,
            },
            methods = byMethod.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Totals(new[] { p.Value })),
            judges = run.Judges.Judges.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
            panels = run.Judges.Panels.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
                p => p.Key,
                p => new
                {
                    judgements = p.Value.Judgements.Count,
                    judgesAsked = p.Value.JudgesAsked,
                    judgesSkipped = p.Value.JudgesSkipped,
                    agreement = PanelAgreementSummary(p.Value.Judgements),
                }),
            pairwise = PairwiseBias(run.Judges.Pairwise),
        };

        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(summary, ResultsJson.Indented));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A few lines for the console: counts, known failures, and where the results are.</summary>
    public static string Describe(EvalRun run)
    {
        EvalRun.RunStatistics statistics = run.Statistics;
        int[][] all = statistics.ByMethod.Values.ToArray();
        int pass = all.Sum(c => c[0]);
        int fail = all.Sum(c => c[1]);
        int inconclusive = all.Sum(c => c[2]);
        string known = statistics.KnownFailures == 0 ? string.Empty : $" ({statistics.KnownFailures} known from the baseline, reported as skipped)";
        int errored = run.Judges.Judges.Values.Sum(j => j.Errored);
        string judgeErrors = errored == 0 ? string.Empty : $"\n  {errored} judge verdict(s) errored: " + string.Join(", ", run.Judges.Judges.Where(j => j.Value.Errored > 0).Select(j => $"{j.Key} {j.Value.Errored}"));
        string fixedRows = statistics.FixedSinceBaselineCount == 0 ? string.Empty : $"\n  {statistics.FixedSinceBaselineCount} row(s) recorded as failing in the baseline now pass: record it again with EVALSPEC_BASELINE=update.";
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"EvalSpec run {run.RunId}: {pass + fail + inconclusive} rows, {pass} passed, {fail} failed{known}, {inconclusive} inconclusive; {statistics.SystemUnderTestCalls} eval method calls, at most {run.Options.MaxConcurrency} at once, {statistics.WallTime.TotalSeconds:0.0} s.{judgeErrors}{fixedRows}\n  Results: {run.RunDirectory}");
    }

    /// <summary>
    /// Position and verbosity bias of pairwise judges (MT-Bench): how often both orders agreed, and how often a
    /// readable choice went to the output shown first, or to the longer output.
    /// </summary>
    internal static object? PairwiseBias(IReadOnlyList<Judging.PairwiseComparison> comparisons)
    {
        if (comparisons.Count == 0)
        {
            return null;
        }

        int readable = comparisons.Sum(c => c.ReadableOrders);
        int withLength = comparisons.Where(c => c.ChoseLonger is not null).Sum(c => c.ReadableOrders);
        return new
        {
            comparisons = comparisons.Count,
            positionConsistency = Ratio(comparisons.Count(c => c.IsConsistent), comparisons.Count),
            preferredFirstShown = Ratio(comparisons.Sum(c => c.ChoseFirstShown), readable),
            preferredLonger = Ratio(comparisons.Sum(c => c.ChoseLonger ?? 0), withLength),
        };
    }

    /// <summary>Cohen's kappa per judge pair, Fleiss' kappa and Krippendorff's alpha, for panels of two or more judges.</summary>
    private static object? PanelAgreementSummary(IReadOnlyList<IReadOnlyList<Judging.Verdict>> judgements)
    {
        if (judgements.All(j => j.Count < 2))
        {
            return null;
        }

        var agreement = Judging.PanelAgreement.Compute(judgements);
        return new
        {
            items = agreement.Items,
            fleissKappa = Round(agreement.FleissKappa.Value),
            fleissItemsUsed = agreement.FleissKappa.ItemsUsed,
            krippendorffAlpha = Round(agreement.KrippendorffAlpha.Value),
            krippendorffItemsUsed = agreement.KrippendorffAlpha.ItemsUsed,
            pairs = agreement.Pairs.Select(p => new
            {
                judges = p.FirstJudge + " / " + p.SecondJudge,
                cohensKappa = Round(p.CohensKappa),
                observedAgreement = Round(p.ObservedAgreement),
                itemsUsed = p.ItemsUsed,
            }),
        };
    }

    private static double? Round(double? value) => value is double v ? Math.Round(v, 4) : null;

    private static double? Ratio(int count, int total) => total == 0 ? null : Math.Round((double)count / total, 4);

    private static object Totals(IEnumerable<int[]> counts)
    {
        int[][] all = counts.ToArray();
        int pass = all.Sum(c => c[0]);
        int fail = all.Sum(c => c[1]);
        int inconclusive = all.Sum(c => c[2]);
        return new { total = pass + fail + inconclusive, pass, fail, inconclusive };
    }
}
