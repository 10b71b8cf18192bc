using System;
using System.Collections.Generic;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class ReliabilityWeightsTests
{
    private static double WeightOf(double accuracy) =>
        ReliabilityWeights.FromAccuracy(new Dictionary<string, double> { ["judge"] = accuracy })["judge"];

    [Theory]
    [InlineData(0.9, 2.1972245773362196)] // ln 9
    [InlineData(0.75, 1.0986122886681098)] // ln 3
    [InlineData(0.6, 0.4054651081081644)] // ln 1.5
    public void The_weight_is_the_log_odds_of_the_accuracy(double accuracy, double weight) =>
        WeightOf(accuracy).Should().BeApproximately(weight, 1e-12);

    [Fact]
    public void A_judge_at_chance_gets_no_weight() => WeightOf(0.5).Should().Be(0);

    [Fact]
    public void A_judge_worse_than_chance_gets_weight_zero_by_default() => WeightOf(0.25).Should().Be(0);

    [Fact]
    public void A_judge_worse_than_chance_gets_a_negative_weight_only_when_inversion_is_allowed() =>
        ReliabilityWeights.FromAccuracy(new Dictionary<string, double> { ["judge"] = 0.25 }, allowInvertedJudges: true)["judge"].Should().BeApproximately(-Math.Log(3), 1e-12);

    [Theory]
    [InlineData(1.0, 0.99)]
    [InlineData(0.995, 0.99)]
    public void Accuracies_are_clamped_to_between_one_and_ninety_nine_percent(double accuracy, double clamped) =>
        WeightOf(accuracy).Should().BeApproximately(Math.Log(clamped / (1 - clamped)), 1e-12);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void An_accuracy_outside_zero_to_one_is_rejected_with_the_judges_name(double accuracy) =>
        FluentActions.Invoking(() => WeightOf(accuracy)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'judge'*");

    [Fact]
    public void Every_judge_gets_its_own_weight()
    {
        IReadOnlyDictionary<string, double> weights = ReliabilityWeights.FromAccuracy(new Dictionary<string, double> { ["a"] = 0.9, ["b"] = 0.6 });

        weights.Should().HaveCount(2);
        weights["a"].Should().BeGreaterThan(weights["b"]);
    }
}
