using System;
using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class McNemarTestTests
{
    [Theory]
    // 2 (1 + 12 + 66) / 2^12 = 158 / 4096: the value quoted for b = 10, c = 2 (0.0386).
    [InlineData(10, 2, 0.03857421875)]
    [InlineData(2, 10, 0.03857421875)]
    // Fagerland, Lydersen and Laake (2013), airway hyper-responsiveness example: exact conditional p = 0.070 = 2 (1 + 8) / 2^8.
    [InlineData(1, 7, 0.0703125)]
    // The smallest significant one-sided outcome at 0.05: six flips one way, none back (2 / 64); five is not (2 / 32).
    [InlineData(6, 0, 0.03125)]
    [InlineData(5, 0, 0.0625)]
    [InlineData(12, 3, 0.03515625)]
    [InlineData(3, 9, 0.14599609375)]
    public void Exact_two_sided_p_values_match_hand_computed_binomial_tails(int b, int c, double expected)
    {
        McNemarTest.TwoSidedPValue(b, c).Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void Large_counts_are_summed_exactly_not_approximated()
    {
        // Exact rational value computed independently (Python fractions, sum of C(2100, k) for k <= 1000, times 2 / 2^2100).
        McNemarTest.TwoSidedPValue(1100, 1000).Should().BeApproximately(0.030720707864242296, 1e-12);
        McNemarTest.TwoSidedPValue(59, 35).Should().BeApproximately(0.01720959558593046, 1e-15);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 4)]
    [InlineData(1, 0)]
    public void No_discordant_pairs_equal_counts_or_a_single_flip_give_p_of_1(int b, int c)
    {
        McNemarTest.TwoSidedPValue(b, c).Should().Be(1.0);
    }

    [Fact]
    public void Very_many_flips_give_a_tiny_p_value_computed_through_logarithms()
    {
        // n - 1 > 1000: the exact tail is divided by 2^(n-1) in log space. Exact value from Python fractions.
        double p = McNemarTest.TwoSidedPValue(3000, 2000);

        p.Should().BeApproximately(1.3002310005203771e-45, 1e-55);
    }

    [Fact]
    public void Negative_counts_are_rejected()
    {
        Action act = () => McNemarTest.TwoSidedPValue(-1, 2);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
