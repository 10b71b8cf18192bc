using System;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class StandardNormalTests
{
    // Published standard normal quantiles (any z table, e.g. Abramowitz & Stegun 26.2): Φ⁻¹(0.90) = 1.281552,
    // Φ⁻¹(0.95) = 1.644854, Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.995) = 2.575829.
    [Theory]
    [InlineData(0.90, 1.281552)]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.995, 2.575829)]
    public void Quantiles_match_the_published_table(double probability, double z)
    {
        StandardNormal.Quantile(probability).Should().BeApproximately(z, 5e-7);
    }

    [Fact]
    public void The_median_is_zero()
    {
        StandardNormal.Quantile(0.5).Should().Be(0);
    }

    [Fact]
    public void A_far_tail_quantile_uses_the_tail_approximation_accurately()
    {
        // R: qnorm(1e-10) = -6.361341, qnorm(1e-30) = -11.46402. r = sqrt(-ln p) is 4.80 for 1e-10 (AS 241's middle
        // branch, r <= 5) and 8.31 for 1e-30 (its far-tail branch), so both tail approximations are exercised.
        StandardNormal.Quantile(1e-10).Should().BeApproximately(-6.361341, 5e-7);
        StandardNormal.Quantile(1e-30).Should().BeApproximately(-11.46402, 5e-6);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.2)]
    [InlineData(0.4)]
    public void Quantiles_are_antisymmetric_about_one_half(double probability)
    {
        StandardNormal.Quantile(probability).Should().BeApproximately(-StandardNormal.Quantile(1 - probability), 1e-12);
    }

    [Fact]
    public void The_two_sided_critical_value_for_95_percent_is_1_959964()
    {
        StandardNormal.TwoSidedCriticalValue(0.95).Should().BeApproximately(1.959964, 5e-7);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_probability_outside_the_open_unit_interval_is_rejected(double probability)
    {
        FluentActions.Invoking(() => StandardNormal.Quantile(probability)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
