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
        string fixedRows = statistics.FixedSinceBaselineCount == 0 ? string.Empty : $"\n  {statistics.FixedSinceBaselineCount} row(s) recorded as failing in the baseline now pass: record it again with EVALSPEC_BASELINE=update.";
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"EvalSpec run {run.RunId}: {pass + fail + inconclusive} rows, {pass} passed, {fail} failed{known}, {inconclusive} inconclusive; {statistics.SystemUnderTestCalls} eval method calls, at most {run.Options.MaxConcurrency} at once, {statistics.WallTime.TotalSeconds:0.0} s.{fixedRows}\n  Results: {run.RunDirectory}");
    }

    private static object Totals(IEnumerable<int[]> counts)
    {
        int[][] all = counts.ToArray();
        int pass = all.Sum(c => c[0]);
        int fail = all.Sum(c => c[1]);
        int inconclusive = all.Sum(c => c[2]);
        return new { total = pass + fail + inconclusive, pass, fail, inconclusive };
    }
}
