using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Reporting;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.Combine("Shop.Evals");

    [Fact]
    public async Task Report_writes_markdown_and_html_into_the_run_folder_and_prints_the_markdown()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("report", run);

        result.ExitCode.Should().Be(0, result.ToString());
        string markdown = File.ReadAllText(Path.Combine(run, "report.md"));
        result.Output.Should().StartWith(markdown).And.Contain($"Report written to {Path.Combine(run, "report.md")} and {Path.Combine(run, "report.html")}.");
        markdown.Should().Contain("## EvalSpec: Shop (run `20260314T090000Z-abcd`)")
            .And.Contain("**24 rows: 21 passed, 2 failed, 0 inconclusive, 1 not applicable** · 23 eval method calls · 5.1 s")
            .And.Contain("| RefundEvals.RefundWindow | casual | 4 | 3 | 0 | 0.750 |")
            .And.Contain("| RefundEvals.RefundWindow | 2 | 4/12 | 1.000 | 0.875 | 0.875 | 0.875 | c03 |")
            .And.Contain("| RefundEvals.Warranty | typos | invariant | 3 | 1 | 0.667 | 0.333 | 0.333 | 1 | 0 |")
            .And.Contain("| rubric | llama / qwen | 0.732 | 0.900 | 20 |")
            .And.Contain("| llama | llama-3.1-8b | 21 | 2 | 0 | 0 | 20 | 16,240 | 1,280 | – |");
        File.ReadAllText(Path.Combine(run, "report.html")).Should().Contain("<script type=\"application/json\" id=\"evalspec-data\">");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task History_of_fewer_than_one_run_is_refused_naming_the_option(string runs)
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("report", run, "--history", runs);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain($"--history must be 1 or more (the number of runs to chart, this one included); it was {runs}.");
        File.Exists(Path.Combine(run, "report.html")).Should().BeFalse();
    }

    [Fact]
    public async Task History_leaves_out_an_earlier_run_it_cannot_read_and_says_so_in_the_page()
    {
        RunFiles.Write(Project, "20260312T090000Z-good", RunFiles.Suite16());
        string broken = Path.Combine(Project, "TestResults", "evalspec", "20260313T090000Z-torn");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "results.jsonl"), "{\"runId\": \"20260313T090000Z-torn\", \"rowId\": ");
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("report", run, "--history", "5");

        result.ExitCode.Should().Be(0, result.ToString());
        string html = File.ReadAllText(Path.Combine(run, "report.html"));
        html.Should().Contain("\"runId\":\"20260312T090000Z-good\"").And.Contain("\"runId\":\"20260314T090000Z-abcd\"")
            .And.Contain("20260313T090000Z-torn left out: ").And.Contain("\"requested\":5");
    }

    [Fact]
    public async Task The_run_can_be_given_with_run_like_gate_takes_it_but_only_once()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());

        CliResult byOption = await Cli.RunAsync("report", "--run", run);
        CliResult twice = await Cli.RunAsync("report", run, "--run", run);

        byOption.ExitCode.Should().Be(0, byOption.ToString());
        File.Exists(Path.Combine(run, "report.html")).Should().BeTrue();
        twice.ExitCode.Should().NotBe(0);
        twice.Error.Should().Contain("Give the run once");
    }

    [Fact]
    public async Task Report_with_a_price_table_shows_the_cost_of_each_judge()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());
        string prices = _folder.Combine("prices.json");
        File.WriteAllText(prices, """{ "llama-3.1-8b": { "input": 0.05, "output": 0.08 }, "qwen2.5-7b": { "input": 0.1, "output": 0.2 } }""");

        CliResult result = await Cli.RunAsync("report", run, "--prices", prices);

        // llama: 16,240 x 0.05 + 1,280 x 0.08 = 914.4 per million; qwen: 15,800 x 0.1 + 1,160 x 0.2 = 1,812 per million.
        result.Output.Should().Contain("| llama | llama-3.1-8b | 21 | 2 | 0 | 0 | 20 | 16,240 | 1,280 | $0.0009 |")
            .And.Contain("| qwen | qwen2.5-7b | 21 | 2 | 0 | 0 | 20 | 15,800 | 1,160 | $0.0018 |")
            .And.Contain("· judges $0.0027");
    }

    [Fact]
    public async Task A_malformed_price_table_is_an_input_error_naming_the_entry()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());
        string prices = _folder.Combine("prices.json");
        File.WriteAllText(prices, """{ "llama-3.1-8b": { "input": "cheap", "output": 0.08 } }""");

        CliResult result = await Cli.RunAsync("report", run, "--prices", prices);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("\"llama-3.1-8b\".input must be a non-negative number of US dollars per million input tokens");
    }

    [Fact]
    public async Task Report_appends_the_markdown_to_the_GitHub_step_summary_when_it_is_set()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());
        string summary = _folder.Combine("step_summary.md");

        CliResult result = await Cli.RunAsync(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "report", run);

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(summary).Should().Be(File.ReadAllText(Path.Combine(run, "report.md")) + "\n");
        result.Output.Should().Contain($"Appended to the GitHub step summary ({summary}).");
    }

    [Fact]
    public async Task Report_compares_with_the_project_baseline_and_shows_regressions_without_failing()
    {
        string baselineRun = RunFiles.Write(Project, "20260314T080000Z-base", RunFiles.Suite16());
        (await Cli.RunAsync("baseline", "update", "--run", baselineRun)).ExitCode.Should().Be(0);
        string run = RunFiles.Write(Project, "20260314T090000Z-worse", RunFiles.Failing(RunFiles.Suite16(), "fail", "c00", "c01", "c02", "c04", "c05", "c06", "c07", "c08"));

        CliResult result = await Cli.RunAsync("report", run);

        result.ExitCode.Should().Be(0, "a report describes; the gate decides");
        result.Output.Should().Contain("❌ Gate FAILED").And.Contain("| RefundEvals.RefundWindow | 16 | 0.938 → 0.438 | 8 | 0 | 0.0078 (Holm 0.0078) |");
    }

    [Fact]
    public async Task A_folder_of_runs_is_an_input_error_listing_them()
    {
        RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("report", Path.Combine(Project, "TestResults", "evalspec"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("is not a run folder (no results.jsonl). Run folders in").And.Contain("20260314T090000Z-abcd");
    }

    [Fact]
    public async Task A_given_baseline_that_does_not_exist_is_an_input_error()
    {
        string run = RunFiles.Write(Project, "20260314T090000Z-abcd", RunFiles.Suite16());

        CliResult result = await Cli.RunAsync("report", run, "--baseline", _folder.Combine("nope.json"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("There is no baseline at");
    }
}
