using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class HolmCorrectionTests
{
    [Fact]
    public void P_values_are_multiplied_by_their_remaining_count_and_kept_monotone()
    {
        // Sorted: 0.005 x 4 = 0.02; 0.01 x 3 = 0.03; 0.03 x 2 = 0.06; 0.04 x 1 = 0.04, raised to 0.06 to stay monotone.
        double[] adjusted = HolmCorrection.Adjust(new[] { 0.01, 0.04, 0.03, 0.005 });

        adjusted.Should().Equal(new[] { 0.03, 0.06, 0.06, 0.02 }, (a, e) => System.Math.Abs(a - e) < 1e-12);
    }

    [Fact]
    public void Adjusted_p_values_never_exceed_1()
    {
        HolmCorrection.Adjust(new[] { 0.6, 0.7 }).Should().Equal(1.0, 1.0);
    }

    [Fact]
    public void A_single_p_value_is_unchanged()
    {
        HolmCorrection.Adjust(new[] { 0.0386 }).Should().Equal(0.0386);
    }
}
