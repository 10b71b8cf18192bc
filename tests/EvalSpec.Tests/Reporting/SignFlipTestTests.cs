using System.Linq;
using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class SignFlipTestTests
{
    [Theory]
    [InlineData(4, 0)]
    [InlineData(6, 0)]
    [InlineData(5, 1)]
    [InlineData(10, 3)]
    public void With_differences_of_one_it_equals_the_exact_McNemar_test(int down, int up)
    {
        double[] differences = Enumerable.Repeat(-1.0, down).Concat(Enumerable.Repeat(1.0, up)).Concat(Enumerable.Repeat(0.0, 14)).ToArray();

        SignFlipTest.TwoSidedPValue(differences, 1000, "k").Should().BeApproximately(McNemarTest.TwoSidedPValue(down, up), 1e-12);
    }

    [Fact]
    public void Four_rows_of_twenty_dropping_to_zero_are_not_significant()
    {
        double[] differences = Enumerable.Repeat(-1.0, 4).Concat(Enumerable.Repeat(0.0, 16)).ToArray();

        // 2 of the 16 sign assignments reach |sum| = 4.
        SignFlipTest.TwoSidedPValue(differences, 1000, "k").Should().Be(0.125);
    }

    [Fact]
    public void A_small_drop_in_every_row_is_significant()
    {
        double[] differences = Enumerable.Repeat(-0.1, 12).ToArray();

        SignFlipTest.TwoSidedPValue(differences, 1000, "k").Should().Be(2.0 / 4096);
    }

    [Fact]
    public void No_change_gives_one()
    {
        SignFlipTest.TwoSidedPValue(new double[] { 0, 0, 0 }, 1000, "k").Should().Be(1);
    }

    [Fact]
    public void Beyond_the_exact_limit_it_is_estimated_reproducibly()
    {
        double[] differences = Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? 0.2 : -0.1).ToArray();

        double first = SignFlipTest.TwoSidedPValue(differences, 20_000, "seed");
        double second = SignFlipTest.TwoSidedPValue(differences, 20_000, "seed");

        first.Should().Be(second);
        // Sum = 10 x 0.2 - 30 x 0.1 = -1. Counting all 2^40 assignments (by dynamic programming over the sums, in units
        // of 0.1) gives p = 0.28387; 20,000 random assignments estimate it within about 0.0032 (one standard error).
        first.Should().BeApproximately(0.28387, 0.013);
    }
}
