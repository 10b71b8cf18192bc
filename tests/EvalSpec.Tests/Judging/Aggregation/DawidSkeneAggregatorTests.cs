using System;
using System.Collections.Generic;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class DawidSkeneAggregatorTests
{
    private static readonly DawidSkeneModel Model = new(0.5, new Dictionary<string, JudgeConfusion>
    {
        ["strong"] = new(0.9, 0.8),
        ["weak1"] = new(0.6, 0.6),
        ["weak2"] = new(0.6, 0.6),
    });

    [Fact]
    public void The_panel_passes_when_the_posterior_reaches_the_threshold_and_scores_the_posterior()
    {
        PanelDecision decision = new DawidSkeneAggregator(Model).Decide(Verdicts.List(Verdicts.Pass("strong")));

        decision.Outcome.Should().Be(VerdictOutcome.Pass);
        decision.Score.Should().BeApproximately(9.0 / 11.0, 1e-12);
        decision.Rationale.Should().Contain("0.818");
    }

    [Fact]
    public void The_panel_fails_when_the_posterior_is_below_the_threshold()
    {
        new DawidSkeneAggregator(Model, threshold: 0.9).Decide(Verdicts.List(Verdicts.Pass("strong"))).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public void A_posterior_exactly_at_the_threshold_passes()
    {
        IReadOnlyList<Verdict> verdicts = Verdicts.List(Verdicts.Pass("weak1"), Verdicts.Fail("weak2"));

        // The two weak judges cancel out: the posterior is the prior, 0.5.
        new DawidSkeneAggregator(Model, threshold: 0.5).Decide(verdicts).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void A_reliable_judge_outweighs_two_unreliable_ones()
    {
        // odds 4.5 × (0.4 / 0.6)² = 2
        PanelDecision decision = new DawidSkeneAggregator(Model).Decide(Verdicts.List(Verdicts.Pass("strong"), Verdicts.Fail("weak1"), Verdicts.Fail("weak2")));

        decision.Outcome.Should().Be(VerdictOutcome.Pass);
        decision.Score.Should().BeApproximately(2.0 / 3.0, 1e-12);
    }

    [Fact]
    public void A_judge_unknown_to_the_model_is_refused_naming_it_and_the_judges_the_model_knows()
    {
        // Ignoring it would let the known judges outvote it while the panel's quorum still counted it.
        Action decide = () => new DawidSkeneAggregator(Model).Decide(Verdicts.List(Verdicts.Pass("strong"), Verdicts.Fail("newcomer")));

        decide.Should().Throw<ArgumentException>().WithMessage("*'newcomer'*unknown to the dawid-skene model*'strong'*Fit*");
    }

    [Fact]
    public void Without_a_deciding_judge_the_panel_is_inconclusive()
    {
        PanelDecision decision = new DawidSkeneAggregator(Model).Decide(Verdicts.List(Verdicts.Abstain("strong"), Verdicts.Abstain("weak1")));

        decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        decision.Score.Should().BeNull();
        decision.Rationale.Should().Contain("no judge decided");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void The_threshold_must_be_between_zero_and_one(double threshold) =>
        FluentActions.Invoking(() => new DawidSkeneAggregator(Model, threshold)).Should().Throw<ArgumentOutOfRangeException>();
}
