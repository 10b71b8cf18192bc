using System;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class RobustnessMetricsTests
{
    // Four applicable rows (two violated) and one row whose perturbation could not be applied.
    private static readonly PerturbationOutcome[] Rows =
    {
        new(Applicable: true, Violated: true, MeaningPreservation: 0.9),
        new(Applicable: true, Violated: false, MeaningPreservation: 1.0),
        new(Applicable: true, Violated: true, MeaningPreservation: 0.1),
        new(Applicable: true, Violated: false, MeaningPreservation: 0.8),
        new(Applicable: false, Violated: true),
    };

    [Fact]
    public void The_attack_success_rate_is_violated_over_applicable_rows()
    {
        // 2 violated / 4 applicable = 0.5; the non-applicable row is in neither count.
        AttackSuccess result = RobustnessMetrics.Compute(Rows);

        result.Rows.Should().Be(5);
        result.ApplicableRows.Should().Be(4);
        result.ViolatedRows.Should().Be(2);
        result.Rate.Should().Be(0.5);
    }

    [Fact]
    public void The_weighted_rate_weights_each_row_by_how_well_its_meaning_was_preserved()
    {
        // Σ w × violated = 0.9 + 0.1 = 1.0; Σ w = 0.9 + 1.0 + 0.1 + 0.8 = 2.8; weighted ASR = 1.0 / 2.8 = 0.357142…
        AttackSuccess result = RobustnessMetrics.Compute(Rows);

        result.ViolatedWeight.Should().BeApproximately(1.0, 1e-12);
        result.TotalWeight.Should().BeApproximately(2.8, 1e-12);
        result.WeightedRate.Should().BeApproximately(1.0 / 2.8, 1e-12);
    }

    [Fact]
    public void A_violation_after_a_perturbation_that_destroyed_the_meaning_is_not_blamed_on_the_system()
    {
        // Violated with w = 0 adds nothing to the numerator: weighted ASR = 0 / (0 + 1) = 0, plain ASR = 1/2.
        AttackSuccess result = RobustnessMetrics.Compute(new PerturbationOutcome[]
        {
            new(Applicable: true, Violated: true, MeaningPreservation: 0.0),
            new(Applicable: true, Violated: false, MeaningPreservation: 1.0),
        });

        result.Rate.Should().Be(0.5);
        result.WeightedRate.Should().Be(0);
    }

    [Fact]
    public void Without_meaning_weights_the_weighted_rate_equals_the_plain_rate()
    {
        AttackSuccess result = RobustnessMetrics.Compute(new PerturbationOutcome[] { new(true, true), new(true, false), new(true, false) });

        result.WeightedRate.Should().BeApproximately(result.Rate!.Value, 1e-12);
    }

    [Fact]
    public void Both_rates_are_undefined_without_applicable_rows()
    {
        AttackSuccess result = RobustnessMetrics.Compute(new PerturbationOutcome[] { new(Applicable: false, Violated: false) });

        result.Rate.Should().BeNull();
        result.WeightedRate.Should().BeNull();
        result.ToString().Should().Be("0/0 applicable rows violated (ASR undefined, meaning-weighted undefined); 1 not applicable");
    }

    [Fact]
    public void The_weighted_rate_is_undefined_when_no_applicable_row_kept_any_meaning()
    {
        AttackSuccess result = RobustnessMetrics.Compute(new PerturbationOutcome[] { new(true, true, 0.0), new(true, false, 0.0) });

        result.Rate.Should().Be(0.5);
        result.WeightedRate.Should().BeNull();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_meaning_weight_outside_the_unit_interval_is_rejected(double weight)
    {
        FluentActions.Invoking(() => RobustnessMetrics.Compute(new[] { new PerturbationOutcome(true, true, weight) }))
            .Should().Throw<ArgumentException>().WithMessage("*meaning-preservation*");
    }
}
