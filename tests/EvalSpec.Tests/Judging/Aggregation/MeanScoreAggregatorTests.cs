using System;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class MeanScoreAggregatorTests
{
    [Fact]
    public void A_mean_score_at_or_above_the_threshold_does_not_pass_an_output_most_judges_failed()
    {
        PanelDecision decision = new MeanScoreAggregator(0.5).Decide(Verdicts.List(Verdicts.Pass("a", 1.0), Verdicts.Fail("b", 0.3), Verdicts.Fail("c", 0.2)));

        decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        decision.Score.Should().BeApproximately(0.5, 1e-12);
        decision.Rationale.Should().Contain("the scores contradict the verdicts").And.Contain("2 of 3 deciding judge(s) failed");
    }

    [Fact]
    public void A_mean_score_at_or_above_the_threshold_passes_when_the_verdicts_are_split_evenly()
    {
        PanelDecision decision = new MeanScoreAggregator(0.5).Decide(Verdicts.List(Verdicts.Pass("a", 0.9), Verdicts.Fail("b", 0.4)));

        decision.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void A_mean_score_below_the_threshold_fails_even_when_most_judges_pass()
    {
        PanelDecision decision = new MeanScoreAggregator(0.7).Decide(Verdicts.List(Verdicts.Pass("a", 0.6), Verdicts.Pass("b", 0.6), Verdicts.Fail("c", 0.3)));

        decision.Outcome.Should().Be(VerdictOutcome.Fail);
        decision.Score.Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void A_deciding_verdict_without_a_score_counts_as_one_for_a_pass_and_zero_for_a_fail()
    {
        PanelDecision decision = new MeanScoreAggregator().Decide(Verdicts.List(Verdicts.Pass("a", null), Verdicts.Pass("b", null), Verdicts.Fail("c", null)));

        decision.Score.Should().BeApproximately(2.0 / 3.0, 1e-12);
    }

    [Fact]
    public void Abstentions_are_left_out_of_the_mean()
    {
        PanelDecision decision = new MeanScoreAggregator().Decide(Verdicts.List(Verdicts.Pass("a", 0.8), Verdicts.Abstain("b")));

        decision.Score.Should().Be(0.8);
    }

    [Fact]
    public void Without_a_deciding_judge_the_mean_is_inconclusive_and_has_no_score()
    {
        PanelDecision decision = new MeanScoreAggregator().Decide(Verdicts.List(Verdicts.Abstain("a"), Verdicts.Abstain("b")));

        decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        decision.Score.Should().BeNull();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void The_threshold_must_be_between_zero_and_one(double threshold) =>
        FluentActions.Invoking(() => new MeanScoreAggregator(threshold)).Should().Throw<ArgumentOutOfRangeException>();
}
