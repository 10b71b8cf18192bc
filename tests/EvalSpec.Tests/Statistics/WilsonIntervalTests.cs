using System;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17: 857–872, Table II, method 3 (Wilson score interval without continuity correction),
    // 95% limits published to four decimals.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Newcombe_1998_published_examples_are_reproduced(int successes, int trials, double lower, double upper)
    {
        ConfidenceInterval interval = WilsonInterval.Compute(successes, trials);

        interval.Lower.Should().BeApproximately(lower, 5e-5);
        interval.Upper.Should().BeApproximately(upper, 5e-5);
    }

    [Fact]
    public void Seven_of_ten_has_the_hand_computed_bounds()
    {
        // z = 1.959964, z² = 3.841459, n = 10, p̂ = 0.7
        // denominator = 1 + z²/n = 1.3841459
        // centre = (0.7 + z²/20) / 1.3841459 = 0.8920729 / 1.3841459 = 0.6444934
        // half = z / 1.3841459 × sqrt(0.7 × 0.3 / 10 + z²/400) = 1.4160097 × sqrt(0.0306036) = 1.4160097 × 0.1749390 = 0.2477153
        // bounds = 0.6444934 ∓ 0.2477153 = [0.3967781, 0.8922087]
        ConfidenceInterval interval = WilsonInterval.Compute(7, 10);

        interval.Lower.Should().BeApproximately(0.39678, 1e-5);
        interval.Upper.Should().BeApproximately(0.89221, 1e-5);
    }

    [Fact]
    public void No_trials_give_the_whole_unit_interval()
    {
        WilsonInterval.Compute(0, 0).Should().Be(new ConfidenceInterval(0, 1, 0.95));
    }

    [Fact]
    public void No_successes_give_a_lower_bound_of_exactly_zero()
    {
        // The formula gives 0 up to rounding (2.8e-17 for 0/10); the bound is pinned.
        WilsonInterval.Compute(0, 10).Lower.Should().Be(0);
    }

    [Fact]
    public void All_successes_give_an_upper_bound_of_exactly_one()
    {
        WilsonInterval.Compute(300, 300).Upper.Should().Be(1);
    }

    [Fact]
    public void Swapping_successes_and_failures_mirrors_the_interval()
    {
        ConfidenceInterval successes = WilsonInterval.Compute(3, 17);
        ConfidenceInterval failures = WilsonInterval.Compute(14, 17);

        successes.Lower.Should().BeApproximately(1 - failures.Upper, 1e-12);
        successes.Upper.Should().BeApproximately(1 - failures.Lower, 1e-12);
    }

    [Fact]
    public void A_higher_confidence_level_gives_a_wider_interval()
    {
        // 99%: z = 2.575829 → 7/10 gives [0.3200, 0.9204], which contains the 95% interval [0.3968, 0.8922].
        ConfidenceInterval ninetyNine = WilsonInterval.Compute(7, 10, 0.99);

        ninetyNine.Lower.Should().BeApproximately(0.32002, 1e-5);
        ninetyNine.Upper.Should().BeApproximately(0.92043, 1e-5);
        ninetyNine.Confidence.Should().Be(0.99);
    }

    [Fact]
    public void An_interval_is_described_with_the_invariant_culture()
    {
        using var culture = new CultureScope("de-DE");

        WilsonInterval.Compute(7, 10).ToString().Should().Be("[0.397, 0.892] (95%)");
    }

    [Fact]
    public void More_successes_than_trials_are_rejected()
    {
        FluentActions.Invoking(() => WilsonInterval.Compute(11, 10)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    public void A_confidence_level_outside_the_open_unit_interval_is_rejected(double confidence)
    {
        FluentActions.Invoking(() => WilsonInterval.Compute(7, 10, confidence)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
