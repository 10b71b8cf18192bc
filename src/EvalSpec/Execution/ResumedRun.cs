using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Persistence;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Execution;

/// <summary>
/// A run resumed with <see cref="EvalOptions.Resume"/> (<c>EVALSPEC_RESUME=&lt;run-id&gt;</c>): the rows its folder already
/// holds with a decided outcome (pass, fail — a row timeout included —, not applicable) are taken over; the others
/// (inconclusive — cut short by a cancelled run, judges that errored or could not decide —, missing, or on the line a
/// crash tore) run again and are appended to the same results.jsonl, so the folder then holds one run.
/// </summary>
internal sealed class ResumedRun
{
    private readonly Dictionary<string, TakenOverRow> _rows;

    private ResumedRun(string runId, Dictionary<string, TakenOverRow> rows, IReadOnlyList<TakenOverCalls> calls, int dropped, int tornLines)
    {
        RunId = runId;
        _rows = rows;
        Calls = calls;
        Attempt = (rows.Count == 0 ? 0 : rows.Values.Max(r => r.Attempt)) + 1;
        Dropped = dropped;
        TornLines = tornLines;
    }

    /// <summary>The run id resumed.</summary>
    public string RunId { get; }

    /// <summary>Which resume of the run this is (written in its rows' lines as <c>attempt</c>): one more than the lines taken over say.</summary>
    public int Attempt { get; }

    /// <summary>The rows taken over, by row id.</summary>
    public IReadOnlyCollection<TakenOverRow> Rows => _rows.Values;

    /// <summary>
    /// The model and eval method calls of the rows taken over, as the run counts them: each row's own, and each source run's
    /// once (<see cref="CountCalls"/>).
    /// </summary>
    public IReadOnlyList<TakenOverCalls> Calls { get; }

    /// <summary>Lines of rows without a decided outcome, or of rows the test assembly no longer has: removed, their rows run again (or not at all).</summary>
    public int Dropped { get; }

    /// <summary>1 when the last line of results.jsonl was torn by a crash mid-write (its row runs again), else 0.</summary>
    public int TornLines { get; }

    /// <summary>The taken-over row with this id, or null when the row runs.</summary>
    public TakenOverRow? Find(string rowId) => _rows.GetValueOrDefault(rowId);

    /// <summary>
    /// Reads the results of the run in <paramref name="runDirectory"/> and rewrites its results.jsonl (in one rename) to the
    /// taken-over rows only, so that the rows that run again append their lines once.
    /// </summary>
    /// <param name="runDirectory">The run folder.</param>
    /// <param name="runId">Its run id.</param>
    /// <param name="methods">The test assembly's eval methods: a row of a method, case, variant or relation that no longer exists is not taken over.</param>
    /// <param name="shard">The shard this run runs (<see cref="EvalOptions.Shard"/>), or null: a row of the folder that is in another shard refuses the resume.</param>
    /// <exception cref="EvalConfigurationException">The folder has no results.jsonl, a line other than the last is malformed, or it holds rows of another shard or configuration.</exception>
    /// <param name="configuration">The configuration this run evaluates (<see cref="EvalOptions.Configuration"/>): a run whose summary.json names another is refused.</param>
    public static ResumedRun Load(string runDirectory, string runId, IEnumerable<EvalMethodDescriptor> methods, RowShard? shard = null, string? configuration = null)
    {
        string path = Path.Combine(runDirectory, RunResultsReader.FileName);
        if (!File.Exists(path))
        {
            throw new EvalConfigurationException($"EVALSPEC_RESUME={runId}: {runDirectory} has no {RunResultsReader.FileName} to resume. Check the run id (the folder names under {Path.GetDirectoryName(runDirectory)}), or unset EVALSPEC_RESUME to start a new run.");
        }

        string summaryPath = Path.Combine(runDirectory, RunSummaryFile.FileName);
        bool summarized = CheckSummary(summaryPath, runId, shard, configuration);

        IReadOnlyList<(RunRow Row, string Text)> lines;
        int torn;
        try
        {
            lines = RunResultsReader.ReadInterrupted(path, out torn);
        }
        catch (RunDataException ex)
        {
            throw new EvalConfigurationException($"EVALSPEC_RESUME={runId}: {ex.Message} Only the last line of an interrupted run can be torn; this file was changed by hand or by something else. Start a new run (unset EVALSPEC_RESUME).", ex);
        }

        Dictionary<string, EvalMethodDescriptor> byId = methods.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = new Dictionary<string, TakenOverRow>(StringComparer.Ordinal);
        int dropped = 0;

        // A killed run wrote no summary.json to say which shard it ran (nor does one whose summary cannot be read); its lines
        // say it (each line's "shard", absent when not sharded). Without this, a killed shard resumed without EVALSPEC_SHARD
        // would take its rows over and run every other shard's rows too. Lines of several shards are a merged run (or a
        // resume of one), which resumes unsharded: they are left to the checks below. Lines of EvalSpec versions that did
        // not write "shard" say nothing.
        if (!summarized)
        {
            var writers = lines.Where(l => l.Row.SaysShard).Select(l => l.Row.Shard ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
            if (writers is [string ran] && !string.Equals(ran, shard?.Name ?? string.Empty, StringComparison.Ordinal))
            {
                string rowId = lines.First(l => l.Row.SaysShard).Row.RowId;
                string setting = ran.Length == 0 ? "without EVALSPEC_SHARD" : "with EVALSPEC_SHARD=" + ran;
                throw new EvalConfigurationException($"EVALSPEC_RESUME={runId}: the lines of {path} say that run was {(ran.Length == 0 ? "not sharded" : "shard " + ran)} (their \"shard\"; row {rowId}, for one), and it has no {RunSummaryFile.FileName} that can be read ({(File.Exists(summaryPath) ? "the file is damaged or of another version" : "the run was stopped before writing one")}); this run is {(shard is null ? "not sharded" : "shard " + shard.Name)} (EVALSPEC_SHARD). Resume it {setting}, as it ran, or start a new run (unset EVALSPEC_RESUME).");
            }
        }

        // Checked before anything is rewritten: a row of another shard taken over would be counted in this shard's run
        // (and skipped as another shard's), and the merge would then find it in two shards. Rows the assembly no longer
        // has are in no shard; they are dropped below.
        if (shard is not null)
        {
            var population = shard.Population.Rows.Select(r => r.RowId).ToHashSet(StringComparer.Ordinal);
            if (lines.FirstOrDefault(l => population.Contains(l.Row.RowId) && !shard.Includes(l.Row.RowId)) is { Row: { } outside })
            {
                throw new EvalConfigurationException($"EVALSPEC_RESUME={runId}: {path} holds row {outside.RowId}, which is not in shard {shard.Name} (EVALSPEC_SHARD): that run was another shard, or not sharded. Resume a shard with the same EVALSPEC_SHARD it ran with.");
            }
        }

        foreach ((RunRow row, string text) in lines)
        {
            TakenOverRow? taken;
            try
            {
                taken = Decided(row) ? TakenOverRow.From(row, text, byId) : null;
            }
            catch (RunDataException ex)
            {
                throw new EvalConfigurationException($"EVALSPEC_RESUME={runId}: {path}: {ex.Message} The file was changed by hand or by something else; nothing was changed in it. Start a new run (unset EVALSPEC_RESUME).", ex);
            }

            if (taken is null)
            {
                dropped++;
                continue;
            }

            rows[row.RowId] = taken;
        }

        // Counted before anything is rewritten, so that lines made up by hand refuse the resume with the file as it was.
        IReadOnlyList<TakenOverCalls> calls = CountCalls(rows.Values);
        long total = calls.Sum(c => (long)c.ModelCalls.Asked + c.EvalMethodCalls);
        if (total > int.MaxValue / 4)
        {
            throw new EvalConfigurationException(string.Create(CultureInfo.InvariantCulture, $"EVALSPEC_RESUME={runId}: the lines of {path} count {total} model and eval method calls, more than a run makes: the file was changed by hand or by something else; nothing was changed in it. Start a new run (unset EVALSPEC_RESUME)."));
        }

        AtomicFile.Write(path, Encoding.UTF8.GetBytes(string.Concat(rows.Values.OrderBy(r => r.Row.RowId, StringComparer.Ordinal).Select(r => r.Text + "\n"))));
        KeepReviewItemsOf(Path.Combine(runDirectory, Judging.ReviewQueue.FileName), rows);
        return new ResumedRun(runId, rows, calls, dropped, torn);
    }

    /// <summary>
    /// The calls to count for <paramref name="rows"/>: each row's own (follow-up run, judges), and the calls of each source run
    /// they used once. A source run of a case x prompt variant is shared by the rows one process wrote (one run, shard and
    /// attempt: <see cref="TakenOverRow.SourceRunKey"/>), and each of their lines includes it; their lines agree (each read
    /// its counts once it had ended), and the most any of them says is kept.
    /// </summary>
    internal static IReadOnlyList<TakenOverCalls> CountCalls(IEnumerable<TakenOverRow> rows)
    {
        var calls = new List<TakenOverCalls>();
        var sources = new Dictionary<string, TakenOverRow>(StringComparer.Ordinal);
        foreach (TakenOverRow taken in rows)
        {
            calls.Add(new TakenOverCalls(taken.OwnModelCalls, taken.OwnEvalMethodCalls, taken.ModelCallsMode));
            if (!sources.TryGetValue(taken.SourceRunKey, out TakenOverRow? counted)
                || taken.SourceModelCalls.Asked + taken.SourceEvalMethodCalls > counted.SourceModelCalls.Asked + counted.SourceEvalMethodCalls)
            {
                sources[taken.SourceRunKey] = taken;
            }
        }

        calls.AddRange(sources.Values.Select(s => new TakenOverCalls(s.SourceModelCalls, s.SourceEvalMethodCalls, s.ModelCallsMode)));
        return calls;
    }

    /// <summary>
    /// A run that was cancelled (not killed) wrote its summary.json, which says which shard and configuration it ran: its
    /// rows are taken over only by a run of the same ones (a killed run has no summary; its rows are checked against the shard).
    /// Returns false when there is no summary.json that can be read (it then decided nothing).
    /// </summary>
    private static bool CheckSummary(string summaryPath, string runId, RowShard? shard, string? configuration)
    {
        RunSummaryFile? summary;
        try
        {
            summary = File.Exists(summaryPath) ? RunSummaryFile.Read(summaryPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or RunDataException)
        {
            // A summary that cannot be read decides nothing: the rows are still checked against the shard.
            return false;
        }

        if (summary is null)
        {
            return false;
        }

        string? ran = summary.Shard is { } section ? RowShard.Format(section.Index, section.Count) : null;
        if (!string.Equals(ran, shard?.Name, StringComparison.Ordinal))
        {
            throw new EvalConfigurationException($"EVALSPEC_RESUME={runId}: that run was {(ran is null ? "not sharded" : "shard " + ran)} ({summaryPath}), this one is {(shard is null ? "not sharded" : "shard " + shard.Name)} (EVALSPEC_SHARD). Resume a run with the same EVALSPEC_SHARD it ran with.");
        }

        string? evaluated = string.IsNullOrWhiteSpace(summary.Configuration) ? null : summary.Configuration;
        string? now = string.IsNullOrWhiteSpace(configuration) ? null : configuration;
        if (!string.Equals(evaluated, now, StringComparison.Ordinal))
        {
            throw new EvalConfigurationException($"EVALSPEC_RESUME={runId}: that run evaluated configuration '{evaluated ?? "(none)"}' ({summaryPath}), this one '{now ?? "(none)"}' (EVALSPEC_CONFIGURATION): its rows were decided for another configuration. Resume with the same EVALSPEC_CONFIGURATION, or start a new run.");
        }

        return true;
    }

    /// <summary>
    /// Rewrites the interrupted run's review queue (in one rename) to the items of the taken-over rows: a row that runs again
    /// appends its item again (the same id when its output is the same, which the queue's reader refuses as a repeat), and
    /// the last line torn by a crash mid-write would otherwise be glued to the first line appended.
    /// </summary>
    private static void KeepReviewItemsOf(string queuePath, Dictionary<string, TakenOverRow> rows)
    {
        if (!File.Exists(queuePath))
        {
            return;
        }

        string text = File.ReadAllText(queuePath);
        string[] lines = text.Split('\n');
        var kept = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            bool last = i == lines.Length - 1;
            if (string.IsNullOrWhiteSpace(line) || last)
            {
                // The part after the last line break is a line the crash tore (a whole line ends with one).
                continue;
            }

            string? rowId = RowIdOf(line);
            if (rowId is null || rows.ContainsKey(rowId))
            {
                // A line that cannot be read is kept as it is: the queue's reader names it; the resume destroys nothing it cannot read.
                kept.Append(line).Append('\n');
            }
        }

        AtomicFile.Write(queuePath, Encoding.UTF8.GetBytes(kept.ToString()));
    }

    private static string? RowIdOf(string line)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("rowId", out JsonElement id) && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A row with an outcome that running it again would only repeat: passed, failed, or its relation did not apply.</summary>
    private static bool Decided(RunRow row) => !row.Applicable || row.Outcome != VerdictOutcome.Inconclusive;

    /// <summary>The <c>resumed</c> section of summary.json.</summary>
    public RunSummaryFile.ResumedSection Summary() => new() { RunId = RunId, TakenOver = _rows.Count, Dropped = Dropped, TornLines = TornLines };
}

/// <summary>Calls of rows a resumed run took over, to count as its own (<see cref="ResumedRun.Calls"/>).</summary>
/// <param name="ModelCalls">Model calls through recording clients.</param>
/// <param name="EvalMethodCalls">Calls of the eval method.</param>
/// <param name="Mode">The recording mode of the run that made them (<c>modelCalls.mode</c>), or null when the line has none.</param>
internal sealed record TakenOverCalls(Recording.RowModelCalls ModelCalls, int EvalMethodCalls, string? Mode);
