using System;
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

public sealed class RegressionGateTests : IDisposable
{
    private const string Refund = "Shop.RefundEvals.RefundWindow";
    private const string Warranty = "Shop.RefundEvals.Warranty";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string BaselinePath => _folder.Combine(Baseline.FileName);

    [Fact]
    public void An_unchanged_run_passes_with_every_row_paired()
    {
        RunRow[] rows = [.. Many("RefundWindow", 30, VerdictOutcome.Pass), .. Many("Warranty", 10, VerdictOutcome.Fail)];
        Baseline baseline = Record(BaselinePath, rows);

        GateResult result = RegressionGate.Evaluate(baseline, Run(rows));

        result.Passed.Should().BeTrue();
        result.Overall.Pairs.Should().Be(40);
        result.Overall.PValue.Should().Be(1);
        result.Overall.ScoreChange!.Mean.Should().Be(0);
        result.Methods.Select(m => m.MethodId).Should().Equal(Refund, Warranty);
    }

    [Fact]
    public void Eight_rows_that_stopped_passing_fail_the_gate_naming_the_method_the_rows_and_the_p_value()
    {
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = With(before, VerdictOutcome.Fail, "c00", "c01", "c02", "c03", "c04", "c05", "c06", "c07");

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.Passed.Should().BeFalse();
        result.Regressions.Where(r => r.MethodId == Refund).Select(r => r.Kind).Should().Equal(GateRegressionKind.PassRate, GateRegressionKind.Score);
        GateRegression method = result.Regressions.First(r => r.MethodId == Refund);
        method.Comparison.B.Should().Be(8);
        method.Comparison.PValue.Should().BeApproximately(2.0 / 256, 1e-15);
        method.Comparison.PassToNotPassing.Select(r => r.DisplayName).Should().Contain("RefundEvals.RefundWindow [c00 · formal]");
        GateText.Describe(method, result.Options).Should()
            .Contain("Pass-rate regression in Shop.RefundEvals.RefundWindow: 1.000 -> 0.600 over 20 paired rows; 8 stopped passing, 0 started")
            .And.Contain("exact McNemar p = 0.0078");
        GateText.Headline(result).Should().StartWith("Gate FAILED").And.Contain("RefundEvals.RefundWindow (pass rate)");
    }

    [Fact]
    public void A_single_flipped_row_is_never_a_regression()
    {
        RunRow[] before = Many("RefundWindow", 50, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(BaselinePath, before);

        GateResult result = RegressionGate.Evaluate(baseline, Run(With(before, VerdictOutcome.Fail, "c07")), new GateOptions { MinScorePairs = 1000 });

        result.Passed.Should().BeTrue();
        result.Overall.PassToNotPassing.Should().ContainSingle(r => r.RowId.Contains("/c07/", StringComparison.Ordinal));
    }

    [Fact]
    public void Flips_in_both_directions_cancel_out()
    {
        RunRow[] before = [.. Many("RefundWindow", 10, VerdictOutcome.Pass), .. Many("RefundWindow", 10, VerdictOutcome.Fail, firstCase: 10)];
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = With(With(before, VerdictOutcome.Fail, "c00", "c01", "c02", "c03", "c04", "c05", "c06", "c07"), VerdictOutcome.Pass, "c10", "c11", "c12", "c13", "c14", "c15", "c16");

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.Overall.B.Should().Be(8);
        result.Overall.C.Should().Be(7);
        result.Passed.Should().BeTrue();
    }

    [Fact]
    public void Rows_inconclusive_now_count_as_not_passing_and_are_listed()
    {
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = With(before, VerdictOutcome.Inconclusive, "c00", "c01", "c02", "c03", "c04", "c05", "c06", "c07");

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.InconclusiveRows.Should().HaveCount(8);
        result.Regressions.Should().Contain(r => r.MethodId == null && r.Kind == GateRegressionKind.PassRate);
    }

    [Fact]
    public void A_run_with_fewer_rows_than_the_baseline_is_refused_as_partial()
    {
        RunRow[] before = [.. Many("RefundWindow", 60, VerdictOutcome.Pass), .. Many("Warranty", 6, VerdictOutcome.Pass)];
        Baseline baseline = Record(BaselinePath, before);

        // As after `dotnet test --filter`: 12 of the 66 rows, every one of them passing.
        GateResult result = RegressionGate.Evaluate(baseline, Run(before.Take(12)));

        result.Passed.Should().BeFalse("a run that leaves rows out says nothing about them");
        result.Refused.Should().BeTrue();
        result.Regressions.Should().BeEmpty("it is not a regression either");
        result.Coverage.Should().Be(new GateCoverage(66, 12, Sampled: false));
        GateText.Headline(result).Should().StartWith("Gate REFUSED: partial run: 12 of 66 baseline rows").And.Contain("--allow-partial");
    }

    [Fact]
    public void A_run_that_covers_every_baseline_row_and_adds_new_ones_is_not_partial()
    {
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(BaselinePath, before);

        GateResult result = RegressionGate.Evaluate(baseline, Run([.. before, .. Many("Warranty", 5, VerdictOutcome.Fail)]));

        result.Passed.Should().BeTrue();
        result.Refused.Should().BeFalse();
        result.NewRows.Should().HaveCount(5);
    }

    [Fact]
    public void With_allow_partial_new_and_missing_rows_are_listed_and_never_fail_the_gate()
    {
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = [.. before.Skip(12), .. Many("Warranty", 15, VerdictOutcome.Fail)];

        GateResult result = RegressionGate.Evaluate(baseline, Run(after), new GateOptions { AllowPartial = true });

        result.Passed.Should().BeTrue();
        result.Notes.Should().Contain(n => n.StartsWith("Partial run (--allow-partial): 8 of 20 baseline rows", StringComparison.Ordinal));
        result.MissingRows.Should().HaveCount(12).And.Contain($"{Refund}/c00/formal/identity");
        result.NewRows.Should().HaveCount(15).And.Contain($"{Warranty}/c00/formal/identity");
        result.Overall.Pairs.Should().Be(8);
        result.Notes.Should().Contain(n => n.Contains("15 row(s) are new", StringComparison.Ordinal));
    }

    [Fact]
    public void Baseline_rows_that_did_not_apply_in_the_run_are_listed_apart_not_compared()
    {
        RunRow[] before = [Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass, relation: "lowercase"), .. Many("RefundWindow", 5, VerdictOutcome.Pass)];
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = [Row("RefundWindow", "laptop", "formal", VerdictOutcome.Inconclusive, relation: "lowercase", applicable: false), .. Many("RefundWindow", 5, VerdictOutcome.Pass)];

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.NotApplicableRows.Should().Equal($"{Refund}/laptop/formal/lowercase");
        result.Overall.Pairs.Should().Be(5);
        result.MissingRows.Should().BeEmpty();
    }

    [Fact]
    public void A_significant_drop_smaller_than_the_minimum_drop_passes()
    {
        RunRow[] before = Many("RefundWindow", 200, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = With(before, VerdictOutcome.Fail, "c00", "c01", "c02", "c03", "c04", "c05", "c06", "c07");

        GateResult strict = RegressionGate.Evaluate(baseline, Run(after), new GateOptions { MinScoreDrop = 1 });
        GateResult tolerant = RegressionGate.Evaluate(baseline, Run(after), new GateOptions { MinDrop = 0.05, MinScoreDrop = 1 });

        strict.Passed.Should().BeFalse("8 of 200 rows stopped passing (p = 0.0078), a drop of 0.04");
        tolerant.Passed.Should().BeTrue("a drop of 0.04 is below --min-drop 0.05");
    }

    [Fact]
    public void Holm_correction_keeps_two_borderline_methods_from_failing_while_the_whole_run_still_does()
    {
        // Each method: 6 of 10 rows stopped passing, p = 2 / 64 = 0.031 alone, 0.0625 after Holm over two methods.
        RunRow[] before = [.. Many("RefundWindow", 10, VerdictOutcome.Pass), .. Many("Warranty", 10, VerdictOutcome.Pass)];
        Baseline baseline = Record(BaselinePath, before);
        string[] cases = { "c00", "c01", "c02", "c03", "c04", "c05" };
        RunRow[] after = With(before, VerdictOutcome.Fail, cases);
        var options = new GateOptions { MinScorePairs = 1000 };

        GateResult holm = RegressionGate.Evaluate(baseline, Run(after), options);
        GateResult uncorrected = RegressionGate.Evaluate(baseline, Run(after), options with { Correction = GateCorrection.None });

        holm.Methods.Should().OnlyContain(m => m.PValue == 2.0 / 64 && m.AdjustedPValue == 4.0 / 64 && !m.PassRateRegression);
        holm.Regressions.Should().ContainSingle(r => r.MethodId == null, "12 of 20 rows stopped passing overall (p = 0.0005)");
        uncorrected.Regressions.Select(r => r.MethodId).Should().BeEquivalentTo(new string?[] { null, Refund, Warranty });
    }

    [Fact]
    public void A_score_drop_whose_whole_interval_is_below_the_threshold_fails_even_when_every_row_still_passes()
    {
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass, score: 0.9).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = before.Select((r, i) => Row(r.Method, r.Case, r.Variant, VerdictOutcome.Pass, score: i % 2 == 0 ? 0.6 : 0.8)).ToArray();

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.Overall.B.Should().Be(0);
        GateRegression score = result.Regressions.First(r => r.Kind == GateRegressionKind.Score);
        score.Comparison.ScoreChange!.Mean.Should().BeApproximately(-0.2, 1e-9);
        score.Comparison.ScoreChange.Upper.Should().BeLessThan(-0.02);
        GateText.Describe(score, result.Options).Should().Contain("mean score 0.900 -> 0.700 over 20 rows").And.Contain("95% paired bootstrap, 10,000 resamples")
            .And.Contain("sign-flip p = < 0.0001");
    }

    [Fact]
    public void Four_flipped_rows_of_twenty_fail_neither_the_pass_rate_nor_the_score_test()
    {
        // Rows without a graded check score 1 or 0 by outcome: the score test must not be a laxer McNemar.
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = before.Select((r, i) => Row(r.Method, r.Case, r.Variant, i < 4 ? VerdictOutcome.Fail : VerdictOutcome.Pass)).ToArray();

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.Overall.B.Should().Be(4);
        result.Overall.ScoreChange!.Upper.Should().BeLessThan(-0.02, "the bootstrap interval alone would call it a regression");
        result.Overall.ScorePValue.Should().Be(0.125);
        result.Passed.Should().BeTrue();
    }

    [Fact]
    public void A_certain_score_drop_smaller_than_the_minimum_score_drop_passes()
    {
        RunRow[] before = Many("RefundWindow", 20, VerdictOutcome.Pass, score: 0.9).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = before.Select(r => Row(r.Method, r.Case, r.Variant, VerdictOutcome.Pass, score: 0.89)).ToArray();

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.Overall.ScoreChange!.Upper.Should().BeLessThan(0);
        result.Passed.Should().BeTrue("a drop of 0.01 is below the default minimum score drop of 0.02");
    }

    [Fact]
    public void Too_few_scored_pairs_are_shown_but_not_judged()
    {
        RunRow[] before = Many("RefundWindow", 4, VerdictOutcome.Pass, score: 0.9).ToArray();
        Baseline baseline = Record(BaselinePath, before);
        RunRow[] after = before.Select(r => Row(r.Method, r.Case, r.Variant, VerdictOutcome.Pass, score: 0.2)).ToArray();

        GateResult result = RegressionGate.Evaluate(baseline, Run(after));

        result.Passed.Should().BeTrue();
        result.Overall.ScoreChange!.Mean.Should().BeApproximately(-0.7, 1e-9);
        result.Overall.ScoreNote.Should().Contain("only 4 paired score(s), fewer than 10");
    }

    [Fact]
    public void A_version_1_baseline_is_compared_on_outcomes_only_and_says_so()
    {
        File.WriteAllText(BaselinePath, $$"""
            {
              "version": 1,
              "rows": {
                "{{Refund}}/c00/formal/identity": { "outcome": "pass" },
                "{{Refund}}/c01/formal/identity": { "outcome": "fail", "reason": "wrong", "kind": "checks: expected-answer" }
              }
            }
            """);

        GateResult result = RegressionGate.Evaluate(Baseline.Load(BaselinePath), Run(Many("RefundWindow", 2, VerdictOutcome.Pass)));

        result.BaselineVersion.Should().Be(1);
        result.Overall.C.Should().Be(1);
        result.Overall.ScoreChange.Should().BeNull();
        result.Notes.Should().Contain(n => n.Contains("version 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sampled_run_whose_whole_interval_is_below_the_baseline_pass_rate_fails_on_its_estimate()
    {
        Baseline baseline = Record(BaselinePath, Many("RefundWindow", 200, VerdictOutcome.Pass, score: 1));

        // 20 of the 200 rows sampled, 14 passing: far too few flips for McNemar (6 of 20), but the estimate 0.70
        // [0.50, 0.90] lies wholly below the recorded 1.00.
        RunRow[] sampled = [.. Many("RefundWindow", 14, VerdictOutcome.Pass), .. Many("RefundWindow", 6, VerdictOutcome.Fail, firstCase: 14)];
        GateResult result = RegressionGate.Evaluate(baseline, Sampled(sampled, estimate: 0.70, standardError: 0.1));

        result.Refused.Should().BeFalse("a sample is gated on its estimate, not refused as partial");
        result.Passed.Should().BeFalse();
        GateRegression regression = result.Regressions.Should().ContainSingle().Subject;
        regression.Kind.Should().Be(GateRegressionKind.SampledPassRate);
        result.Sample!.Upper.Should().BeApproximately(0.70 + (1.959964 * 0.1), 1e-4);
        GateText.Describe(regression, result.Options).Should().Contain("estimated 0.700 [0.504, 0.896] (95%) from a sample of 20 of 200 rows, baseline 1.000 over 200 rows");
        result.Overall.PassRateRegression.Should().BeFalse("the paired rows of a sample are shown, not tested");
    }

    [Fact]
    public void A_sampled_run_whose_interval_reaches_the_baseline_pass_rate_passes_although_many_sampled_rows_flipped()
    {
        Baseline baseline = Record(BaselinePath, Many("RefundWindow", 200, VerdictOutcome.Pass, score: 1));

        // Ten rows of the sample flipped, which McNemar over paired rows would fail (p = 0.002); the estimate's
        // interval still reaches the baseline: a sample this noisy cannot tell.
        RunRow[] sampled = [.. Many("RefundWindow", 30, VerdictOutcome.Pass), .. Many("RefundWindow", 10, VerdictOutcome.Fail, firstCase: 30)];
        GateResult result = RegressionGate.Evaluate(baseline, Sampled(sampled, estimate: 0.75, standardError: 0.14));

        result.Passed.Should().BeTrue(GateText.Headline(result));
        result.Sample!.Regression.Should().BeFalse();
        result.Overall.B.Should().Be(10);
        GateText.Headline(result).Should().StartWith("Gate passed: the sampled run's pass rate is not meaningfully below the baseline's");
    }

    [Fact]
    public void A_sampled_run_without_an_estimate_is_refused()
    {
        Baseline baseline = Record(BaselinePath, Many("RefundWindow", 50, VerdictOutcome.Pass));

        GateResult result = RegressionGate.Evaluate(baseline, Sampled(Many("RefundWindow", 5, VerdictOutcome.Pass).ToArray(), estimate: null, standardError: null));

        result.Refused.Should().BeTrue();
        result.Refusal.Should().Contain("without an estimate");
    }

    /// <summary>A sample of the 200 RefundWindow rows c00-c199, the population its summary lists.</summary>
    private static RunData Sampled(RunRow[] rows, double? estimate, double? standardError) =>
        SampledPartialGateTests.Sampled(Many("RefundWindow", 200, VerdictOutcome.Pass).ToArray(), rows, estimate, standardError);

    [Fact]
    public void Method_metrics_are_compared_for_information_only()
    {
        RunRow[] before =
        [
            .. Many("RefundWindow", 10, VerdictOutcome.Pass),
            .. Enumerable.Range(0, 10).Select(i => Row("RefundWindow", $"c{i:00}", "formal", VerdictOutcome.Pass, relation: "typos")),
        ];
        var path = BaselinePath;
        Baseline.Empty(path).WriteMerged(
            BaselineUpdate.Entries(Run(before)),
            Array.Empty<string>(),
            BaselineUpdate.Metrics(RunMetrics.Compute(Run(before))),
            replaceAll: false);
        RunRow[] after = before.Select(r => r.Relation == "typos" && r.Case is "c00" or "c01" ? Row(r.Method, r.Case, r.Variant, VerdictOutcome.Fail, relation: "typos") : r).ToArray();

        GateResult result = RegressionGate.Evaluate(Baseline.Load(path), Run(after));

        MethodMetricChange change = result.MethodChanges.Single();
        (change.BaselineAttackSuccessRate, change.RunAttackSuccessRate).Should().Be((0.0, 0.2));
        change.HasChanged.Should().BeTrue();
        result.Passed.Should().BeTrue("2 flips are not significant, and method metrics never fail the gate");
    }
}
