using System;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class KendallWTests
{
    // Siegel (1956), Nonparametric Statistics for the Behavioral Sciences, ch. 9 (Kendall coefficient of concordance):
    // three executives rank six job applicants. Published W = 0.16.
    // Rank sums R = (8, 14, 11, 11, 11, 8); mean m(n+1)/2 = 10.5; S = 6.25 + 12.25 + 0.25 × 3 + 6.25 = 25.5;
    // W = 12 S / (m²(n³ − n)) = 306 / (9 × 210) = 0.1619.
    private static readonly double[][] SiegelApplicants =
    {
        new double[] { 1, 6, 3, 2, 5, 4 },
        new double[] { 1, 5, 6, 4, 2, 3 },
        new double[] { 6, 3, 2, 5, 4, 1 },
    };

    // Three rankings of ten objects with ties: the example of Siegel (1956) for the tie correction, also the example
    // data of the NAG Library routine G08DAF. Published: W = 0.828 with the correction, 0.796 without.
    // Rank sums R = (5.5, 6.5, 9, 13.5, 12, 20, 23, 23.5, 25.5, 26.5), mean 16.5, S = 591.
    // Ties: rater 1 two pairs → 6 + 6 = 12; rater 2 three pairs → 18; rater 3 a group of 4 and one of 3 → 60 + 24 = 84;
    // Σ T = 114. W = 12 × 591 / (9 × 990 − 3 × 114) = 7092 / 8568 = 0.8277; uncorrected 7092 / 8910 = 0.7960.
    private static readonly double[][] SiegelTies =
    {
        new[] { 1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0 },
        new[] { 2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5 },
        new[] { 2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0 },
    };

    [Fact]
    public void Siegels_job_applicant_example_has_W_0_16()
    {
        KendallW.Compute(SiegelApplicants).Should().BeApproximately(306.0 / 1890, 1e-12);
    }

    [Fact]
    public void The_tie_corrected_W_of_Siegels_tied_example_is_0_828()
    {
        KendallW.Compute(SiegelTies).Should().BeApproximately(7092.0 / 8568, 1e-12);
        Math.Round(KendallW.Compute(SiegelTies)!.Value, 3).Should().Be(0.828);
    }

    [Fact]
    public void Without_the_tie_correction_Siegels_tied_example_has_W_0_796()
    {
        Math.Round(KendallW.Compute(SiegelTies, correctForTies: false)!.Value, 3).Should().Be(0.796);
    }

    [Fact]
    public void Raters_that_rank_every_item_alike_have_W_one()
    {
        double[][] same = { new double[] { 3, 1, 2 }, new double[] { 3, 1, 2 }, new double[] { 3, 1, 2 } };

        KendallW.Compute(same).Should().Be(1);
    }

    [Fact]
    public void Two_raters_with_opposite_orders_have_W_zero()
    {
        // Every item's rank sum is n + 1 = 5, the mean, so S = 0.
        double[][] opposite = { new double[] { 1, 2, 3, 4 }, new double[] { 4, 3, 2, 1 } };

        KendallW.Compute(opposite).Should().Be(0);
    }

    [Fact]
    public void Scores_are_ranked_so_any_increasing_transformation_gives_the_same_W()
    {
        double[][] ranks = { new double[] { 1, 3, 2 }, new double[] { 1, 2, 3 } };
        double[][] scores = { new[] { 0.10, 0.95, 0.40 }, new[] { 12.0, 30.0, 31.0 } };

        KendallW.Compute(scores).Should().Be(KendallW.Compute(ranks));
    }

    [Fact]
    public void Prompt_variants_as_raters_measure_how_stable_the_ranking_of_models_is()
    {
        // Pass rates of 4 models (items) under 3 prompt variants (raters).
        // Ranks (ascending): formal (4,2,3,1), casual (4,2,3,1), terse (3,4,2,1); R = (11, 8, 8, 3), mean 7.5;
        // S = 12.25 + 0.25 + 0.25 + 20.25 = 33; W = 12 × 33 / (9 × 60) = 0.7333.
        double[][] passRates =
        {
            new[] { 0.82, 0.64, 0.71, 0.40 },
            new[] { 0.78, 0.60, 0.69, 0.45 },
            new[] { 0.70, 0.72, 0.66, 0.38 },
        };

        KendallW.Compute(passRates).Should().BeApproximately(396.0 / 540, 1e-12);
    }

    [Fact]
    public void W_is_undefined_with_a_single_item()
    {
        KendallW.Compute(new[] { new[] { 0.5 }, new[] { 0.7 } }).Should().BeNull();
    }

    [Fact]
    public void W_is_undefined_with_a_single_rater()
    {
        KendallW.Compute(new[] { new[] { 0.5, 0.7, 0.1 } }).Should().BeNull();
    }

    [Fact]
    public void W_is_undefined_when_every_rater_ties_every_item()
    {
        KendallW.Compute(new[] { new[] { 0.5, 0.5, 0.5 }, new[] { 1.0, 1.0, 1.0 } }).Should().BeNull();
    }

    [Fact]
    public void Every_rater_must_rate_every_item()
    {
        FluentActions.Invoking(() => KendallW.Compute(new[] { new[] { 1.0, 2.0 }, new[] { 1.0 } })).Should().Throw<ArgumentException>();
    }
}
