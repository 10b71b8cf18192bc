using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// A sharded run on one machine: `dotnet test` of tests/fixtures/RobustnessSuite unsharded, then as four shards
/// (EVALSPEC_SHARD=k/4), merged with `evalspec merge`: the same verdicts, metrics and gate result as the unsharded run.
/// </summary>
public sealed class ShardedRunTests
{
    [Fact]
    public async Task Four_shards_merged_give_the_verdicts_metrics_and_gate_result_of_the_unsharded_run()
    {
        string scratch = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n"));
        string baseline = Path.Combine(scratch, "evalspec.baseline.json");
        SuiteRun whole = await SuiteRun.RunAsync("RobustnessSuite");
        CliRun update = await CliRun.RunAsync(_ => null, "baseline", "update", "--run", whole.RunDirectory, "--baseline", baseline);
        update.ExitCode.Should().Be(0, update.ToString());

        // The fixture was built by the unsharded run; the shards run the same build, as CI jobs of one commit would.
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

        CliRun gateWhole = await CliRun.RunAsync(_ => null, "gate", "--run", whole.RunDirectory, "--baseline", baseline);
        CliRun gateMerged = await CliRun.RunAsync(_ => null, "gate", "--run", merged, "--baseline", baseline);
        gateMerged.ExitCode.Should().Be(gateWhole.ExitCode, gateMerged.ToString());
        gateMerged.ExitCode.Should().Be(0, gateMerged.ToString());
        GateVerdict(gateMerged.Output).Should().Be(GateVerdict(gateWhole.Output));
    }

    /// <summary>The JSON with the properties of every object in ordinal order: equal metrics, whatever order they were written in.</summary>
    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };

    private static string RowId(JsonElement row) => row.GetProperty("rowId").GetString()!;

    /// <summary>The gate's verdict line ("Gate passed: ..."), without run folders.</summary>
    private static string GateVerdict(string output) => output.Split('\n').First(l => l.Contains("Gate ", StringComparison.Ordinal)).Trim();
}
