using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>The unsharded, uninterrupted `dotnet test` run of tests/fixtures/RobustnessSuite the sharded and resumed runs are compared with (run once).</summary>
public sealed class WholeRobustnessRun : IAsyncLifetime
{
    internal SuiteRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await SuiteRun.RunAsync("RobustnessSuite");

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Sharded and resumed runs on one machine, against `dotnet test` of tests/fixtures/RobustnessSuite run whole: four
/// shards (EVALSPEC_SHARD=k/4) merged with `evalspec merge`, and a run interrupted mid-write then resumed
/// (EVALSPEC_RESUME), give the same verdicts, metrics and gate result as the whole run. The later runs use the whole
/// run's build (--no-build), as the CI jobs of one commit would.
/// </summary>
public sealed class ShardedRunTests : IClassFixture<WholeRobustnessRun>
{
    private readonly SuiteRun _whole;

    public ShardedRunTests(WholeRobustnessRun whole) => _whole = whole.Run;

    [Fact]
    public async Task Four_shards_merged_give_the_verdicts_metrics_and_gate_result_of_the_unsharded_run()
    {
        string scratch = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n"));
        string baseline = Path.Combine(scratch, "evalspec.baseline.json");
        SuiteRun whole = _whole;
        CliRun update = await CliRun.RunAsync(_ => null, "baseline", "update", "--run", whole.RunDirectory, "--baseline", baseline);
        update.ExitCode.Should().Be(0, update.ToString());

        var shards = new List<SuiteRun>();
        for (int k = 1; k <= 4; k++)
        {
            shards.Add(await SuiteRun.RunAsync("RobustnessSuite", new Dictionary<string, string> { ["EVALSPEC_SHARD"] = $"{k}/4" }, "--no-build"));
        }

        int population = whole.Rows.Count;
        foreach ((SuiteRun shard, int k) in shards.Select((s, i) => (s, i + 1)))
        {
            JsonElement section = shard.Summary.GetProperty("shard");
            section.GetProperty("index").GetInt32().Should().Be(k);
            section.GetProperty("populationRows").GetInt32().Should().Be(population);
            int skipped = section.GetProperty("skippedOutsideShard").GetInt32();
            (shard.Rows.Count + skipped).Should().Be(population, "every row of the suite is either this shard's or skipped as another's");
            shard.Report.Results.Values.Where(r => r.Message.StartsWith("Not in this shard", StringComparison.Ordinal))
                .Should().HaveCount(skipped).And.OnlyContain(r => r.Outcome == "NotExecuted" && r.Message.Contains($"EVALSPEC_SHARD={k}/4", StringComparison.Ordinal));
        }

        shards.SelectMany(s => s.Rows).Select(RowId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(whole.Rows.Select(RowId));

        // Every shard says what decided its verdicts, and they are one build: the repository's commit, the same options,
        // judges and baseline.
        string[] identities = shards.Select(s => s.Summary.GetProperty("shard").GetProperty("identity").GetRawText()).ToArray();
        identities.Distinct().Should().ContainSingle("the shards of one build have one identity: " + string.Join(" | ", identities));
        JsonElement identity = shards[0].Summary.GetProperty("shard").GetProperty("identity");
        identity.GetProperty("commit").GetString().Should().MatchRegex("^[0-9a-f]{40}$", "the fixture is built from this repository's checkout");
        identity.GetProperty("options").GetString().Should().NotBeNullOrEmpty();
        identity.GetProperty("judges").GetString().Should().NotBeNullOrEmpty();

        string merged = Path.Combine(scratch, "merged");
        CliRun merge = await CliRun.RunAsync(_ => null, ["merge", .. shards.Select(s => s.RunDirectory), "--out", merged]);
        merge.ExitCode.Should().Be(0, merge.ToString());

        Dictionary<string, string> Verdicts(IEnumerable<JsonElement> rows) => rows.ToDictionary(RowId, r => r.GetProperty("outcome").GetString()!);
        IReadOnlyList<JsonElement> mergedRows = File.ReadAllLines(Path.Combine(merged, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Verdicts(mergedRows).Should().BeEquivalentTo(Verdicts(whole.Rows));

        JsonElement mergedSummary = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "summary.json"))).RootElement;
        foreach (string section in new[] { "rows", "methods", "robustness", "multiPrompt" })
        {
            Canonical(mergedSummary.GetProperty(section)).Should().Be(Canonical(whole.Summary.GetProperty(section)), $"the merged {section} must equal the unsharded run's");
        }

        // The judge figures: counters summed over the shards, panel agreement and pairwise statistics recomputed from the
        // rows' judgements; all equal to the unsharded run's.
        foreach (string section in new[] { "judges", "panels", "pairwise", "rowsWithJudgeErrors" })
        {
            Optional(mergedSummary, section).Should().Be(Optional(whole.Summary, section), $"the merged {section} must equal the unsharded run's");
        }

        whole.Summary.GetProperty("panels").EnumerateObject().Should().NotBeEmpty("the suite's rows are judged by panels");
        mergedSummary.GetProperty("merge").GetProperty("notMerged").GetArrayLength().Should().Be(0);

        CliRun gateWhole = await CliRun.RunAsync(_ => null, "gate", "--run", whole.RunDirectory, "--baseline", baseline);
        CliRun gateMerged = await CliRun.RunAsync(_ => null, "gate", "--run", merged, "--baseline", baseline);
        gateMerged.ExitCode.Should().Be(gateWhole.ExitCode, gateMerged.ToString());
        gateMerged.ExitCode.Should().Be(0, gateMerged.ToString());
        GateVerdict(gateMerged.Output).Should().Be(GateVerdict(gateWhole.Output));
    }

    /// <summary>The canonical JSON of a summary section, or "absent".</summary>
    private static string Optional(JsonElement summary, string section) => summary.TryGetProperty(section, out JsonElement value) ? Canonical(value) : "absent";

    /// <summary>The JSON with the properties of every object in ordinal order: equal metrics, whatever order they were written in.</summary>
    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };

    [Fact]
    public async Task A_run_interrupted_mid_write_and_resumed_equals_the_whole_run()
    {
        // What a run killed mid-write leaves: the first rows' lines, the next one torn, no summary or reports. One of the
        // complete rows was cut short by a cancellation (inconclusive), as the rows in flight of a cancelled run are.
        SuiteRun whole = _whole;
        string root = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n"));
        string folder = Path.Combine(root, "evalspec", "e2e");
        Directory.CreateDirectory(folder);
        string[] lines = File.ReadAllLines(Path.Combine(whole.RunDirectory, "results.jsonl"));
        int kept = lines.Length / 2;
        int cut = Array.FindIndex(lines, l => JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString() is "pass" or "fail");
        cut.Should().BeInRange(0, kept - 1);
        string cancelled = lines[cut].Replace("\"outcome\":\"pass\"", "\"outcome\":\"inconclusive\"", StringComparison.Ordinal).Replace("\"outcome\":\"fail\"", "\"outcome\":\"inconclusive\"", StringComparison.Ordinal);
        File.WriteAllText(
            Path.Combine(folder, "results.jsonl"),
            string.Concat(lines.Take(kept).Select((l, i) => (i == cut ? cancelled : l) + "\n")) + lines[kept][..(lines[kept].Length / 2)]);

        SuiteRun resumed = await SuiteRun.RunInAsync(root, Path.Combine(DotNet.RepoRoot, "tests", "fixtures", "RobustnessSuite"), new Dictionary<string, string> { ["EVALSPEC_RESUME"] = "e2e" }, "--no-build");

        Dictionary<string, string> Verdicts(IEnumerable<JsonElement> rows) => rows.ToDictionary(RowId, r => r.GetProperty("outcome").GetString()!);
        resumed.Rows.Should().HaveCount(lines.Length, "one line per row: " + resumed.Process);
        Verdicts(resumed.Rows).Should().BeEquivalentTo(Verdicts(whole.Rows));
        JsonElement section = resumed.Summary.GetProperty("resumed");
        section.GetProperty("takenOver").GetInt32().Should().Be(kept - 1);
        section.GetProperty("tornLines").GetInt32().Should().Be(1);
        section.GetProperty("dropped").GetInt32().Should().Be(1);
        foreach (string name in new[] { "rows", "methods", "robustness", "multiPrompt" })
        {
            Canonical(resumed.Summary.GetProperty(name)).Should().Be(Canonical(whole.Summary.GetProperty(name)), $"the resumed run's {name} must equal the whole run's");
        }

        // Taken-over rows are reported as decided; those that did not pass say where their verdict comes from.
        int notPassing = lines.Take(kept).Where((_, i) => i != cut).Count(l => JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString() != "pass");
        resumed.Report.Results.Values.Count(r => r.Message.Contains("before it was interrupted (EVALSPEC_RESUME)", StringComparison.Ordinal)).Should().Be(notPassing);
        // Taken-over rows are not run again: their lines stay as written, and the rows run again are the resume's (attempt 1).
        // (systemUnderTestCalls is no measure of it: a resumed run counts the calls of the rows it takes over too.)
        string[] after = File.ReadAllLines(Path.Combine(folder, "results.jsonl"));
        after.Where(l => !l.Contains("\"attempt\":", StringComparison.Ordinal)).Should().BeEquivalentTo(lines.Take(kept).Where((_, i) => i != cut), "taken-over rows are not run again");
        after.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, "\"attempt\":1[,}]")).Should().Be(lines.Length - (kept - 1), "the other rows ran in the resume");
        foreach (string name in new[] { "judges", "panels", "pairwise", "rowsWithJudgeErrors" })
        {
            Optional(resumed.Summary, name).Should().Be(Optional(whole.Summary, name), $"the resumed run's {name} count the taken-over rows too, as the whole run's");
        }
    }

    private static string RowId(JsonElement row) => row.GetProperty("rowId").GetString()!;

    /// <summary>The gate's verdict line ("Gate passed: ..."), without run folders.</summary>
    private static string GateVerdict(string output) => output.Split('\n').First(l => l.Contains("Gate ", StringComparison.Ordinal)).Trim();
}
