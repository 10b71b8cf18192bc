using System;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class ClopperPearsonTests
{
    [Theory]
    [InlineData(10, 0.1)]
    [InlineData(50, 0.05)]
    [InlineData(200, 0.1)]
    public void With_no_events_the_upper_bound_is_one_minus_the_nth_root_of_the_risk(int trials, double risk) =>
        ClopperPearson.UpperBound(0, trials, risk).Should().BeApproximately(1 - Math.Pow(risk, 1.0 / trials), 1e-9);

    [Theory]
    [InlineData(3, 40, 0.1)]
    [InlineData(12, 100, 0.05)]
    [InlineData(1, 5, 0.2)]
    public void At_the_upper_bound_seeing_at_most_the_observed_events_has_probability_exactly_the_risk(int events, int trials, double risk)
    {
        double bound = ClopperPearson.UpperBound(events, trials, risk);

        Binomial.Cdf(events, trials, bound).Should().BeApproximately(risk, 1e-7);
        bound.Should().BeGreaterThan((double)events / trials);
    }

    [Fact]
    public void Every_trial_an_event_or_no_trials_bounds_the_rate_by_one()
    {
        ClopperPearson.UpperBound(5, 5, 0.1).Should().Be(1);
        ClopperPearson.UpperBound(0, 0, 0.1).Should().Be(1);
    }

    [Theory]
    [InlineData(-1, 5, 0.1)]
    [InlineData(6, 5, 0.1)]
    [InlineData(1, 5, 0)]
    [InlineData(1, 5, 1)]
    [InlineData(1, 5, double.NaN)]
    public void Impossible_counts_and_risks_are_rejected(int events, int trials, double risk) =>
        FluentActions.Invoking(() => ClopperPearson.UpperBound(events, trials, risk)).Should().Throw<ArgumentOutOfRangeException>();

    /// <summary>The bound's promise, simulated: the true rate exceeds the bound in at most a share "risk" of samples.</summary>
    [Fact]
    public void The_true_rate_is_above_the_upper_bound_in_at_most_the_risk_of_samples()
    {
        var random = new Random(12);
        const double rate = 0.15, risk = 0.1;
        int above = 0;
        const int samples = 2000;
        for (int s = 0; s < samples; s++)
        {
            int events = 0;
            for (int i = 0; i < 60; i++)
            {
                events += random.NextDouble() < rate ? 1 : 0;
            }

            above += ClopperPearson.UpperBound(events, 60, risk) < rate ? 1 : 0;
        }

        ((double)above / samples).Should().BeLessThanOrEqualTo(risk);
    }
}
