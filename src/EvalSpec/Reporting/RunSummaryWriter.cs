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

    private static object Totals(IEnumerable<int[]> counts)
    {
        int[][] all = counts.ToArray();
        int pass = all.Sum(c => c[0]);
        int fail = all.Sum(c => c[1]);
        int inconclusive = all.Sum(c => c[2]);
        return new { total = pass + fail + inconclusive, pass, fail, inconclusive };
    }
}
