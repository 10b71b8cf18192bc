using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Reads the runs before a run in its results folder (<c>TestResults/evalspec/</c>): for the report's history, and for
/// the baseline's side of rows that changed, the output those rows had in an earlier run where their outcome was the one
/// the baseline records. Each earlier run is read once and let go before the next, so a long history of large runs
/// never sits in memory at once.
/// </summary>
internal static class EarlierRuns
{
    /// <summary>How many earlier runs are searched for the baseline's outputs of changed rows when no longer history is asked for.</summary>
    public const int SearchedForChanges = 3;

    /// <summary>The run folders before <paramref name="run"/> in its results folder, newest first.</summary>
    public static IReadOnlyList<string> Before(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string current = Path.GetFullPath(run.Directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string? parent = Path.GetDirectoryName(current);
        if (parent is null)
        {
            return Array.Empty<string>();
        }

        IReadOnlyList<string> all = RunFolders.List(parent);
        int index = all.ToList().FindIndex(f => string.Equals(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar), current, StringComparison.Ordinal));

        // A merged run's own shards (evalspec merge writes beside them by default) are parts of it, not earlier runs: the
        // gate's spend and the report's history would otherwise compare the run with a fraction of itself.
        var ownShards = new HashSet<string>(StringComparer.Ordinal);
        foreach (RunSummaryFile.MergedShard shard in run.Summary?.Merge?.Shards ?? [])
        {
            if (shard.Folder is { Length: > 0 } folder)
            {
                ownShards.Add(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            }

            if (shard.RunId is { Length: > 0 } runId)
            {
                ownShards.Add(Path.Combine(parent, runId));
            }
        }

        return index < 0
            ? Array.Empty<string>()
            : all.Skip(index + 1).Where(f => !ownShards.Contains(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))).ToArray();
    }

    /// <summary>
    /// The history of <paramref name="history"/> runs (this one included; null for 0) and the earlier outputs of the
    /// changed rows, found in the earlier runs the history reads or, without one, in up to <see cref="SearchedForChanges"/>.
    /// </summary>
    public static (RunHistory? History, IReadOnlyDictionary<string, EarlierOutput> Outputs) Scan(
        RunData run, int history, IReadOnlyDictionary<string, RowChange> changes, Baseline? baseline, PriceTable? prices)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(changes);
        var wanted = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        foreach (RunRow row in run.Rows)
        {
            if (changes.TryGetValue(row.RowId, out RowChange change) && change != RowChange.New && RowChanges.Recorded(row, baseline) is { } entry)
            {
                wanted[row.RowId] = entry;
            }
        }

        var outputs = new Dictionary<string, EarlierOutput>(StringComparer.Ordinal);
        int toRead = Math.Max(history - 1, wanted.Count > 0 ? SearchedForChanges : 0);
        if (toRead == 0)
        {
            return (history > 0 ? new RunHistory(history, new[] { RunHistory.Point(run, current: true, prices) }, Array.Empty<string>()) : null, outputs);
        }

        var points = new List<RunHistoryPoint>();
        var notes = new List<string>();
        IReadOnlyList<string> folders = Before(run);
        for (int i = 0; i < Math.Min(toRead, folders.Count); i++)
        {
            bool forHistory = i < history - 1;
            if (!forHistory && outputs.Count == wanted.Count)
            {
                break;
            }

            string folder = folders[i];
            RunData earlier;
            try
            {
                earlier = RunData.Load(folder);
            }
            catch (RunDataException ex)
            {
                notes.Add($"{Path.GetFileName(folder)} left out: {ex.Message}");
                continue;
            }

            if (forHistory)
            {
                points.Add(RunHistory.Point(earlier, current: false, prices));
            }

            Harvest(earlier, wanted, outputs);
        }

        points.Reverse();
        points.Add(RunHistory.Point(run, current: true, prices));
        return (history > 0 ? new RunHistory(history, points, notes) : null, outputs);
    }

    /// <summary>Takes, for each wanted row not yet found, its output in <paramref name="earlier"/> when it had the recorded outcome there.</summary>
    private static void Harvest(RunData earlier, Dictionary<string, BaselineEntry> wanted, Dictionary<string, EarlierOutput> outputs)
    {
        foreach (RunRow row in earlier.Rows)
        {
            if (!row.IsJudged || outputs.ContainsKey(row.RowId) || !wanted.TryGetValue(row.RowId, out BaselineEntry? entry) || row.Outcome != entry.Outcome)
            {
                continue;
            }

            // A failure shown beside a regression must be the recorded one, not any failure of the row.
            bool sameEvidence = entry.Outcome == VerdictOutcome.Fail && entry.EvidenceHash is { } hash && row.FailureEvidence?.Hash == hash;
            if (entry.Outcome == VerdictOutcome.Fail && entry.EvidenceHash is not null && !sameEvidence)
            {
                continue;
            }

            outputs[row.RowId] = new EarlierOutput(earlier.RunId, entry.Outcome.ToString().ToLowerInvariant(), row.Details?.Output ?? row.OutputText, row.Details?.SourceOutput ?? row.SourceOutputText, sameEvidence);
        }
    }
}
