using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting;

/// <summary>One agent row's trajectory figures, read from its <c>trajectory</c> in <c>results.jsonl</c>.</summary>
internal sealed record RowTrajectory(int Steps, int ToolCalls, int FailedCalls, int RepeatedCalls)
{
    /// <summary>The figures of a results line, or null when the row is not an agent row.</summary>
    public static RowTrajectory? Read(JsonElement row)
    {
        if (!row.TryGetProperty("trajectory", out JsonElement trajectory) || trajectory.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        int steps = trajectory.TryGetProperty("steps", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out int n) ? n : 0;
        JsonElement[] calls = trajectory.TryGetProperty("toolCalls", out JsonElement c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToArray()
            : [];
        int failed = calls.Count(e => e.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.String);

        // Arguments are canonical JSON in the results, so equal calls have equal raw text.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int repeated = calls.Count(e => !seen.Add(
            (e.TryGetProperty("name", out JsonElement name) ? name.GetRawText() : string.Empty) + "\n" + (e.TryGetProperty("arguments", out JsonElement arguments) ? arguments.GetRawText() : string.Empty)));
        return new RowTrajectory(steps, calls.Length, failed, repeated);
    }
}

/// <summary>Trajectory metrics of one method's agent rows: calls per row, failed and repeated calls, steps.</summary>
internal sealed record TrajectoryMetrics(string Method, int Rows, int ToolCalls, int MaxCallsPerRow, int FailedCalls, int RepeatedCalls, int Steps)
{
    public double CallsPerRow => Rows == 0 ? 0 : Math.Round((double)ToolCalls / Rows, 2);

    public double StepsPerRow => Rows == 0 ? 0 : Math.Round((double)Steps / Rows, 2);

    /// <summary>Per method (ordinal order), over the rows that have a trajectory; empty when none has.</summary>
    public static IReadOnlyList<TrajectoryMetrics> Compute(IEnumerable<RunRow> rows) =>
        rows.Where(r => r.Trajectory is not null)
            .GroupBy(r => r.MethodId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TrajectoryMetrics(
                g.Key,
                g.Count(),
                g.Sum(r => r.Trajectory!.ToolCalls),
                g.Max(r => r.Trajectory!.ToolCalls),
                g.Sum(r => r.Trajectory!.FailedCalls),
                g.Sum(r => r.Trajectory!.RepeatedCalls),
                g.Sum(r => r.Trajectory!.Steps)))
            .ToArray();

    /// <summary>The console line: <c>Agent rows: 2, 3 tool call(s) (1.5 per row, at most 2), 0 failed, 0 repeated; 2.5 steps per row</c>.</summary>
    public static string? Describe(IReadOnlyList<TrajectoryMetrics> metrics)
    {
        if (metrics.Count == 0)
        {
            return null;
        }

        int rows = metrics.Sum(m => m.Rows);
        int calls = metrics.Sum(m => m.ToolCalls);
        var all = new TrajectoryMetrics("all", rows, calls, metrics.Max(m => m.MaxCallsPerRow), metrics.Sum(m => m.FailedCalls), metrics.Sum(m => m.RepeatedCalls), metrics.Sum(m => m.Steps));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Agent rows: {rows}, {calls} tool call(s) ({all.CallsPerRow} per row, at most {all.MaxCallsPerRow}), {all.FailedCalls} failed, {all.RepeatedCalls} repeated; {all.StepsPerRow} steps per row");
    }

    /// <summary>The rows of a finished run's results, or none when they cannot be read (the summary still gets written).</summary>
    public static IReadOnlyList<TrajectoryMetrics> FromResults(string resultsPath)
    {
        try
        {
            return Compute(RunResultsReader.Read(resultsPath));
        }
        catch (RunDataException)
        {
            return [];
        }
    }
}
