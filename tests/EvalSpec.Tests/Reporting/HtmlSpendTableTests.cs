using System;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Reporting;

/// <summary>report.html's spend table: per method and variant, the system under test and the judges apart, read from summary.json as the run writes it.</summary>
public sealed class HtmlSpendTableTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static RowSpendResult Spend(long sutIn, long sutOut, long judgeIn, long judgeOut, double sutMs, double judgeMs, double? sutCost, double? judgeCost) =>
        new(sutIn, sutOut, judgeIn, judgeOut, sutIn + sutOut + judgeIn + judgeOut, sutMs, judgeMs, sutCost + judgeCost, 1, 0, null, null, null)
        {
            SutCostUsd = sutCost,
            JudgeCostUsd = judgeCost,
        };

    /// <summary>Writes <paramref name="spendJson"/> as summary.json's <c>spend</c> and renders the report of a one-row run.</summary>
    private string Render(string spendJson)
    {
        string path = _folder.Combine("summary.json");
        System.IO.File.WriteAllText(path, "{\"runId\": \"run-1\", \"spend\": " + spendJson + "}");
        RunData run = RunData.From(_folder.Path, [Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass)], RunSummaryFile.Read(path));
        return HtmlReport.Render(RunReportModel.Build(run));
    }

    [Fact]
    public void Tokens_in_and_out_latency_and_cost_are_shown_per_method_and_variant_for_the_system_under_test_and_the_judges_apart()
    {
        var totals = new SpendTotals();
        totals.Add("Shop.RefundEvals.RefundWindow", "formal", Spend(1000, 200, 300, 40, 800, 150, 0.002, 0.0001));
        totals.Add("Shop.RefundEvals.RefundWindow", "casual", Spend(1400, 100, 500, 60, 1200, 250, 0.003, 0.0002));

        string html = Render(System.Text.Json.JsonSerializer.Serialize(totals.ToSummary(), ResultsJson.Indented));

        html.Should().Contain("<h2 id=\"spend\">Tokens, latency and cost by method</h2>")
            .And.Contain("<th>SUT tokens in</th><th>SUT tokens out</th><th>Judge tokens in</th><th>Judge tokens out</th>")
            .And.Contain("<tr><td>RefundEvals.RefundWindow</td><td>all</td><td class=\"num\">2</td><td class=\"num\">2,400</td><td class=\"num\">300</td><td class=\"num\">800</td><td class=\"num\">100</td><td class=\"num\">1,000 ms</td><td class=\"num\">1,200 ms</td><td class=\"num\">200 ms</td><td class=\"num\">$0.0050</td><td class=\"num\">$0.0003</td><td class=\"num\">$0.0053</td></tr>")
            .And.Contain("<tr><td></td><td>casual</td><td class=\"num\">1</td><td class=\"num\">1,400</td><td class=\"num\">100</td><td class=\"num\">500</td><td class=\"num\">60</td><td class=\"num\">1,200 ms</td>")
            .And.Contain("<tr><td></td><td>formal</td><td class=\"num\">1</td><td class=\"num\">1,000</td><td class=\"num\">200</td>");
    }

    [Fact]
    public void An_unpriced_judge_model_leaves_the_judges_and_total_cost_empty_but_not_the_system_under_tests()
    {
        var totals = new SpendTotals();
        totals.Add("Shop.RefundEvals.RefundWindow", "formal", Spend(1000, 200, 300, 40, 800, 150, 0.002, null));

        string html = Render(System.Text.Json.JsonSerializer.Serialize(totals.ToSummary(), ResultsJson.Indented));

        html.Should().Contain("<td class=\"num\">$0.0020</td><td class=\"num\">–</td><td class=\"num\">– (1 unpriced)</td></tr>");
    }

    [Fact]
    public void A_summary_from_before_tokens_in_and_out_were_kept_apart_shows_dashes_for_them()
    {
        const string older = """
            {"Shop.RefundEvals.RefundWindow": {"total": {"rows": 2, "sutTokens": 1200, "judgeTokens": 340, "meanLatencyMs": 900, "p95LatencyMs": 1100, "costUsd": 0.01, "unpricedRows": 0}, "variants": {"formal": {"rows": 2, "sutTokens": 1200, "judgeTokens": 340, "meanLatencyMs": 900, "p95LatencyMs": 1100, "costUsd": 0.01, "unpricedRows": 0}}}}
            """;

        string html = Render(older);

        html.Should().Contain("<tr><td>RefundEvals.RefundWindow</td><td>all</td><td class=\"num\">2</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">900 ms</td><td class=\"num\">1,100 ms</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">$0.0100</td></tr>");
    }

    [Fact]
    public void A_run_without_spend_has_no_spend_table()
    {
        RunData run = RunData.From(_folder.Path, [Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass)], new RunSummaryFile { RunId = "run-1" });

        HtmlReport.Render(RunReportModel.Build(run)).Should().NotContain("Tokens, latency and cost by method");
    }
}
