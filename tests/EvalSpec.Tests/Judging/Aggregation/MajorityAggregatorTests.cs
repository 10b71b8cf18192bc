using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class MajorityAggregatorTests
{
    private static PanelDecision Decide(string pattern) => MajorityAggregator.Instance.Decide(Verdicts.Pattern(pattern));

    [Theory]
    [InlineData("PPF")]
    [InlineData("P")]
    [InlineData("PP?F")]
    public void More_passes_than_fails_pass(string pattern) => Decide(pattern).Outcome.Should().Be(VerdictOutcome.Pass);

    [Theory]
    [InlineData("PFF")]
    [InlineData("F??")]
    public void More_fails_than_passes_fail(string pattern) => Decide(pattern).Outcome.Should().Be(VerdictOutcome.Fail);

    [Theory]
    [InlineData("PF")]
    [InlineData("PF??")]
    [InlineData("???")]
    public void A_tie_is_inconclusive(string pattern)
    {
        PanelDecision decision = Decide(pattern);

        decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        decision.Rationale.Should().Contain("tied");
    }

    [Fact]
    public void The_score_is_the_mean_score_of_the_deciding_judges()
    {
        PanelDecision decision = MajorityAggregator.Instance.Decide(Verdicts.List(Verdicts.Pass("a", 0.9), Verdicts.Pass("b", 0.7), Verdicts.Fail("c", 0.2), Verdicts.Abstain("d")));

        decision.Score.Should().BeApproximately(0.6, 1e-12);
    }
}
