using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalSpec.Execution;
using EvalSpec.Persistence;
using EvalSpec.Reporting.Files;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting.Merging;

/// <summary>
/// <c>evalspec merge</c>: joins the run folders of the N shards of a sharded run (<c>EVALSPEC_SHARD=k/N</c>) into one run
/// folder with the files a normal run writes (results.jsonl, summary.json, report.md, report.html), so that the gate and
/// the reports read it as one run, and the shards' review queues (review.jsonl) joined.
/// </summary>
/// <remarks>
/// <para>
/// It refuses shards that do not make one run: a folder that is not a finished sharded run, shards of different N, test
/// assemblies or row populations (fingerprints), two folders of the same shard (or one row in two shards), a missing
/// shard, and sampled shards (a sample drawn within each shard is not one stratified sample of the suite).
/// </para>
/// <para>
/// The merged summary.json recounts rows and methods and recomputes robustness, multi-prompt metrics, spend and agent
/// trajectories from the merged results; counters (eval method calls, judges, panels' judgements, cascades, snapshots,
/// recordings, baseline counts) are summed; the wall time is the longest shard's (shards run side by side); judge
/// agreement within panels and pairwise position bias, which cannot be recomputed from the results, are left out and
/// listed in its <c>merge.notMerged</c>.
/// </para>
/// <para>
/// Nothing is written into the output folder until everything is: the files are written into a hidden staging folder
/// beside it (each with <see cref="AtomicFile"/>), which is then renamed to the output folder in one step. A merge that
/// fails leaves no output folder and removes its staging folder.
/// </para>
/// </remarks>
internal static class RunMerge
{
    /// <summary>
    /// The sections recomputed from the rows' <c>judgements</c> when every merged line has them; left out of the merged
    /// summary (and listed in <c>merge.notMerged</c>) when a shard was written by an EvalSpec before they existed.
    /// </summary>
    private static readonly string[] FromJudgements = ["panels.*.agreement", "pairwise"];

    /// <summary>Sections recomputed from the merged results.jsonl.</summary>
    private static readonly string[] Recomputed = ["rows", "methods", "robustness", "multiPrompt", "spend", "trajectories"];

    /// <summary>Merges the shards in <paramref name="shardDirectories"/> into <paramref name="outputDirectory"/>, which must not exist.</summary>
    /// <returns>The merged run's folder and its rows.</returns>
    /// <exception cref="RunMergeException">The shards do not make one run, or the output folder exists or cannot be written.</exception>
    public static RunData Merge(IReadOnlyList<string> shardDirectories, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(shardDirectories);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        if (shardDirectories.Count == 0)
        {
            throw new RunMergeException("Give the run folders of the shards to merge (one per shard, TestResults/evalspec/<run id>).");
        }

        string output = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(output) || File.Exists(output))
        {
            throw new RunMergeException($"The output folder {output} already exists: choose another with --out, or delete it.");
        }

        ShardRun[] shards = shardDirectories.Select(ReadShard).ToArray();
        Check(shards);
        ShardRun[] ordered = shards.OrderBy(s => s.Index).ToArray();

        string parent = Path.GetDirectoryName(output) ?? throw new RunMergeException($"{output} cannot be the output folder: give a folder inside another.");
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, "." + Path.GetFileName(output) + ".merging-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(staging);
            string[] lines = ordered.SelectMany(s => s.Lines).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToArray();
            AtomicFile.Write(Path.Combine(staging, RunResultsReader.FileName), Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

            string resultsPath = Path.Combine(staging, RunResultsReader.FileName);
            IReadOnlyList<RunRow> rows = RunResultsReader.Read(resultsPath);
            JsonObject summary = MergedSummary(ordered, Path.GetFileName(output), rows, resultsPath, Replayed(lines));
            foreach (KeyValuePair<string, JsonNode?> cascade in summary["cascades"] as JsonObject ?? [])
            {
                // Each shard names its own queue; the merged run's is the joined one written below.
                if (cascade.Value is JsonObject section && section["reviewQueue"] is not null)
                {
                    section["reviewQueue"] = Path.Combine(output, Judging.ReviewQueue.FileName);
                }
            }

            // Through the summary's record, as a run writes it: the same format, field order and schema.
            RunSummaryFile merged = summary.Deserialize(RunFilesJson.Compact.RunSummaryFile)
                ?? throw new RunDataException("The merged summary is empty.");
            AtomicFile.Write(Path.Combine(staging, RunSummaryFile.FileName), Encoding.UTF8.GetBytes(merged.ToJson()));

            // The rows the shards' cascades abstained on or decided against a dissent still need a person: their queues
            // join (the shards' rows are disjoint, so are their items), for evalspec review and calibrate on the merged run.
            string[] queues = ordered.Select(s => Path.Combine(s.Directory, Judging.ReviewQueue.FileName)).Where(File.Exists).ToArray();
            if (queues.Length > 0)
            {
                string items = string.Concat(queues.SelectMany(File.ReadAllLines).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l + "\n"));
                AtomicFile.Write(Path.Combine(staging, Judging.ReviewQueue.FileName), Encoding.UTF8.GetBytes(items));
            }

            // The reports, compared with the baseline the shards used (when it is still there), as at the end of a run.
            string? baseline = summary["baseline"]?["path"]?.GetValue<string>() is { } path && File.Exists(path) ? path : null;
            // Rendered as the run in its final folder (the reports name it), written into the staging folder.
            RunData staged = RunData.Load(staging);
            RunReports.Write(RunData.From(output, staged.Rows, staged.Summary), new ReportOptions { BaselinePath = baseline }, stepSummaryPath: null, directory: staging);

            Directory.Move(staging, output);
            return RunData.Load(output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RunDataException or JsonException)
        {
            TryDelete(staging);
            throw new RunMergeException($"The merged run could not be written to {output}: {ex.Message} Nothing was written there; fix the cause and merge again.", ex);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    /// <summary>The default output folder: <c>merged-&lt;time&gt;</c> beside the first shard's folder.</summary>
    public static string DefaultOutput(string firstShardDirectory, DateTimeOffset now) =>
        Path.Combine(
            Path.GetDirectoryName(Path.GetFullPath(firstShardDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) ?? ".",
            "merged-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    private static ShardRun ReadShard(string directory)
    {
        string full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new RunMergeException($"{full} is not a folder: give the run folder of each shard (TestResults/evalspec/<run id>).");
        }

        string summaryPath = Path.Combine(full, RunSummaryFile.FileName);
        if (!File.Exists(summaryPath))
        {
            throw new RunMergeException($"{full} has no {RunSummaryFile.FileName}: the shard's run did not finish. Run that shard again (or resume it with EVALSPEC_RESUME=<its run id>), then merge.");
        }

        JsonObject summary;
        try
        {
            summary = JsonNode.Parse(File.ReadAllText(summaryPath)) as JsonObject ?? throw new RunMergeException($"{summaryPath} is not a JSON object: it is not an EvalSpec run summary.");
        }
        catch (JsonException ex)
        {
            throw new RunMergeException($"{summaryPath} is not valid JSON ({ex.Message}): run that shard again.", ex);
        }

        if (summary["shard"] is not JsonObject shard)
        {
            throw new RunMergeException($"{full} is not a shard of a sharded run (its {RunSummaryFile.FileName} has no \"shard\" section): run each shard with EVALSPEC_SHARD=k/N, and give their run folders.");
        }

        if (summary["sample"] is JsonObject)
        {
            throw new RunMergeException($"{full} is a sampled run (EVALSPEC_SAMPLE): samples drawn within each shard do not make one stratified sample of the suite, so sampled shards are not merged. Run the shards without EVALSPEC_SAMPLE, or run the sample unsharded.");
        }

        int index = Number(shard, "index", summaryPath);
        int count = Number(shard, "count", summaryPath);
        string fingerprint = shard["populationFingerprint"]?.GetValue<string>() ?? throw new RunMergeException($"{summaryPath}: \"shard.populationFingerprint\" is missing; the shard was written by another EvalSpec version: run it again.");
        string assembly = shard["assembly"]?.GetValue<string>() ?? string.Empty;
        int population = Number(shard, "populationRows", summaryPath);

        string resultsPath = Path.Combine(full, RunResultsReader.FileName);
        if (!File.Exists(resultsPath))
        {
            throw new RunMergeException($"{full} has no {RunResultsReader.FileName}: run shard {RowShard.Format(index, count)} again.");
        }

        IReadOnlyList<RunRow> rows;
        string[] text;
        try
        {
            rows = RunResultsReader.Read(resultsPath);
            text = File.ReadAllLines(resultsPath);
        }
        catch (RunDataException ex)
        {
            throw new RunMergeException($"Shard {RowShard.Format(index, count)} in {full}: {ex.Message}", ex);
        }

        // The reader keeps the last line of a row id that repeats; so does the merge.
        return new ShardRun(
            full, summary, index, count, assembly, fingerprint, population,
            rows.ToDictionary(r => r.RowId, StringComparer.Ordinal),
            rows.ToDictionary(r => r.RowId, r => text[r.Line - 1], StringComparer.Ordinal));
    }

    private static int Number(JsonObject section, string name, string path)
    {
        try
        {
            return section[name]?.GetValue<int>() ?? throw new RunMergeException($"{path}: \"shard.{name}\" is missing; run that shard again.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new RunMergeException($"{path}: \"shard.{name}\" is not a whole number; run that shard again.", ex);
        }
    }

    /// <summary>Refuses shards that do not make one run, naming the folder and what to do.</summary>
    private static void Check(ShardRun[] shards)
    {
        ShardRun first = shards[0];
        foreach (ShardRun shard in shards.Skip(1))
        {
            if (shard.Count != first.Count)
            {
                throw new RunMergeException($"{shard.Directory} is shard {RowShard.Format(shard.Index, shard.Count)} but {first.Directory} is shard {RowShard.Format(first.Index, first.Count)}: all shards must split the rows the same way (the same N in EVALSPEC_SHARD=k/N). Give the folders of one sharded run.");
            }

            if (!string.Equals(shard.Assembly, first.Assembly, StringComparison.Ordinal))
            {
                throw new RunMergeException($"{shard.Directory} is a run of the test assembly {shard.Assembly}, {first.Directory} of {first.Assembly}: shards of different suites are not one run. Merge each suite's shards separately.");
            }

            if (!string.Equals(shard.Fingerprint, first.Fingerprint, StringComparison.Ordinal))
            {
                throw new RunMergeException($"{shard.Directory} was cut from a different set of rows than {first.Directory} (population fingerprint {shard.Fingerprint}, {shard.PopulationRows} rows, against {first.Fingerprint}, {first.PopulationRows} rows): the suite changed between the shards' builds. Run every shard from the same build (the same commit), then merge.");
            }

            CheckIdentity(shards, shard);

            string? configuration = shard.Summary["configuration"]?.GetValue<string>();
            string? firstConfiguration = first.Summary["configuration"]?.GetValue<string>();
            if (!string.Equals(configuration, firstConfiguration, StringComparison.Ordinal))
            {
                throw new RunMergeException($"{shard.Directory} evaluated configuration '{configuration}' and {first.Directory} '{firstConfiguration}' (EVALSPEC_CONFIGURATION): shards of one run evaluate one configuration. Merge each configuration's shards separately.");
            }
        }

        foreach (IGrouping<int, ShardRun> same in shards.GroupBy(s => s.Index).Where(g => g.Count() > 1))
        {
            throw new RunMergeException($"Shard {RowShard.Format(same.Key, first.Count)} was given twice ({string.Join(" and ", same.Select(s => s.Directory))}): shards overlap. Give one run folder per shard.");
        }

        int[] missing = Enumerable.Range(1, first.Count).Except(shards.Select(s => s.Index)).ToArray();
        if (missing.Length > 0)
        {
            throw new RunMergeException($"Shard(s) {string.Join(", ", missing.Select(k => RowShard.Format(k, first.Count)))} missing: the given folders hold only {string.Join(", ", shards.OrderBy(s => s.Index).Select(s => RowShard.Format(s.Index, s.Count)))}. Add the run folder of every shard (run a missing one with EVALSPEC_SHARD={RowShard.Format(missing[0], first.Count)}).");
        }

        var owner = new Dictionary<string, ShardRun>(StringComparer.Ordinal);
        foreach (ShardRun shard in shards)
        {
            foreach (string rowId in shard.Rows.Keys)
            {
                if (owner.TryGetValue(rowId, out ShardRun? other))
                {
                    throw new RunMergeException($"Row {rowId} is in both {other.Directory} (shard {RowShard.Format(other.Index, other.Count)}) and {shard.Directory} (shard {RowShard.Format(shard.Index, shard.Count)}): shards overlap. Were they run with the same EVALSPEC_SHARD, or with different builds? Run the shards again from one build.");
                }

                owner[rowId] = shard;
            }
        }
    }

    /// <summary>
    /// Refuses shards whose <c>shard.identity</c> differs (another commit, options, judges, baseline or eval definitions: verdicts of another
    /// build), naming the part; and a mix of shards with and without one, since the older ones cannot be shown to match.
    /// Shards that all lack it (written before it existed) merge as before.
    /// </summary>
    private static void CheckIdentity(ShardRun[] shards, ShardRun shard)
    {
        ShardRun first = shards[0];
        JsonObject? a = first.Summary["shard"]?["identity"] as JsonObject;
        JsonObject? b = shard.Summary["shard"]?["identity"] as JsonObject;
        if (a is null && b is null)
        {
            return;
        }

        if (a is null || b is null)
        {
            string older = a is null ? first.Directory : shard.Directory;
            string newer = a is null ? shard.Directory : first.Directory;
            throw new RunMergeException($"{older} was written by an EvalSpec that did not record what decides its verdicts (\"shard.identity\": commit, options, judges, baseline), {newer} by one that did: they cannot be shown to be shards of one build. Run {older} again with the EvalSpec the other shards used, then merge.");
        }

        (string Part, string What, string Todo)[] parts =
        [
            ("commit", "was built from commit", "Run every shard from one commit (as the jobs of one workflow run do), then merge."),
            ("options", "ran with other options that change verdicts (options hash", "Give every shard the same evalspec.json, EVALSPEC_ variables and startup code (only EVALSPEC_SHARD may differ), run the odd shard again, then merge."),
            ("judges", "asked other judges (judges hash", "Register the same judges in every shard (evalspec.json \"Judges\", startup code), run the odd shard again, then merge."),
            ("baseline", "was compared with another committed baseline (baseline hash", "Run every shard with the same committed evalspec.baseline.json (a baseline update between shards changes known failures), run the odd shard again, then merge."),
            ("evals", "was built from other eval definitions: prompts, cases, relations or settings (evals hash", "Build every shard from the same sources (an uncommitted change to an [Eval] method's prompts, cases or attributes on one runner makes its shard another run), run the odd shard again, then merge."),
        ];
        foreach ((string part, string what, string todo) in parts)
        {
            // Compared with the first shard that knows the part, not with the first shard: a first shard without a commit
            // must not let two others of different commits through.
            ShardRun? reference = shards.FirstOrDefault(s => Part(s, part) is not null);
            string? x = reference is null ? null : Part(reference, part);
            string? y = Part(shard, part);

            // An unknown commit (no build server variable, no repository) cannot be compared; the other parts still are.
            if (x is null || y is null || string.Equals(x, y, StringComparison.Ordinal))
            {
                continue;
            }

            string close = part == "commit" ? string.Empty : ")";
            throw new RunMergeException($"{shard.Directory} {what} {y}{close}, {reference!.Directory} {what} {x}{close}: its verdicts were decided differently, so the shards are not one run (shard.identity.{part} in their {RunSummaryFile.FileName}). {todo}");
        }
    }

    private static string? Part(ShardRun shard, string part) => (shard.Summary["shard"]?["identity"] as JsonObject)?[part]?.GetValue<string>();

    /// <summary>The merged summary.json: recounted and recomputed from the merged rows, counters summed, the rest listed as not merged.</summary>
    private static JsonObject MergedSummary(ShardRun[] shards, string runId, IReadOnlyList<RunRow> rows, string resultsPath, JudgeStatistics? judgements)
    {
        var summary = new JsonObject
        {
            ["format"] = RunFileFormats.Summary.Current,
            ["runId"] = runId,
            ["configuration"] = shards[0].Summary["configuration"]?.DeepClone(),
            ["finishedAt"] = shards.Select(s => s.Summary["finishedAt"]?.GetValue<DateTimeOffset>()).Max() is { } finished ? JsonValue.Create(finished) : null,
            ["maxConcurrency"] = shards[0].Summary["maxConcurrency"]?.DeepClone(),
            ["wallTimeMs"] = shards.Max(s => s.Summary["wallTimeMs"]?.GetValue<double>() ?? 0),
        };

        // Counters add up over shards; sections the shards do not have stay absent.
        foreach (string section in new[] { "systemUnderTestCalls", "baseline", "judges", "rowsWithJudgeErrors", "unjudgedRubric", "panels", "cascades", "snapshots", "recording", "inputSimilarity" })
        {
            JsonNode? sum = null;
            foreach (ShardRun shard in shards)
            {
                sum = Sum(sum, shard.Summary[section]);
            }

            summary[section] = sum;
        }

        // Agreement and pairwise bias are not sums: they are computed again over every row's panel verdicts, by the code
        // that computes them at the end of a run, so that the merged figures are the unsharded run's.
        IReadOnlyDictionary<string, JudgeStatistics.PanelRecord>? replayedPanels = judgements?.Panels;
        if (summary["panels"] is JsonObject panels)
        {
            foreach (KeyValuePair<string, JsonNode?> panel in panels)
            {
                if (panel.Value is JsonObject section)
                {
                    // A panel's quorum is a setting, the same in every shard: not a count to add up.
                    if (section["quorum"] is not null)
                    {
                        section["quorum"] = shards.Select(s => s.Summary["panels"]?[panel.Key]?["quorum"]).FirstOrDefault(q => q is not null)?.DeepClone();
                    }

                    section["agreement"] = replayedPanels is not null && replayedPanels.TryGetValue(panel.Key, out JudgeStatistics.PanelRecord? record)
                        ? Node(RunSummaryWriter.PanelAgreementSummary(record.Judgements))
                        : null;
                    if (section["agreement"] is null)
                    {
                        section.Remove("agreement");
                    }
                }
            }
        }

        summary["pairwise"] = judgements is null ? null : Node(RunSummaryWriter.PairwiseBias(judgements.Pairwise));

        (summary["baseline"] as JsonObject)?.Remove("update");

        var byMethod = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (RunRow row in rows)
        {
            if (!byMethod.TryGetValue(row.MethodId, out int[]? counts))
            {
                byMethod[row.MethodId] = counts = new int[4];
            }

            counts[row.Applicable ? (int)row.Outcome : 3]++;
        }

        summary["rows"] = Node(RunSummaryWriter.Totals(byMethod.Values));
        summary["methods"] = Node(byMethod.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => RunSummaryWriter.Totals(new[] { p.Value })));

        MetricRow[] metricRows = rows.Select(MetricRowOf).ToArray();
        Dictionary<string, MethodShape> shapes = Shapes(shards, rows);
        summary["robustness"] = Node(RunSummaryWriter.RobustnessSection(SuiteMetrics.Robustness(metricRows)));
        summary["multiPrompt"] = Node(RunSummaryWriter.MultiPromptSection(SuiteMetrics.MultiPrompt(metricRows, id => shapes[id])));
        summary["spend"] = Spend(resultsPath);
        summary["trajectories"] = Node(RunSummaryWriter.Trajectories(TrajectoryMetrics.FromResults(resultsPath)));

        summary["merge"] = new JsonObject
        {
            ["shards"] = new JsonArray(shards.Select(s => (JsonNode)new JsonObject
            {
                ["shard"] = RowShard.Format(s.Index, s.Count),
                ["runId"] = s.Summary["runId"]?.DeepClone(),
                ["folder"] = s.Directory,
                ["rows"] = s.Rows.Count,
            }).ToArray()),
            ["assembly"] = shards[0].Assembly,
            ["populationRows"] = shards[0].PopulationRows,
            ["populationFingerprint"] = shards[0].Fingerprint,
            ["rows"] = rows.Count,
            ["recomputed"] = new JsonArray(Recomputed.Concat(judgements is null ? [] : FromJudgements).Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            ["notMerged"] = new JsonArray((judgements is null ? FromJudgements : []).Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            ["wallTime"] = "the longest shard's (shards run side by side)",
        };
        return summary;
    }

    /// <summary>
    /// The judge statistics of the merged rows, counted from each line's <c>judgements</c>; null when a line has none (a
    /// shard written by an EvalSpec before they existed): its panel verdicts are then unknown.
    /// </summary>
    private static JudgeStatistics? Replayed(IEnumerable<string> lines)
    {
        var statistics = new JudgeStatistics();
        foreach (string line in lines)
        {
            RowResult? row = JsonSerializer.Deserialize(line, RunFilesJson.LenientRowResult);
            if (row?.Judgements is not { } judgements)
            {
                return null;
            }

            statistics.Replay(judgements);
        }

        return statistics;
    }

    private static JsonNode? Node(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, ResultsJson.Options);

    /// <summary>The metrics' view of a row read from results.jsonl.</summary>
    internal static MetricRow MetricRowOf(RunRow row) => new(
        row.MethodId,
        row.Case,
        row.Variant,
        row.Relation == RunRow.IdentityRelation && row.RelationKind is null ? null : row.Relation,
        Enum.TryParse(row.RelationKind, ignoreCase: true, out Metamorphic.RelationKind kind) ? kind : null,
        row.MetricOutcome,
        !row.Applicable,
        row.InputSimilarity);

    /// <summary>
    /// Each method's prompt variants and cases in declaration order: from the shards' multi-prompt sections (every shard
    /// writes the method's variants and its number of cases), else from the rows (ordinal order).
    /// </summary>
    private static Dictionary<string, MethodShape> Shapes(ShardRun[] shards, IReadOnlyList<RunRow> rows)
    {
        var shapes = new Dictionary<string, MethodShape>(StringComparer.Ordinal);
        foreach (IGrouping<string, RunRow> method in rows.GroupBy(r => r.MethodId, StringComparer.Ordinal))
        {
            string[] variants = shards
                .Select(s => s.Summary["multiPrompt"]?[method.Key]?["variants"] as JsonArray)
                .Where(a => a is not null)
                .Select(a => a!.Select(v => v!.GetValue<string>()).ToArray())
                .FirstOrDefault()
                ?? method.Select(r => r.Variant).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            string[] cases = method.Select(r => r.Case).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            shapes[method.Key] = new MethodShape(variants, cases);
        }

        return shapes;
    }

    /// <summary>Tokens, latency and cost per method and variant, from each applicable row's <c>spend</c>, as the run adds them up.</summary>
    private static JsonNode? Spend(string resultsPath)
    {
        var totals = new SpendTotals();
        foreach (string line in File.ReadLines(resultsPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement row = document.RootElement;
            if (!row.TryGetProperty("spend", out JsonElement spend) || spend.ValueKind != JsonValueKind.Object
                || (row.TryGetProperty("outcome", out JsonElement outcome) && outcome.ValueKind == JsonValueKind.String && outcome.GetString() == RunResultsReader.NotApplicable))
            {
                continue;
            }

            string rowId = row.GetProperty("rowId").GetString()!;
            string[] parts = rowId.Split('/');
            RowSpendResult result = spend.Deserialize<RowSpendResult>(ResultsJson.Options) ?? throw new JsonException($"{resultsPath}: the spend of {rowId} is empty.");
            totals.Add(parts[0], parts.Length > 2 ? parts[2] : string.Empty, result);
        }

        return totals.IsEmpty ? null : JsonSerializer.SerializeToNode(totals.ToSummary(), ResultsJson.Options);
    }

    /// <summary>Adds <paramref name="next"/> to <paramref name="sum"/>: numbers add, objects add key by key, equal values stay, lists of names join.</summary>
    internal static JsonNode? Sum(JsonNode? sum, JsonNode? next)
    {
        if (next is null)
        {
            return sum;
        }

        if (sum is null)
        {
            return next.DeepClone();
        }

        switch (sum, next)
        {
            case (JsonObject a, JsonObject b):
                foreach (KeyValuePair<string, JsonNode?> property in b)
                {
                    a[property.Key] = Sum(a[property.Key], property.Value);
                }

                return a;
            case (JsonArray a, JsonArray b) when a.Count == b.Count && a.All(n => n is JsonObject) && b.All(n => n is JsonObject):
                // Lists of per-tier counts, in the same order in every shard.
                return new JsonArray(a.Zip(b, (x, y) => Sum(x!.DeepClone(), y)).ToArray());
            case (JsonArray a, JsonArray b):
                return new JsonArray(a.Concat(b).Select(n => n?.ToJsonString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(t => t is null ? null : JsonNode.Parse(t)).ToArray());
            case (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number:
                return a.TryGetValue(out long x) && b.TryGetValue(out long y) ? JsonValue.Create(x + y) : JsonValue.Create(a.GetValue<double>() + b.GetValue<double>());
            default:
                // A name or a flag: the same in every shard of one run (a mode, a path); the first shard's otherwise.
                return sum;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Hidden and named .merging-: nothing takes it for a run; the message of the failure stands.
        }
    }
}
