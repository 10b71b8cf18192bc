using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EvalSpec.Cli.Tests.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Secrets;

/// <summary>
/// What the tool writes from a run folder is redacted whatever the folder holds (a run written before redaction existed,
/// or by hand): the reports, the console, the baseline and the gate's JSON.
/// </summary>
public sealed class RedactionTests : IDisposable
{
    private const string Key = "sk-proj-CliCanary0123456789abcdefghij";
    private const string Echo = "the eval method threw InvalidOperationException: Incorrect API key provided: Bearer " + Key + ".";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.Combine("Shop.Evals");

    /// <summary>Suite16 with every row that did not pass explained by a provider error that echoes the key.</summary>
    private string LeakyRun(string runId)
    {
        string run = RunFiles.Write(Project, runId, RunFiles.Failing(RunFiles.Suite16(), "fail", "c00", "c01"));
        string results = Path.Combine(run, "results.jsonl");
        string[] lines = File.ReadAllLines(results).Select(line =>
        {
            JsonNode row = JsonNode.Parse(line)!;
            if ((string?)row["outcome"] != "pass")
            {
                row["reason"] = Echo;
                foreach (JsonNode? check in row["checks"]!.AsArray())
                {
                    check!["rationale"] = Echo;
                }
            }

            return row.ToJsonString();
        }).ToArray();
        File.WriteAllLines(results, lines);
        File.ReadAllText(results).Should().Contain(Key, "the run folder holds the key");
        return run;
    }

    [Fact]
    public async Task Report_writes_and_prints_the_marker_instead_of_a_key()
    {
        string run = LeakyRun("20260314T090000Z-leak");
        string stepSummary = _folder.Combine("step-summary.md");

        CliResult result = await Cli.RunAsync(new System.Collections.Generic.Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = stepSummary }, "report", run);

        result.ExitCode.Should().Be(0, result.ToString());
        foreach (string file in new[] { Path.Combine(run, "report.md"), Path.Combine(run, "report.html"), stepSummary })
        {
            File.ReadAllText(file).Should().NotContain(Key, file).And.Contain("Incorrect API key provided: Bearer [REDACTED]", file);
        }

        result.Output.Should().NotContain(Key).And.Contain("Bearer [REDACTED]");
        result.Error.Should().NotContain(Key);
    }

    [Fact]
    public async Task The_baseline_and_the_gate_json_hold_the_marker_instead_of_a_key()
    {
        string run = LeakyRun("20260314T090000Z-leak");
        string json = _folder.Combine("gate.json");

        CliResult update = await Cli.RunAsync("baseline", "update", "--run", run);
        CliResult gate = await Cli.RunAsync("gate", "--run", run, "--json", json);

        update.ExitCode.Should().Be(0, update.ToString());
        string baseline = File.ReadAllText(Path.Combine(Project, "evalspec.baseline.json"));
        baseline.Should().NotContain(Key).And.Contain("Incorrect API key provided: Bearer [REDACTED]", "the failing rows' reasons are kept");
        JsonNode.Parse(baseline).Should().NotBeNull();
        gate.ExitCode.Should().Be(0, gate.ToString());
        File.ReadAllText(json).Should().NotContain(Key);
        (update.Output + update.Error + gate.Output + gate.Error).Should().NotContain(Key);
    }
}
