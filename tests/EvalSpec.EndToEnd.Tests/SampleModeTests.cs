using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// `dotnet test` with EVALSPEC_SAMPLE on tests/fixtures/RobustnessSuite (18 rows in 13 strata of method, variant and
/// relation): only a stratified sample is judged, the rest is skipped, and the summary estimates the whole suite.
/// </summary>
public sealed class SampleModeTests
{
    [Fact]
    public async Task A_sampled_run_judges_one_row_of_every_stratum_and_estimates_the_whole_suite()
    {
        SuiteRun run = await SuiteRun.RunAsync("RobustnessSuite", new Dictionary<string, string> { ["EVALSPEC_SAMPLE"] = "14" });

        TrxResult[] outside = run.Report.Results.Values.Where(r => r.Message.StartsWith("Not in the sample", System.StringComparison.Ordinal)).ToArray();
        outside.Should().HaveCount(4).And.OnlyContain(r => r.Outcome == "NotExecuted");
        outside[0].Message.Should().Contain("EVALSPEC_SAMPLE=14 judges 14 of 18 rows");
        run.Report.Results.Should().HaveCount(18);

        IReadOnlyList<JsonElement> rows = run.Rows;
        rows.Should().HaveCount(14, "rows outside the sample are not run and not recorded");
        string[] strata = rows.Select(Stratum).Distinct().ToArray();
        strata.Should().HaveCount(13, "every stratum has a row in the sample");

        JsonElement sample = run.Summary.GetProperty("sample");
        sample.GetProperty("population").GetInt32().Should().Be(18);
        sample.GetProperty("selected").GetInt32().Should().Be(14);
        sample.GetProperty("skippedOutsideSample").GetInt32().Should().Be(4);
        sample.GetProperty("judgedOutsidePopulation").GetInt32().Should().Be(0, "every generated row was recognised");
        string[] population = sample.GetProperty("populationRows").EnumerateArray().Select(r => r.GetString()!).ToArray();
        population.Should().HaveCount(18).And.BeInAscendingOrder(System.StringComparer.Ordinal).And.Contain(rows.Select(r => r.GetProperty("rowId").GetString()), "the gate compares the estimate with the baseline rows of this population");

        // The estimate is the mean of the judged rows' pass rates per stratum, weighted by stratum size scaled by the
        // share of the stratum's sampled rows that applied (a not-applicable row is not judged).
        var sizes = new Dictionary<string, int>
        {
            ["Echo|plain|identity"] = 2, ["Echo|plain|laptop-to-notebook"] = 2, ["Echo|plain|canary"] = 2,
            ["Wording|formal|identity"] = 2, ["Wording|terse|identity"] = 2,
        };
        var applicableSizes = new Dictionary<string, double>();
        var passRates = new Dictionary<string, double>();
        foreach (IGrouping<string, JsonElement> stratum in rows.GroupBy(Stratum))
        {
            JsonElement[] judged = stratum.Where(r => r.GetProperty("outcome").GetString() != "not-applicable").ToArray();
            if (judged.Length > 0)
            {
                applicableSizes[stratum.Key] = System.Math.Round((double)Size(sizes, stratum.Key) * judged.Length / stratum.Count(), System.MidpointRounding.AwayFromZero);
                passRates[stratum.Key] = judged.Average(r => r.GetProperty("outcome").GetString() == "pass" ? 1.0 : 0.0);
            }
        }

        double expected = applicableSizes.Sum(p => p.Value * passRates[p.Key]) / applicableSizes.Values.Sum();
        double estimate = sample.GetProperty("estimatedPassRate").GetDouble();
        estimate.Should().BeApproximately(expected, 0.0001);
        sample.GetProperty("unsampledPopulation").GetInt64().Should().Be(0);
        JsonElement interval = sample.GetProperty("confidenceInterval95");
        interval[0].GetDouble().Should().BeLessThanOrEqualTo(estimate);
        interval[1].GetDouble().Should().BeGreaterThanOrEqualTo(estimate);
        run.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(14);
    }

    [Fact]
    public async Task The_gate_judges_a_sampled_run_on_its_estimate_against_the_baseline_not_as_a_partial_run()
    {
        string baseline = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");
        SuiteRun full = await SuiteRun.RunAsync("RobustnessSuite");
        CliRun update = await CliRun.RunAsync(_ => null, "baseline", "update", "--run", full.RunDirectory, "--baseline", baseline);
        update.ExitCode.Should().Be(0, update.ToString());

        SuiteRun sampled = await SuiteRun.RunAsync("RobustnessSuite", new Dictionary<string, string> { ["EVALSPEC_SAMPLE"] = "14" });
        CliRun gate = await CliRun.RunAsync(_ => null, "gate", "--run", sampled.RunDirectory, "--baseline", baseline);

        gate.ExitCode.Should().Be(0, gate.ToString());
        gate.Output.Should().Contain("(a sampled run: gated on its estimate)")
            .And.Contain("Sample: estimated ")
            .And.Contain("Gate passed: the sampled run's pass rate is not meaningfully below the baseline's")
            .And.NotContain("partial run");
    }

    [Fact]
    public async Task The_gate_refuses_a_sample_of_a_filtered_run_as_partial_and_with_allow_partial_compares_it_with_the_rows_it_was_drawn_from()
    {
        string baseline = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");
        SuiteRun full = await SuiteRun.RunAsync("RobustnessSuite");
        CliRun update = await CliRun.RunAsync(_ => null, "baseline", "update", "--run", full.RunDirectory, "--baseline", baseline);
        update.ExitCode.Should().Be(0, update.ToString());
        string[] recorded = JsonDocument.Parse(System.IO.File.ReadAllText(baseline)).RootElement.GetProperty("rows").EnumerateObject().Select(p => p.Name).ToArray();

        // Echo's 6 rows (2 cases x identity and 2 relations), 3 of them sampled.
        SuiteRun sampled = await SuiteRun.RunAsync("RobustnessSuite", new Dictionary<string, string> { ["EVALSPEC_SAMPLE"] = "3", ["EVALSPEC_BASELINEFILE"] = baseline }, "--filter", "EvalMethod=Echo");
        string[] population = sampled.Summary.GetProperty("sample").GetProperty("populationRows").EnumerateArray().Select(r => r.GetString()!).ToArray();
        population.Should().HaveCount(6).And.OnlyContain(id => id.Contains(".Echo/", System.StringComparison.Ordinal));
        int covered = recorded.Count(population.Contains);
        covered.Should().BeInRange(1, recorded.Length - 1);
        string notGated = $"Baseline: not gated: partial run ({covered} of {recorded.Length} baseline rows). The sample was drawn from part of the suite";
        sampled.Process.Output.Should().Contain("EvalSpec: " + notGated).And.NotContain("Gate passed");
        System.IO.File.ReadAllText(System.IO.Path.Combine(sampled.RunDirectory, "report.md")).Should().Contain(notGated).And.NotContain("Gate passed");

        CliRun refused = await CliRun.RunAsync(_ => null, "gate", "--run", sampled.RunDirectory, "--baseline", baseline);
        refused.ExitCode.Should().Be(3, refused.ToString());
        refused.Output.Should().Contain($"Gate REFUSED: partial run: {covered} of {recorded.Length} baseline rows in the population the sample was drawn from").And.Contain("--allow-partial");

        CliRun allowed = await CliRun.RunAsync(_ => null, "gate", "--run", sampled.RunDirectory, "--baseline", baseline, "--allow-partial");
        allowed.ExitCode.Should().Be(0, allowed.ToString());
        allowed.Output.Should().Contain($"over {covered} rows").And.Contain($"Partial run (--allow-partial): the sample was drawn from {covered} of {recorded.Length} baseline rows");
    }

    private static int Size(Dictionary<string, int> sizes, string stratum) => sizes.TryGetValue(stratum, out int size) ? size : 1;

    private static string Stratum(JsonElement row) =>
        row.GetProperty("method").GetString() + "|" + row.GetProperty("variant").GetString() + "|" + row.GetProperty("relation").GetString();
}
