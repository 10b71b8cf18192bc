using System;
using System.Linq;
using EvalSpec.Metamorphic;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class StratifiedEstimateTests
{
    [Fact]
    public void The_estimate_and_interval_match_the_hand_computation()
    {
        // A: N = 60, n = 10, 8 passed → W = 0.6, p = 0.8, f = 1/6
        // B: N = 40, n = 8,  2 passed → W = 0.4, p = 0.25, f = 1/5
        // p_st = 0.6 × 0.8 + 0.4 × 0.25 = 0.58
        // v = 0.36 × (5/6) × 0.16/9 + 0.16 × 0.8 × 0.1875/7 = 0.0053333 + 0.0034286 = 0.0087619; SE = 0.0936050
        // 95%: 0.58 ∓ 1.959964 × 0.0936050 = 0.58 ∓ 0.1834625 = [0.3965375, 0.7634625]
        PassRateEstimate estimate = StratifiedEstimate.Compute(new StratumObservation[] { new(60, 10, 8), new(40, 8, 2) })!;

        estimate.PassRate.Should().BeApproximately(0.58, 1e-12);
        estimate.StandardError.Should().BeApproximately(0.0936050, 1e-7);
        estimate.Interval.Lower.Should().BeApproximately(0.3965375, 1e-7);
        estimate.Interval.Upper.Should().BeApproximately(0.7634625, 1e-7);
        estimate.Population.Should().Be(100);
        estimate.Sampled.Should().Be(18);
    }

    [Fact]
    public void A_sample_of_the_whole_population_gives_the_true_rate_with_a_zero_width_interval()
    {
        // (7 + 1) / (10 + 5) = 0.5333; every finite population correction is 1 − n/N = 0.
        PassRateEstimate estimate = StratifiedEstimate.Compute(new StratumObservation[] { new(10, 10, 7), new(5, 5, 1) })!;

        estimate.PassRate.Should().BeApproximately(8.0 / 15, 1e-12);
        estimate.Interval.Width.Should().Be(0);
        estimate.Interval.Lower.Should().BeApproximately(8.0 / 15, 1e-12);
    }

    [Fact]
    public void A_stratum_with_one_sampled_row_counts_with_the_worst_case_variance()
    {
        // One stratum, N = 10, n = 1, passed: p = 1, and p(1 − p)/(n − 1) is undefined → 1/4 is used.
        // v = 1² × (1 − 1/10) × 0.25 = 0.225; SE = 0.4743416; lower = 1 − 1.959964 × 0.4743416 = 1 − 0.9296925 = 0.0703075; upper clamped to 1.
        PassRateEstimate estimate = StratifiedEstimate.Compute(new[] { new StratumObservation(10, 1, 1) })!;

        estimate.StandardError.Should().BeApproximately(0.4743416, 1e-7);
        estimate.Interval.Lower.Should().BeApproximately(0.0703075, 1e-7);
        estimate.Interval.Upper.Should().Be(1);
    }

    [Fact]
    public void A_single_row_stratum_that_was_run_adds_no_uncertainty()
    {
        PassRateEstimate estimate = StratifiedEstimate.Compute(new StratumObservation[] { new(1, 1, 1), new(9, 9, 0) })!;

        estimate.Interval.Width.Should().Be(0);
    }

    [Fact]
    public void The_interval_is_clamped_to_the_unit_interval()
    {
        // N = 1000, n = 20, 19 passed: p = 0.95; v = (1 − 20/1000) × 0.95 × 0.05 / 19 = 0.00245; SE = 0.0494975;
        // 0.95 ∓ 1.959964 × 0.0494975 = 0.95 ∓ 0.0970133 = [0.8529867, 1.0470133] → upper clamped to 1.
        PassRateEstimate estimate = StratifiedEstimate.Compute(new[] { new StratumObservation(1000, 20, 19) })!;

        estimate.Interval.Upper.Should().Be(1);
        estimate.Interval.Lower.Should().BeApproximately(0.8529867, 1e-7);
    }

    [Fact]
    public void Strata_with_no_sampled_row_are_left_out_and_reported()
    {
        PassRateEstimate estimate = StratifiedEstimate.Compute(new StratumObservation[] { new(10, 5, 5), new(20, 0, 0) })!;

        estimate.PassRate.Should().Be(1);
        estimate.Population.Should().Be(10);
        estimate.UnsampledPopulation.Should().Be(20);
        estimate.ToString().Should().Contain("20 row(s) in unsampled strata not covered");
    }

    [Fact]
    public void There_is_no_estimate_without_a_sampled_row()
    {
        StratifiedEstimate.Compute(new[] { new StratumObservation(10, 0, 0) }).Should().BeNull();
    }

    [Fact]
    public void More_passes_than_sampled_rows_are_rejected()
    {
        FluentActions.Invoking(() => StratifiedEstimate.Compute(new[] { new StratumObservation(10, 3, 4) }))
            .Should().Throw<ArgumentException>().WithMessage("*inconsistent*");
    }

    [Fact]
    public void A_stratified_selection_and_its_outcomes_give_an_estimate()
    {
        // A: 60 rows, 12 sampled, 9 pass; B: 40 rows, 8 sampled, 8 pass → 0.6 × 0.75 + 0.4 × 1 = 0.85.
        StratifiedSelection selection = StratifiedSample.Select(
            Enumerable.Range(0, 60).Select(i => ("A/" + i, "A")).Concat(Enumerable.Range(0, 40).Select(i => ("B/" + i, "B"))),
            20);
        int[] passes = { 9, 8 };

        PassRateEstimate estimate = StratifiedEstimate.Compute(selection.Strata.Select((s, h) => s.Observe(passes[h])))!;

        estimate.PassRate.Should().BeApproximately(0.85, 1e-12);
    }

    [Fact]
    public void The_95_percent_interval_covers_the_true_rate_in_about_95_percent_of_repeated_samples()
    {
        // A fixed population of 200 rows in three strata with true pass rates 0.9, 0.5 and 0.2 (overall 114/200 = 0.57).
        // 400 times, draw a simple random sample of half of each stratum (40, 30, 30) without replacement, seeded.
        // Half of each stratum is sampled, so the finite population correction matters: without it the interval is
        // √2 too wide and covers ~99.5% of the time; with it, close to 95%.
        int[] population = { 80, 60, 60 };
        int[] passing = { 72, 30, 12 };
        int[] sampleSizes = { 40, 30, 30 };
        double trueRate = passing.Sum() / 200.0;
        var random = new SeededRandom(20240521);
        const int repetitions = 400;

        int covered = 0;
        for (int repetition = 0; repetition < repetitions; repetition++)
        {
            StratumObservation[] strata = Enumerable.Range(0, 3)
                .Select(h => new StratumObservation(population[h], sampleSizes[h], PassesInSample(random, population[h], passing[h], sampleSizes[h])))
                .ToArray();
            covered += StratifiedEstimate.Compute(strata)!.Interval.Contains(trueRate) ? 1 : 0;
        }

        ((double)covered / repetitions).Should().BeInRange(0.90, 0.99);
    }

    /// <summary>Passing rows in a simple random sample of <paramref name="sampled"/> of <paramref name="size"/> rows (the first <paramref name="passing"/> pass).</summary>
    private static int PassesInSample(Random random, int size, int passing, int sampled)
    {
        int[] rows = Enumerable.Range(0, size).ToArray();

        // Partial Fisher–Yates: the first `sampled` positions become a uniform sample without replacement.
        for (int i = 0; i < sampled; i++)
        {
            int j = random.Next(i, size);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        return rows.Take(sampled).Count(row => row < passing);
    }
}
