using System;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class MultiPromptMetricsTests
{
    // scores[variant][item], 3 prompt variants × 4 cases (1 = pass, 0 = fail).
    private static readonly double[][] ThreeVariants =
    {
        new[] { 1.0, 1.0, 1.0, 0.0 }, // P = 3/4 = 0.75
        new[] { 1.0, 0.0, 1.0, 0.0 }, // P = 2/4 = 0.50
        new[] { 0.0, 1.0, 0.0, 0.0 }, // P = 1/4 = 0.25
    };

    [Fact]
    public void Variant_performance_is_the_mean_score_over_items()
    {
        MultiPromptMetrics.Compute(ThreeVariants).VariantPerformance.Should().Equal(0.75, 0.5, 0.25);
    }

    [Fact]
    public void MaxP_AvgP_saturation_and_CPS_match_the_hand_computation()
    {
        // MaxP = 0.75; AvgP = (0.75 + 0.5 + 0.25) / 3 = 0.5; saturation = 1 − (0.75 − 0.5) = 0.75; CPS = 0.75 × 0.75 = 0.5625.
        MultiPromptScores scores = MultiPromptMetrics.Compute(ThreeVariants);

        scores.MaxP.Should().Be(0.75);
        scores.AvgP.Should().BeApproximately(0.5, 1e-12);
        scores.Saturation.Should().BeApproximately(0.75, 1e-12);
        scores.Cps.Should().BeApproximately(0.5625, 1e-12);
    }

    [Fact]
    public void Variants_that_perform_alike_have_saturation_one_and_CPS_equal_to_MaxP()
    {
        MultiPromptScores scores = MultiPromptMetrics.FromVariantPerformance(new[] { 0.8, 0.8, 0.8 });

        scores.Saturation.Should().Be(1);
        scores.Cps.Should().Be(0.8);
    }

    [Fact]
    public void CPS_ranks_a_prompt_sensitive_system_below_a_stable_one_with_a_lower_best_score()
    {
        // Stable: P = (0.8, 0.8) → MaxP 0.8, AvgP 0.8, CPS 0.8.
        // Sensitive: P = (0.9, 0.3) → MaxP 0.9, AvgP 0.6, saturation 0.7, CPS 0.63.
        MultiPromptScores stable = MultiPromptMetrics.FromVariantPerformance(new[] { 0.8, 0.8 });
        MultiPromptScores sensitive = MultiPromptMetrics.FromVariantPerformance(new[] { 0.9, 0.3 });

        sensitive.MaxP.Should().BeGreaterThan(stable.MaxP);
        sensitive.Cps.Should().BeApproximately(0.63, 1e-12);
        sensitive.Cps.Should().BeLessThan(stable.Cps);
    }

    [Fact]
    public void Per_variant_performance_gives_the_same_metrics_as_the_item_scores_it_came_from()
    {
        MultiPromptScores fromItems = MultiPromptMetrics.Compute(ThreeVariants);
        MultiPromptScores fromPerformance = MultiPromptMetrics.FromVariantPerformance(new[] { 0.75, 0.5, 0.25 });

        fromPerformance.Cps.Should().BeApproximately(fromItems.Cps, 1e-12);
        fromPerformance.AvgP.Should().BeApproximately(fromItems.AvgP, 1e-12);
    }

    [Fact]
    public void A_single_variant_has_CPS_equal_to_its_performance()
    {
        MultiPromptMetrics.Compute(new[] { new[] { 1.0, 0.0, 0.5 } }).Cps.Should().Be(0.5);
    }

    [Fact]
    public void Variants_must_score_the_same_items()
    {
        double[][] ragged = { new[] { 1.0, 0.0 }, new[] { 1.0 } };

        FluentActions.Invoking(() => MultiPromptMetrics.Compute(ragged)).Should().Throw<ArgumentException>().WithMessage("*same*items*");
    }

    [Fact]
    public void Scores_outside_the_unit_interval_are_rejected()
    {
        FluentActions.Invoking(() => MultiPromptMetrics.Compute(new[] { new[] { 0.5, 7.0 } })).Should().Throw<ArgumentException>().WithMessage("*scores[0][1]*[0, 1]*");
    }

    [Fact]
    public void No_variants_are_rejected()
    {
        FluentActions.Invoking(() => MultiPromptMetrics.FromVariantPerformance(Array.Empty<double>())).Should().Throw<ArgumentException>();
    }
}
