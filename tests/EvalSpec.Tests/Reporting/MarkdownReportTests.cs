using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Reporting;

public sealed class MarkdownReportTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// RefundWindow: 2 cases x 2 variants (laptop passes both, phone only formal) and 2 typos rows (one violated, with
    /// input similarity 0.5), one lowercase row not applicable; one row inconclusive; a judged rubric verdict with tokens.
    /// </summary>
    private static RunData Sample()
    {
        RunRow judged = Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass) with
        {
            Checks = [new RunCheck("rubric", VerdictOutcome.Pass, 0.8, "states 30 days", [new RunVerdict("llama", VerdictOutcome.Pass, 0.8, false, 1, "llama-3.1-8b", 1_200_000, 300_000)])],
        };
        RunRow[] rows =
        [
            judged,
            Row("RefundWindow", "laptop", "casual", VerdictOutcome.Pass),
            Row("RefundWindow", "phone", "formal", VerdictOutcome.Pass),
            Row("RefundWindow", "phone", "casual", VerdictOutcome.Fail) with { KnownFailure = true },
            Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass, relation: "typos"),
            Row("RefundWindow", "phone", "formal", VerdictOutcome.Fail, relation: "typos") with
            {
                InputSimilarity = 0.5,
                Checks = [new RunCheck("relation typos (invariant)", VerdictOutcome.Fail, 0.2, "the output changed | a lot", [])],
            },
            Row("RefundWindow", "phone", "formal", VerdictOutcome.Inconclusive, relation: "lowercase", applicable: false),
            Row("Warranty", "tv", "formal", VerdictOutcome.Inconclusive) with { Checks = [new RunCheck("rubric", VerdictOutcome.Inconclusive, null, "the judge errored: 503", [])] },
        ];
        var summary = new RunSummaryFile
        {
            RunId = "run-1",
            Configuration = "gpt-4o-mini",
            WallTimeMs = 2500,
            SystemUnderTestCalls = 9,
            Judges = new Dictionary<string, RunSummaryFile.JudgeSection>
            {
                ["llama"] = new() { Pass = 6, Fail = 1, ModelCalls = 7, InputTokens = 1_200_000, OutputTokens = 300_000 },
                ["expected-answer"] = new() { Pass = 5, Fail = 2 },
            },
            Panels = new Dictionary<string, RunSummaryFile.PanelSection>
            {
                ["rubric"] = new()
                {
                    Judgements = 7, JudgesAsked = 14, JudgesSkipped = 2,
                    Agreement = new() { Items = 7, FleissKappa = 0.61, KrippendorffAlpha = 0.63, Pairs = [new() { Judges = "llama / qwen", CohensKappa = 0.6, ObservedAgreement = 0.857, ItemsUsed = 7 }] },
                },
            },
        };
        return RunData.From("/runs/run-1", rows, summary);
    }

    [Fact]
    public void The_report_has_pass_rates_by_method_variant_and_relation_and_counts_inconclusive_rows()
    {
        string markdown = MarkdownReport.Render(RunReportModel.Build(Sample()));

        markdown.Should().StartWith("## EvalSpec: Shop (run `run-1`, configuration `gpt-4o-mini`)")
            .And.Contain("**8 rows: 4 passed, 2 failed (1 known from the baseline), 1 inconclusive, 1 not applicable** · 9 eval method calls · 2.5 s")
            .And.Contain("| RefundEvals.RefundWindow | 6 | 4 | 2 | 1 | 0 | 1 | 0.667 |")
            .And.Contain("| RefundEvals.Warranty | 1 | 0 | 0 | 0 | 1 | 0 | 0.000 |")
            .And.Contain("| RefundEvals.RefundWindow | casual | 2 | 1 | 0 | 0.500 | 0.500 |")
            .And.Contain("| RefundEvals.RefundWindow | typos | invariant | 2 | 1 | 0.500 | 0.500 | 0.333 | 0 | 0 |")
            .And.Contain("### Inconclusive rows (1)")
            .And.Contain("| RefundEvals.Warranty [tv · formal] | rubric: the judge errored: 503 |");
    }

    [Fact]
    public void New_failures_exclude_known_failures_and_escape_pipes_in_reasons()
    {
        string markdown = MarkdownReport.Render(RunReportModel.Build(Sample()));

        markdown.Should().Contain("### New failures (1)")
            .And.Contain("| RefundEvals.RefundWindow [phone · formal · typos] | relation typos (invariant): the output changed \\| a lot |")
            .And.NotContain("[phone · casual] |");
    }

    [Fact]
    public void Judges_show_tokens_and_with_a_price_table_their_cost()
    {
        var prices = PriceTable.From(new Dictionary<string, ModelPrice> { ["llama-3.1-8b"] = new(0.2, 0.6) });

        string unpriced = MarkdownReport.Render(RunReportModel.Build(Sample()));
        string priced = MarkdownReport.Render(RunReportModel.Build(Sample(), prices: prices));

        unpriced.Should().Contain("| llama | llama-3.1-8b | 6 | 1 | 0 | 0 | 7 | 1,200,000 | 300,000 | – |").And.Contain("No price table was given");
        // 1.2 M x $0.20 + 0.3 M x $0.60 = $0.24 + $0.18.
        priced.Should().Contain("| llama | llama-3.1-8b | 6 | 1 | 0 | 0 | 7 | 1,200,000 | 300,000 | $0.4200 |").And.Contain("· judges $0.4200");
    }

    [Fact]
    public void Judge_agreement_lists_each_panel_and_judge_pair()
    {
        string markdown = MarkdownReport.Render(RunReportModel.Build(Sample()));

        markdown.Should().Contain("### Judge agreement")
            .And.Contain("| rubric | 7 | 14 | 2 | 0.610 | 0.630 |")
            .And.Contain("| rubric | llama / qwen | 0.600 | 0.857 | 7 |");
    }

    [Fact]
    public void Snapshot_and_recording_counts_of_the_summary_are_reported()
    {
        RunData sample = Sample();
        RunData run = RunData.From(sample.Directory, sample.Rows, new RunSummaryFile
        {
            Snapshots = new RunSummaryFile.SnapshotSection { Matched = 5, MatchedByMeaning = 1, Accepted = 0, Missing = 1, Mismatched = 2, Invalid = 0, Dangling = ["Evals/Old.verified.txt"] },
            Recording = new RunSummaryFile.RecordingSection { Mode = "replay", Directory = "recordings", Replayed = 40, Misses = 1 },
        });

        string markdown = MarkdownReport.Render(RunReportModel.Build(run));

        markdown.Should().Contain("**Snapshots:** 5 matched (1 by meaning), 0 accepted, 1 missing, 2 changed, 0 unreadable; 1 verified file(s) belong to no row any more.")
            .And.Contain("**Model calls (replay):** 40 replayed, 0 recorded, 0 live, 1 missing from the recordings. Tokens of replayed calls are as recorded; replaying them cost nothing.");
    }

    [Fact]
    public void Cascade_escalations_abstentions_calls_per_tier_and_rows_decided_by_a_person_are_in_both_reports()
    {
        RunData sample = Sample();
        const string summary = """
            {
              "baseline": { "decidedByPerson": 2 },
              "cascades": { "triage": { "judged": 40, "abstained": 3, "contested": 2, "guarantee": "agreement >= 0.85 at risk 0.1 (300 labelled items)", "reviewQueue": "/runs/run-1/review.jsonl",
                "tiers": [ { "tier": "cheap", "asked": 40, "decided": 28, "escalated": 12, "modelCalls": 120 }, { "tier": "strong", "asked": 12, "decided": 9, "escalated": 3, "modelCalls": 12 } ] } }
            }
            """;
        string path = _folder.Combine("summary.json");
        File.WriteAllText(path, summary);
        RunData run = RunData.From(sample.Directory, sample.Rows, RunSummaryFile.Read(path));

        string markdown = MarkdownReport.Render(RunReportModel.Build(run));
        string html = HtmlReport.Render(RunReportModel.Build(run));

        markdown.Should().Contain("### Judge cascades")
            .And.Contain("- triage: 40 row(s) judged, 3 abstained (inconclusive, to label with `evalspec review`), 2 contested; guarantee: agreement >= 0.85 at risk 0.1 (300 labelled items); review queue /runs/run-1/review.jsonl")
            .And.Contain("- 2 row(s) decided by a person")
            .And.Contain("| triage | cheap | 40 | 28 | 12 | 0.300 | 120 |")
            .And.Contain("| triage | strong | 12 | 9 | 3 | 0.250 | 12 |");
        html.Should().Contain("<h2 id=\"cascades\">Judge cascades</h2>").And.Contain("2 row(s) decided by a person").And.Contain(">0.250<");
        MarkdownReport.Render(RunReportModel.Build(sample)).Should().NotContain("Judge cascades", "a run without cascades or pins has no such section");
    }

    [Fact]
    public void Regressions_against_the_baseline_are_named_with_their_rows()
    {
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(_folder.Combine(Baseline.FileName), before);
        RunData run = Run(With(before, VerdictOutcome.Fail, "c00", "c01", "c02", "c03", "c04", "c05", "c06", "c07"));
        GateResult gate = RegressionGate.Evaluate(baseline, run);

        string markdown = MarkdownReport.Render(RunReportModel.Build(run, gate));

        markdown.Should().Contain("❌ Gate FAILED")
            .And.Contain("### Compared with the baseline")
            .And.Contain("- **Pass-rate regression in Shop.RefundEvals.RefundWindow: 1.000 -> 0.600 over 20 paired rows; 8 stopped passing, 0 started (exact McNemar p = 0.0078")
            .And.Contain("<details><summary>Stopped passing (8)</summary>")
            .And.Contain("- RefundEvals.RefundWindow [c00 · formal]: pass -> fail (Shop.RefundEvals.RefundWindow/c00/formal/identity)");
    }

    [Fact]
    public void A_filtered_run_is_reported_as_not_gated_with_what_would_gate_it_rather_than_as_refused()
    {
        // `dotnet test --filter ...` on a developer's machine: 12 of the 66 rows, compared with the baseline by the run's
        // own reports with the default options, which `evalspec gate` would refuse (exit 3).
        RunRow[] recorded = [.. Many("RefundWindow", 60, VerdictOutcome.Pass), .. Many("Warranty", 6, VerdictOutcome.Pass)];
        string baselinePath = _folder.Combine(Baseline.FileName);
        Record(baselinePath, recorded);
        string directory = _folder.Combine("TestResults", "evalspec", "run-1");
        Directory.CreateDirectory(directory);
        string stepSummary = _folder.Combine("step-summary.md");

        RunReportFiles files = RunReports.Write(Run(recorded.Take(12), directory), new ReportOptions { BaselinePath = baselinePath }, stepSummary);

        const string Headline = "Baseline: not gated: partial run (12 of 66 baseline rows). 54 baseline row(s) are not in this run (e.g. left out by `dotnet test --filter`). Run the whole suite to compare it with the baseline, or gate only these rows with `evalspec gate --allow-partial` (without it, `evalspec gate` refuses this run with exit code 3).";
        files.Gate!.Refused.Should().BeTrue("evalspec gate still refuses it");
        files.Markdown.Should().Contain("ℹ️ " + Headline).And.NotContain("REFUSED").And.NotContain("Gate passed").And.NotContain("❌");
        File.ReadAllText(stepSummary).Should().Contain(Headline);
        string html = File.ReadAllText(files.HtmlPath);
        html.Should().Contain("<div class=\"gate partial\" id=\"gate\">Baseline: not gated: partial run (12 of 66 baseline rows).").And.NotContain("REFUSED").And.NotContain("Gate passed");
    }

    [Fact]
    public void A_sample_of_a_filtered_run_is_reported_as_not_gated_naming_the_rows_its_population_leaves_out()
    {
        RunRow[] recorded = [.. Many("RefundWindow", 60, VerdictOutcome.Pass), .. Many("Warranty", 6, VerdictOutcome.Pass)];
        Baseline baseline = Record(_folder.Combine(Baseline.FileName), recorded);
        RunRow[] population = recorded.Take(60).ToArray();
        RunData run = SampledPartialGateTests.Sampled(population, population.Take(6).ToArray(), estimate: 1.0, standardError: 0.0);

        string markdown = MarkdownReport.Render(RunReportModel.Build(run, RegressionGate.Evaluate(baseline, run)));

        markdown.Should().Contain("ℹ️ Baseline: not gated: partial run (60 of 66 baseline rows). The sample was drawn from part of the suite: 6 baseline row(s) are outside the rows it stands for.")
            .And.NotContain("Gate passed").And.NotContain("REFUSED");
    }

    [Fact]
    public void A_refusal_other_than_a_partial_run_stays_a_refusal_in_the_report()
    {
        Baseline baseline = Record(_folder.Combine(Baseline.FileName), Many("RefundWindow", 50, VerdictOutcome.Pass));
        RunRow[] population = Many("RefundWindow", 50, VerdictOutcome.Pass).ToArray();
        RunData run = SampledPartialGateTests.Sampled(population, population.Take(5).ToArray(), estimate: null, standardError: null);

        string markdown = MarkdownReport.Render(RunReportModel.Build(run, RegressionGate.Evaluate(baseline, run)));

        markdown.Should().Contain("❌ Gate REFUSED: sampled run without an estimate");
    }

    [Fact]
    public void Writing_the_reports_puts_both_files_in_the_run_folder_and_appends_the_markdown_to_the_step_summary()
    {
        string run = _folder.Combine("TestResults", "evalspec", "run-1");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, RunResultsReader.FileName), """{"rowId":"Shop.RefundEvals.RefundWindow/laptop/formal/identity","suite":"Shop.RefundEvals","method":"RefundWindow","outcome":"pass","checks":[]}""" + "\n");
        string stepSummary = _folder.Combine("step-summary.md");
        File.WriteAllText(stepSummary, "earlier step\n");

        RunReportFiles files = RunReports.WriteAll(run, _folder.Combine("missing.baseline.json"), name => name == "GITHUB_STEP_SUMMARY" ? stepSummary : null);

        File.ReadAllText(files.MarkdownPath).Should().Be(files.Markdown).And.Contain("Baseline: none at");
        File.ReadAllText(files.HtmlPath).Should().StartWith("<!DOCTYPE html>").And.Contain("id=\"variant-chart\"");
        File.ReadAllText(stepSummary).Should().Be("earlier step\n" + files.Markdown + "\n");
    }
}
