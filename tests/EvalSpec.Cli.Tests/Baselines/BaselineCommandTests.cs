using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Cli.Tests.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Baselines;

public sealed class BaselineCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.Combine("Shop.Evals");

    private string BaselinePath => Path.Combine(Project, "evalspec.baseline.json");

    [Fact]
    public async Task Update_writes_a_version_3_baseline_with_row_scores_failure_evidence_and_method_metrics_next_to_the_project()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-base", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("baseline", "update", "--run", run);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Baseline {BaselinePath} written (format 3, new file): 23 rows of 2 methods from run 20260314T090000Z-base.")
            .And.Contain("23 added, 0 changed outcome, 0 removed, 0 kept from earlier runs");
        using JsonDocument baseline = JsonDocument.Parse(File.ReadAllText(BaselinePath));
        JsonElement root = baseline.RootElement;
        root.GetProperty("format").GetInt32().Should().Be(3);
        root.TryGetProperty("version", out _).Should().BeFalse("the format number is written as \"format\" only");
        JsonElement refund = root.GetProperty("methods").GetProperty("Shop.RefundEvals.RefundWindow");
        refund.GetProperty("passRate").GetDouble().Should().Be(0.9375);
        refund.GetProperty("multiPrompt").GetProperty("cps").GetDouble().Should().Be(0.875);
        root.GetProperty("methods").GetProperty("Shop.RefundEvals.Warranty").GetProperty("robustness").GetProperty("attackSuccessRate").GetDouble().Should().BeApproximately(1.0 / 3, 1e-4);
        JsonElement failing = root.GetProperty("rows").GetProperty("Shop.RefundEvals.RefundWindow/c03/casual/identity");
        failing.GetProperty("kind").GetString().Should().Be("checks: expected-answer, rubric");
        failing.GetProperty("score").GetDouble().Should().Be(0.05);
        failing.GetProperty("evidence").GetString().Should().Be("Returns are accepted within 14 days.", "what the failure showed: the row's output");
        failing.GetProperty("evidenceHash").GetString().Should().MatchRegex("^[0-9a-f]{16}$");
        root.GetProperty("rows").GetProperty("Shop.RefundEvals.RefundWindow/c00/formal/identity").TryGetProperty("evidence", out _).Should().BeFalse("a passing row records no failure");
    }

    [Fact]
    public async Task Update_is_refused_on_a_build_server_unless_forced()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-base", RunFiles.Suite16());
        var ci = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };

        CliResult refused = await Cli.RunAsync(ci, "baseline", "update", "--run", run);
        bool writtenWhenRefused = File.Exists(BaselinePath);
        CliResult forced = await Cli.RunAsync(ci, "baseline", "update", "--run", run, "--force");

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("will not update the baseline on a build server (GITHUB_ACTIONS is set)").And.Contain("--force");
        writtenWhenRefused.Should().BeFalse();
        forced.ExitCode.Should().Be(0, forced.ToString());
        File.Exists(BaselinePath).Should().BeTrue();
    }

    [Fact]
    public async Task A_version_1_baseline_becomes_version_3_keeping_rows_the_run_did_not_have()
    {
        Directory.CreateDirectory(Project);
        File.WriteAllText(BaselinePath, """
            {
              "version": 1,
              "rows": {
                "Shop.RefundEvals.Retired/old/formal/identity": { "outcome": "pass" },
                "Shop.RefundEvals.RefundWindow/c00/formal/identity": { "outcome": "fail", "reason": "old", "kind": "checks: rubric" }
              }
            }
            """);
        string run = RunFiles.Write(Project, "20260314T090000Z-base", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("baseline", "update", "--run", run);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("(format 3, was format 1): 24 rows of 3 methods")
            .And.Contain("22 added, 1 changed outcome, 0 removed, 1 kept from earlier runs")
            .And.Contain("RefundEvals.RefundWindow [c00 · formal]: fail -> pass");
        File.ReadAllText(BaselinePath).Should().Contain("Shop.RefundEvals.Retired/old/formal/identity");
    }

    [Fact]
    public async Task Replace_drops_rows_the_run_did_not_have()
    {
        string first = RunFiles.Write(Project, "20260314T080000Z-all", RunFiles.Suite16());
        string second = RunFiles.Write(Project, "20260314T090000Z-refunds", RunFiles.Suite16().Where(r => r.Method == "RefundWindow"));
        await Cli.RunAsync("baseline", "update", "--run", first);

        CliResult result = await Cli.RunAsync("baseline", "update", "--run", second, "--replace");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("16 rows of 1 methods").And.Contain("7 removed, 0 kept");
    }

    [Fact]
    public async Task A_run_without_judged_rows_is_not_recorded()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-empty", Array.Empty<ResultRow>());

        CliResult result = await Cli.RunAsync("baseline", "update", "--run", run);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("has no judged row to record");
        File.Exists(BaselinePath).Should().BeFalse();
    }
}
