using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class WeightedMajorityAggregatorTests
{
    private static readonly WeightedMajorityAggregator ABC = new(new Dictionary<string, double> { ["a"] = 1.0, ["b"] = 2.0, ["c"] = 0.5 });

    [Fact]
    public void One_heavy_judge_outweighs_two_light_ones()
    {
        // pass 1.0 + 0.5 = 1.5 < fail 2.0
        PanelDecision decision = ABC.Decide(Verdicts.Pattern("PFP"));

        decision.Outcome.Should().Be(VerdictOutcome.Fail);
        decision.Rationale.Should().Contain("pass weight 1.50 (a, c)").And.Contain("fail weight 2.00 (b)");
    }

    [Fact]
    public void The_panel_passes_when_the_passing_weight_is_larger()
    {
        // pass 1.0 + 2.0 = 3.0 > fail 0.5
        ABC.Decide(Verdicts.Pattern("PPF")).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void Abstaining_judges_carry_no_weight()
    {
        // pass 1.0 > fail 0.5; b's 2.0 does not count
        PanelDecision decision = ABC.Decide(Verdicts.Pattern("P?F"));

        decision.Outcome.Should().Be(VerdictOutcome.Pass);
        decision.Rationale.Should().Contain("1 abstained");
    }

    [Fact]
    public void Equal_weights_on_both_sides_are_inconclusive()
    {
        var aggregator = new WeightedMajorityAggregator(new Dictionary<string, double> { ["a"] = 1.5, ["b"] = 1.5 });

        PanelDecision decision = aggregator.Decide(Verdicts.Pattern("PF"));

        decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        decision.Rationale.Should().Contain("tied");
    }

    [Fact]
    public void Weights_equal_up_to_rounding_are_a_tie()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
        var aggregator = new WeightedMajorityAggregator(new Dictionary<string, double> { ["a"] = 0.1, ["b"] = 0.2, ["c"] = 0.3 });

        aggregator.Decide(Verdicts.Pattern("PPF")).Outcome.Should().Be(VerdictOutcome.Inconclusive);
    }

    [Fact]
    public void Without_a_deciding_judge_the_vote_is_inconclusive()
    {
        ABC.Decide(Verdicts.Pattern("???")).Outcome.Should().Be(VerdictOutcome.Inconclusive);
    }

    [Fact]
    public void A_judge_with_a_negative_weight_counts_against_its_own_verdict()
    {
        var aggregator = new WeightedMajorityAggregator(new Dictionary<string, double> { ["a"] = -1.0, ["b"] = 0.5 });

        // pass weight -1.0 < fail weight 0.5
        aggregator.Decide(Verdicts.Pattern("PF")).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public void The_score_is_the_weighted_mean_score_of_the_deciding_judges()
    {
        PanelDecision decision = ABC.Decide(Verdicts.List(Verdicts.Pass("a", 0.9), Verdicts.Fail("b", 0.3), Verdicts.Abstain("c")));

        // (1.0 * 0.9 + 2.0 * 0.3) / (1.0 + 2.0)
        decision.Score.Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void A_judge_without_a_weight_is_an_error_naming_it_and_the_judges_that_have_weights()
    {
        Action decide = () => ABC.Decide(Verdicts.List(Verdicts.Pass("a"), Verdicts.Fail("gpt-judge")));

        decide.Should().Throw<ArgumentException>()
            .WithMessage("*'gpt-judge'*")
            .Which.Message.Should().Contain("'a', 'b', 'c'");
    }

    [Fact]
    public void A_judge_without_a_weight_is_an_error_even_when_it_abstains()
    {
        Action decide = () => ABC.Decide(Verdicts.List(Verdicts.Pass("a"), Verdicts.Abstain("x")));

        decide.Should().Throw<ArgumentException>().WithMessage("*'x'*");
    }

    [Fact]
    public void Judge_names_are_case_sensitive_like_panel_judge_names()
    {
        Action decide = () => ABC.Decide(Verdicts.List(Verdicts.Pass("A")));

        decide.Should().Throw<ArgumentException>().WithMessage("*'A'*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Weights_must_be_finite(double weight) =>
        FluentActions.Invoking(() => new WeightedMajorityAggregator(new Dictionary<string, double> { ["a"] = weight }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'a'*");

    [Fact]
    public void Weights_are_required() =>
        FluentActions.Invoking(() => new WeightedMajorityAggregator(new Dictionary<string, double>())).Should().Throw<ArgumentException>();

    [Fact]
    public void Log_odds_weights_let_one_judge_of_accuracy_point_nine_outvote_two_of_accuracy_point_six()
    {
        var aggregator = new WeightedMajorityAggregator(ReliabilityWeights.FromAccuracy(new Dictionary<string, double> { ["strong"] = 0.9, ["weak1"] = 0.6, ["weak2"] = 0.6 }));
        IReadOnlyList<Verdict> strongPassesWeakFail = Verdicts.List(Verdicts.Pass("strong"), Verdicts.Fail("weak1"), Verdicts.Fail("weak2"));
        IReadOnlyList<Verdict> strongFailsWeakPass = Verdicts.List(Verdicts.Fail("strong"), Verdicts.Pass("weak1"), Verdicts.Pass("weak2"));

        // ln 9 ≈ 2.197 against 2 ln 1.5 ≈ 0.811, where a plain vote goes with the two weak judges.
        aggregator.Decide(strongPassesWeakFail).Outcome.Should().Be(VerdictOutcome.Pass);
        aggregator.Decide(strongFailsWeakPass).Outcome.Should().Be(VerdictOutcome.Fail);
        MajorityAggregator.Instance.Decide(strongPassesWeakFail).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public async Task With_early_stopping_and_a_quorum_of_one_a_panel_does_not_ask_judges_that_cannot_outvote_the_reliable_one()
    {
        var weights = ReliabilityWeights.FromAccuracy(new Dictionary<string, double> { ["strong"] = 0.9, ["weak1"] = 0.6, ["weak2"] = 0.6 });
        var strong = new CountingJudge("strong", VerdictOutcome.Pass);
        var weak1 = new CountingJudge("weak1", VerdictOutcome.Fail);
        var weak2 = new CountingJudge("weak2", VerdictOutcome.Fail);
        var panel = new JudgePanel("jury", new IJudge[] { strong, weak1, weak2 }, new WeightedMajorityAggregator(weights), quorum: 1, earlyStop: true);

        PanelVerdict verdict = await panel.JudgeAsync(new JudgeRequest("output"));

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.JudgesSkipped.Should().Be(2);
        (weak1.Calls + weak2.Calls).Should().Be(0);
    }

    [Fact]
    public async Task With_early_stopping_and_the_default_quorum_a_second_judge_is_asked_before_the_reliable_one_decides()
    {
        // A strict majority (2 of 3) must decide: the strong judge alone could be left alone by two abstentions.
        var weights = ReliabilityWeights.FromAccuracy(new Dictionary<string, double> { ["strong"] = 0.9, ["weak1"] = 0.6, ["weak2"] = 0.6 });
        var strong = new CountingJudge("strong", VerdictOutcome.Pass);
        var weak1 = new CountingJudge("weak1", VerdictOutcome.Fail);
        var weak2 = new CountingJudge("weak2", VerdictOutcome.Fail);
        var panel = new JudgePanel("jury", new IJudge[] { strong, weak1, weak2 }, new WeightedMajorityAggregator(weights), earlyStop: true);

        PanelVerdict verdict = await panel.JudgeAsync(new JudgeRequest("output"));

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.JudgesSkipped.Should().Be(1);
        (strong.Calls, weak1.Calls, weak2.Calls).Should().Be((1, 1, 0));
    }
}
