using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Aggregation;

public sealed class UnanimityAggregatorTests
{
    private static PanelDecision Decide(string pattern) => UnanimityAggregator.Instance.Decide(Verdicts.Pattern(pattern));

    [Theory]
    [InlineData("PPPPF")]
    [InlineData("F")]
    [InlineData("?F?")]
    public void Any_failing_judge_fails_the_panel(string pattern) => Decide(pattern).Outcome.Should().Be(VerdictOutcome.Fail);

    [Theory]
    [InlineData("PPP")]
    [InlineData("P??")]
    public void The_panel_passes_when_every_deciding_judge_passes(string pattern) => Decide(pattern).Outcome.Should().Be(VerdictOutcome.Pass);

    [Fact]
    public void Without_a_deciding_judge_unanimity_is_inconclusive()
    {
        PanelDecision decision = Decide("??");

        decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        decision.Score.Should().BeNull();
    }

    [Fact]
    public void The_rationale_of_a_failure_gives_the_tally()
    {
        Decide("PPF").Rationale.Should().Contain("not unanimous").And.Contain("2 pass").And.Contain("1 fail");
    }
}
