using System;
using System.Linq;
using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class PairedBootstrapTests
{
    private static readonly double[] Differences = Enumerable.Range(0, 60).Select(i => ((i * 37) % 11 / 10.0) - 0.6).ToArray();

    [Fact]
    public void The_same_values_and_key_give_the_same_interval_every_time()
    {
        BootstrapInterval first = PairedBootstrap.MeanInterval(Differences, 0.95, 10_000, "evalspec-gate/all rows");
        BootstrapInterval second = PairedBootstrap.MeanInterval(Differences, 0.95, 10_000, "evalspec-gate/all rows");

        second.Should().Be(first);
    }

    [Fact]
    public void Another_key_draws_other_resamples()
    {
        BootstrapInterval first = PairedBootstrap.MeanInterval(Differences, 0.95, 2_000, "evalspec-gate/A");
        BootstrapInterval second = PairedBootstrap.MeanInterval(Differences, 0.95, 2_000, "evalspec-gate/B");

        second.Mean.Should().Be(first.Mean);
        (second.Lower, second.Upper).Should().NotBe((first.Lower, first.Upper));
    }

    [Fact]
    public void Identical_differences_give_a_point_interval()
    {
        BootstrapInterval interval = PairedBootstrap.MeanInterval(Enumerable.Repeat(-0.25, 30).ToArray(), 0.95, 1_000, "k");

        (interval.Lower, interval.Mean, interval.Upper).Should().Be((-0.25, -0.25, -0.25));
    }

    [Fact]
    public void The_interval_of_a_large_sample_matches_the_normal_approximation()
    {
        // 400 values of +1 and -1 in equal numbers: mean 0, standard error 1 / sqrt(400) = 0.05, so the 95% interval is
        // about [-0.098, +0.098]. The percentile bootstrap must land within Monte Carlo error of that.
        double[] values = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray();

        BootstrapInterval interval = PairedBootstrap.MeanInterval(values, 0.95, 10_000, "normal");

        interval.Mean.Should().Be(0);
        interval.Lower.Should().BeApproximately(-1.96 * 0.05, 0.006);
        interval.Upper.Should().BeApproximately(1.96 * 0.05, 0.006);
    }

    [Fact]
    public void A_higher_confidence_gives_a_wider_interval()
    {
        BootstrapInterval narrow = PairedBootstrap.MeanInterval(Differences, 0.90, 5_000, "k");
        BootstrapInterval wide = PairedBootstrap.MeanInterval(Differences, 0.99, 5_000, "k");

        wide.Lower.Should().BeLessThan(narrow.Lower);
        wide.Upper.Should().BeGreaterThan(narrow.Upper);
    }

    [Fact]
    public void Percentiles_interpolate_between_order_statistics()
    {
        // Type 7: h = (n - 1) p = 4 x 0.25 = 1 -> the second value; p = 0.1 -> 0.4 of the way from the first to the second.
        double[] sorted = { 10, 20, 30, 40, 50 };

        PairedBootstrap.Percentile(sorted, 0.25).Should().Be(20);
        PairedBootstrap.Percentile(sorted, 0.1).Should().BeApproximately(14, 1e-12);
        PairedBootstrap.Percentile(sorted, 1).Should().Be(50);
    }

    [Fact]
    public void No_values_are_rejected()
    {
        Action act = () => PairedBootstrap.MeanInterval(Array.Empty<double>(), 0.95, 1_000, "k");

        act.Should().Throw<ArgumentException>();
    }
}
