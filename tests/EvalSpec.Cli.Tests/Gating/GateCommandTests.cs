using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Cli.Tests.Reporting;
using FluentAssertions;
using Xunit;
using EvalSpec.Tests.Persistence;

namespace EvalSpec.Cli.Tests.Gating;

public sealed class GateCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.Combine("Shop.Evals");

    private string BaselinePath => Path.Combine(Project, "evalspec.baseline.json");

    /// <summary>Records <see cref="RunFiles.Suite16"/> as the baseline with the tool itself, as a developer would.</summary>
    private async Task RecordBaselineAsync()
    {
        string run = RunFiles.Write(Project, "20260314T080000Z-base", RunFiles.Suite16(), written: new DateTime(2026, 3, 14, 8, 0, 0, DateTimeKind.Utc));
        CliResult update = await Cli.RunAsync("baseline", "update", "--run", run);
        update.ExitCode.Should().Be(0, update.ToString());
    }

    [Fact]
    public async Task An_unchanged_run_passes_with_exit_code_0()
    {
        await RecordBaselineAsync();
        string run = RunFiles.Write(Project, "20260314T090000Z-same", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Baseline: {BaselinePath} (version 3)")
            .And.Contain("Gate passed: no statistically meaningful regression against the baseline (23 paired row(s), 0 stopped passing, 0 started passing).");
    }

    [Fact]
    public async Task A_degraded_run_exits_with_1_naming_the_method_the_flipped_rows_and_the_p_value()
    {
        await RecordBaselineAsync();
        string run = RunFiles.Write(Project, "20260314T090000Z-worse", RunFiles.Failing(RunFiles.Suite16(), "fail", "c00", "c01", "c02", "c04", "c05", "c06", "c07", "c08"));

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should()
            .Contain("Pass-rate regression in Shop.RefundEvals.RefundWindow: 0.938 -> 0.438 over 16 paired rows; 8 stopped passing, 0 started (exact McNemar p = 0.0078, Holm-adjusted 0.0078; alpha 0.05).")
            .And.Contain("  - RefundEvals.RefundWindow [c00 · formal]: pass -> fail (Shop.RefundEvals.RefundWindow/c00/formal/identity)")
            .And.Contain("Gate FAILED");
        result.Error.Should().StartWith("evalspec gate: Gate FAILED: ").And.Contain("RefundEvals.RefundWindow (pass rate)");
    }

    [Fact]
    public async Task Spend_against_an_earlier_run_is_informational_unless_a_limit_is_set()
    {
        await RecordBaselineAsync();
        string earlier = WithSpend(RunFiles.Write(Project, "20260314T085000Z-earlier", RunFiles.Suite16()), rows: 16, tokens: 16_000, cost: 0.16, p95: 800);
        string run = WithSpend(RunFiles.Write(Project, "20260314T090000Z-costlier", RunFiles.Suite16()), rows: 16, tokens: 24_000, cost: 0.32, p95: 900);

        CliResult informational = await Cli.RunAsync("gate", "--run", run, "--spend-baseline", earlier);
        CliResult limited = await Cli.RunAsync("gate", "--run", run, "--spend-baseline", earlier, "--max-cost-increase", "0.5");

        informational.ExitCode.Should().Be(0, informational.ToString());
        informational.Output.Should().Contain("(informational)").And.Contain("1,000 -> 1,500 (+50%)").And.Contain("$0.0100 -> $0.0200 (+100%)").And.Contain("800 ms -> 900 ms (+13%)");
        limited.ExitCode.Should().Be(1, limited.ToString());
        limited.Output.Should().Contain("cost per row rose +100%, more than the allowed +50%");
        limited.Error.Should().Contain("tokens, cost or latency rose past a limit");
    }

    [Fact]
    public async Task By_default_the_spend_change_is_shown_against_the_previous_run_that_has_spend_figures()
    {
        await RecordBaselineAsync();
        WithSpend(RunFiles.Write(Project, "20260314T085000Z-earlier", RunFiles.Suite16()), rows: 16, tokens: 16_000, cost: 0.16, p95: 800);
        RunFiles.Write(Project, "20260314T085500Z-before-budgets", RunFiles.Suite16());
        string run = WithSpend(RunFiles.Write(Project, "20260314T090000Z-costlier", RunFiles.Suite16()), rows: 16, tokens: 24_000, cost: 0.32, p95: 900);

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(0, "a spend change is informational without a limit: " + result);
        result.Output.Should().Contain("20260314T085000Z-earlier (informational; the previous run with spend figures; choose another with --spend-baseline <run>)")
            .And.Contain("1,000 -> 1,500 (+50%)").And.Contain("$0.0100 -> $0.0200 (+100%)").And.Contain("800 ms -> 900 ms (+13%)");
    }

    [Fact]
    public async Task By_default_a_run_with_spend_and_no_earlier_one_says_spend_was_not_compared()
    {
        await RecordBaselineAsync();
        string run = WithSpend(RunFiles.Write(Project, "20260314T090000Z-only", RunFiles.Suite16()), rows: 16, tokens: 24_000, cost: 0.32, p95: 900);

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Spend: not compared: no earlier run with tokens, latency or cost beside this run; compare with one with --spend-baseline <run>.");
    }

    [Fact]
    public async Task A_spend_limit_without_an_earlier_run_is_refused()
    {
        await RecordBaselineAsync();
        string run = RunFiles.Write(Project, "20260314T090000Z-same", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("gate", "--run", run, "--max-latency-increase", "0.2");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("--spend-baseline");
    }

    private static string WithSpend(string run, int rows, long tokens, double cost, double p95)
    {
        string path = Path.Combine(run, "summary.json");
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        summary["spend"] = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Shop.RefundEvals.RefundWindow"] = new
            {
                total = new { rows, sutTokens = tokens, judgeTokens = 0, meanLatencyMs = p95, p95LatencyMs = p95, costUsd = cost, unpricedRows = 0 },
                variants = new Dictionary<string, object>(),
            },
        }));
        File.WriteAllText(path, summary.ToJsonString());
        return run;
    }

    [Fact]
    public async Task A_run_with_fewer_rows_than_the_baseline_is_refused_with_exit_code_3_naming_its_coverage()
    {
        await RecordBaselineAsync();
        string run = RunFiles.Write(Project, "20260314T090000Z-filtered", RunFiles.Suite16().Where(r => r.Method == "RefundWindow" && r.Variant == "casual"));

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Output.Should().Contain("Coverage: 4 of 23 baseline rows in the run")
            .And.Contain("Gate REFUSED: partial run: 4 of 23 baseline rows (19 not in the run, e.g. left out by `dotnet test --filter`)")
            .And.Contain("pass --allow-partial");
        result.Error.Should().StartWith("evalspec gate: Gate REFUSED: partial run: 4 of 23 baseline rows");
    }

    [Fact]
    public async Task A_sampled_run_is_gated_on_its_estimate_and_interval_not_refused_as_partial()
    {
        await RecordBaselineAsync();
        // Six rows sampled from every row of the suite (one or more in each of its four strata), three of them flipped: too
        // few for McNemar over paired rows (p = 0.25), but the run's stratified estimate and its interval lie wholly below
        // the baseline's 21 of 23 passing rows.
        List<ResultRow> suite = RunFiles.Suite16();
        List<ResultRow> sample = [.. suite.Where(r => r.Method == "RefundWindow" && r.Variant == "formal").Take(3), .. suite.Where(r => r.Case is "c00" or "w1" && !(r.Method == "RefundWindow" && r.Variant == "formal"))];
        string run = RunFiles.Write(Project, "20260314T090000Z-sampled", RunFiles.Failing(sample, "fail", "c00", "c01", "c02"), sample: (Population: 24, Estimate: 0.4, StandardError: 0.1), population: RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("Coverage: 23 of 23 baseline rows in the population the sample was drawn from (a sampled run: gated on its estimate)")
            .And.Contain("Pass-rate regression of the sampled run: estimated 0.400 [0.204, 0.596] (95%) from a sample of 6 of 24 rows, baseline 0.913 over 23 rows");
        result.Error.Should().Contain("Gate FAILED").And.Contain("sampled run");
    }

    [Fact]
    public async Task A_sample_of_a_filtered_run_is_refused_as_partial_unless_allowed_and_then_compared_with_its_population_only()
    {
        await RecordBaselineAsync();
        // EVALSPEC_SAMPLE=5 dotnet test --filter EvalMethod=RefundWindow: the estimate stands for RefundWindow's 16 rows only.
        List<ResultRow> refundWindow = RunFiles.Suite16().Where(r => r.Method == "RefundWindow").ToList();
        // A row of each of its two strata (formal and casual), so that it is the filter, not the budget, that leaves rows out.
        string run = RunFiles.Write(Project, "20260314T090000Z-sampled", [.. refundWindow.Take(4), refundWindow.First(r => r.Variant == "casual")], sample: (Population: 16, Estimate: 1.0, StandardError: 0.0), population: refundWindow);

        CliResult refused = await Cli.RunAsync("gate", "--run", run);

        refused.ExitCode.Should().Be(3, refused.ToString());
        refused.Output.Should().Contain("Gate REFUSED: partial run: 16 of 23 baseline rows in the population the sample was drawn from (7 outside it")
            .And.Contain("--allow-partial");

        CliResult allowed = await Cli.RunAsync("gate", "--run", run, "--allow-partial");

        allowed.ExitCode.Should().Be(0, allowed.ToString());
        allowed.Output.Should().Contain("baseline 0.938 over 16 rows")
            .And.Contain("Partial run (--allow-partial): the sample was drawn from 16 of 23 baseline rows; its estimate is compared with the baseline pass rate of those rows only.");
    }

    [Fact]
    public async Task A_sample_whose_summary_does_not_list_its_population_is_refused_with_what_to_do()
    {
        await RecordBaselineAsync();
        List<ResultRow> sample = RunFiles.Suite16().Where(r => r.Method == "RefundWindow").Take(5).ToList();
        string run = RunFiles.Write(Project, "20260314T090000Z-sampled", sample, sample: (Population: 24, Estimate: 1.0, StandardError: 0.0));

        CliResult result = await Cli.RunAsync("gate", "--run", run, "--allow-partial");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Output.Should().Contain("does not list the 24 rows its sample was drawn from").And.Contain("Run the sample again");
    }

    [Fact]
    public async Task With_allow_partial_new_and_removed_rows_are_listed_and_the_gate_passes()
    {
        await RecordBaselineAsync();
        List<ResultRow> rows = RunFiles.Suite16().Where(r => r.Method != "Warranty").ToList();
        rows.Add(new ResultRow("Exchange", "shoes", "formal", "fail"));
        string run = RunFiles.Write(Project, "20260314T090000Z-moved", rows);

        CliResult result = await Cli.RunAsync("gate", "--run", run, "--allow-partial");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Note: Partial run (--allow-partial): 16 of 23 baseline rows; only those are compared.");
        result.Output.Should().Contain("New rows, not in the baseline (not compared): 1")
            .And.Contain("  - RefundEvals.Exchange [shoes · formal] (Shop.RefundEvals.Exchange/shoes/formal/identity)")
            .And.Contain("Baseline rows not in this run (not compared): 7");
    }

    [Fact]
    public async Task The_project_s_newest_run_and_its_baseline_are_used_when_no_run_is_given()
    {
        await RecordBaselineAsync();
        RunFiles.Write(Project, "20260314T090000Z-old", RunFiles.Failing(RunFiles.Suite16(), "fail", "c00", "c01", "c02", "c04", "c05", "c06", "c07", "c08"), written: new DateTime(2026, 3, 14, 9, 0, 0, DateTimeKind.Utc));
        string newest = RunFiles.Write(Project, "20260314T100000Z-new", RunFiles.Suite16(), written: new DateTime(2026, 3, 14, 10, 0, 0, DateTimeKind.Utc));

        CliResult result = await Cli.RunAsync("gate", "--project", Project);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Run: {newest}");
    }

    [Fact]
    public async Task The_json_result_lists_the_regressions_and_the_flipped_rows()
    {
        await RecordBaselineAsync();
        string run = RunFiles.Write(Project, "20260314T090000Z-worse", RunFiles.Failing(RunFiles.Suite16(), "inconclusive", "c00", "c01", "c02", "c04", "c05", "c06", "c07", "c08"));
        string json = _folder.Combine("out", "gate.json");

        CliResult result = await Cli.RunAsync("gate", "--run", run, "--json", json);

        result.ExitCode.Should().Be(1, result.ToString());
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = document.RootElement;
        root.GetProperty("passed").GetBoolean().Should().BeFalse();
        root.GetProperty("regressions").EnumerateArray().Select(r => r.GetProperty("method").GetString()).Should().Contain("Shop.RefundEvals.RefundWindow");
        root.GetProperty("inconclusiveRows").GetArrayLength().Should().Be(8);
        root.GetProperty("methods").GetProperty("Shop.RefundEvals.RefundWindow").GetProperty("stoppedPassing")[0].GetProperty("run").GetString().Should().Be("inconclusive");
        root.GetProperty("format").GetInt32().Should().Be(1);
        CommittedFileSchemas.Errors("gate-result.schema.json", File.ReadAllText(json)).Should().BeEmpty("the gate's JSON satisfies docs/schemas/gate-result.schema.json");
    }

    [Fact]
    public async Task A_missing_run_folder_is_an_input_error_that_lists_the_runs_found()
    {
        RunFiles.Write(Project, "20260314T080000Z-aaaa", RunFiles.Suite16());
        RunFiles.Write(Project, "20260314T090000Z-bbbb", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("gate", "--run", Path.Combine(Project, "TestResults", "evalspec", "20260314T100000Z-typo"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("20260314T100000Z-typo does not exist. Run folders in")
            .And.Contain("20260314T090000Z-bbbb").And.Contain("20260314T080000Z-aaaa");
    }

    [Fact]
    public async Task A_project_without_runs_is_an_input_error_saying_to_run_the_tests()
    {
        Directory.CreateDirectory(Project);

        CliResult result = await Cli.RunAsync("gate", "--project", Project);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("No run in").And.Contain("run `dotnet test`");
    }

    [Fact]
    public async Task A_missing_baseline_is_an_input_error_pointing_to_baseline_update()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-same", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain($"There is no baseline at {BaselinePath}").And.Contain("evalspec baseline update --run");
    }

    [Fact]
    public async Task A_malformed_results_line_is_an_input_error_naming_the_file_and_line()
    {
        await RecordBaselineAsync();
        string run = RunFiles.Write(Project, "20260314T090000Z-cut", RunFiles.Suite16());
        File.AppendAllText(Path.Combine(run, "results.jsonl"), "{\"rowId\":\"Shop.RefundEvals.RefundWindow/c99/formal/identity\",\"outc\n");

        CliResult result = await Cli.RunAsync("gate", "--run", run);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(Path.Combine(run, "results.jsonl") + ", line 25: not valid JSON");
    }

    [Theory]
    [InlineData("--alpha", "1.5", "alpha must be between 0 and 1")]
    [InlineData("--min-score-drop", "-0.1", "minimum score drop must be between 0 and 1")]
    [InlineData("--resamples", "10", "resamples must be between 1000 and 1000000")]
    public async Task Thresholds_out_of_range_are_input_errors(string option, string value, string message)
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-same", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("gate", "--run", run, option, value);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message);
    }
}
