using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Pass rate, judge cost and latency per eval method over the last runs in a run's results folder
/// (<c>evalspec report --history n</c>), oldest first, ending with the run the report is about.
/// </summary>
/// <param name="Requested">How many runs were asked for (this one included).</param>
/// <param name="Runs">The runs found, oldest first.</param>
/// <param name="Notes">Runs that could not be read, and why.</param>
internal sealed record RunHistory(int Requested, IReadOnlyList<RunHistoryPoint> Runs, IReadOnlyList<string> Notes)
{
    /// <summary>One run's point: per method, counted the way the report's method table counts.</summary>
    public static RunHistoryPoint Point(RunData run, bool current, PriceTable? prices)
    {
        ArgumentNullException.ThrowIfNull(run);
        MethodHistoryPoint[] methods = run.JudgedRows
            .GroupBy(r => r.MethodId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                RunRow[] rows = g.ToArray();
                double[] latencies = rows.Select(r => r.Details?.LatencyMs).OfType<double>().Order().ToArray();
                RunVerdict[] verdicts = rows.SelectMany(r => r.Checks).SelectMany(c => c.Verdicts).ToArray();
                double[] costs = prices is null
                    ? Array.Empty<double>()
                    : verdicts.Select(v => prices.PriceOf(v.Judge, v.Model)?.Cost(v.InputTokens, v.OutputTokens)).OfType<double>().ToArray();
                return new MethodHistoryPoint(
                    g.Key,
                    rows.Length,
                    rows.Count(r => r.Outcome == VerdictOutcome.Pass),
                    latencies.Length == 0 ? null : latencies.Average(),
                    latencies.Length == 0 ? null : Median(latencies),
                    verdicts.Sum(v => v.InputTokens),
                    verdicts.Sum(v => v.OutputTokens),
                    costs.Length == 0 ? null : costs.Sum());
            })
            .ToArray();
        DateTimeOffset? finished = run.Summary?.FinishedAt ?? WrittenAt(run.Directory);
        return new RunHistoryPoint(run.RunId, finished, current, methods);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static DateTimeOffset? WrittenAt(string directory)
    {
        string results = System.IO.Path.Combine(directory, RunResultsReader.FileName);
        return System.IO.File.Exists(results) ? new DateTimeOffset(System.IO.File.GetLastWriteTimeUtc(results), TimeSpan.Zero) : null;
    }
}
