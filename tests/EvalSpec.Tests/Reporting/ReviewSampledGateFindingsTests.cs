using System;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// Review finding (expected to fail): a sampled run whose sample left whole strata unsampled (EVALSPEC_SAMPLE smaller
/// than the number of method x variant x relation strata) passes the gate. The stratified estimate covers only the
/// sampled strata (StratifiedEstimate drops unsampled ones from its population), yet the gate compares it with the
/// baseline pass rate of every population row and passes, adding only a note that "the estimate says nothing about"
/// the other rows: exactly what the partial-run rule refuses for a filtered run.
/// </summary>
public sealed class ReviewSampledGateFindingsTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [Trait("Review", "ExpectedToFail")]
    public void Review_a_sample_that_left_whole_methods_unsampled_does_not_pass_the_gate()
    {
        // Ten eval methods of 20 rows each (ten strata), all passing in the baseline.
        string[] methods = Enumerable.Range(0, 10).Select(i => $"Method{i}").ToArray();
        RunRow[] all = methods.SelectMany(m => Many(m, 20, VerdictOutcome.Pass)).ToArray();
        Baseline baseline = Record(_folder.Combine(Baseline.FileName), all);

        // dotnet test with EVALSPEC_SAMPLE=5 (no filter): the budget is below the ten strata, so StratifiedSample gives one
        // row each to five methods and none to the other five (100 rows, which may all fail now). The estimate (as
        // StratifiedEstimate computes it: five strata of one row, 0.25 variance each) stands for the five sampled methods only.
        RunRow[] sample = methods.Take(5).Select(m => all.First(r => r.Method == m)).ToArray();
        double se = Math.Sqrt(5 * (0.2 * 0.2) * (1 - (1.0 / 20)) * 0.25);
        var run = RunData.From("/runs/sampled", sample, new RunSummaryFile
        {
            Sample = new RunSummaryFile.SampleSection
            {
                Budget = 5,
                Population = 200,
                Selected = 5,
                EstimatedPassRate = 1.0,
                StandardError = se,
                ConfidenceInterval95 = [Math.Max(0, 1 - (1.96 * se)), 1.0],
                UnsampledPopulation = 100,
                PopulationRows = [.. all.Select(r => r.RowId).Order(StringComparer.Ordinal)],
            },
        });

        GateResult result = RegressionGate.Evaluate(baseline, run);

        (result.Refused || !result.Passed).Should().BeTrue($"100 of the 200 baseline rows are in strata with no sampled row, and the estimate says nothing about them: {GateText.Headline(result)}");
    }
}
