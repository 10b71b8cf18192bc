using EvalSpec.Execution;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

public class TrialSummaryTests
{
    private const VerdictOutcome P = VerdictOutcome.Pass;
    private const VerdictOutcome F = VerdictOutcome.Fail;
    private const VerdictOutcome I = VerdictOutcome.Inconclusive;

    [Theory]
    [InlineData(TrialRule.AllPass, new[] { P, P, P }, P)]
    [InlineData(TrialRule.AllPass, new[] { P, F, P }, F)]
    [InlineData(TrialRule.AllPass, new[] { P, I, P }, I)]
    [InlineData(TrialRule.AllPass, new[] { F, I, P }, F)]
    [InlineData(TrialRule.AnyPass, new[] { F, F, P }, P)]
    [InlineData(TrialRule.AnyPass, new[] { F, I, F }, I)]
    [InlineData(TrialRule.AnyPass, new[] { F, F, F }, F)]
    [InlineData(TrialRule.AnyPass, new[] { I, I, P }, P)]
    public void A_rule_is_decided_only_when_the_inconclusive_trials_could_not_change_it(TrialRule rule, VerdictOutcome[] trials, VerdictOutcome expected)
    {
        TrialSummary.Decide(trials, rule, passRate: 0.8).Outcome.Should().Be(expected);
    }

    [Theory]
    // 1 pass and 5 undecided of 6: the pass rate could be anywhere from 1/6 to 6/6.
    [InlineData(new[] { P, I, I, I, I, I }, I)]
    // 3 passes, 1 failure, 2 undecided at 0.6: 3/6 = 0.5 at worst, 5/6 at best.
    [InlineData(new[] { P, P, P, F, I, I }, I)]
    // 5 passes, 1 undecided: 5/6 = 0.83 >= 0.6 even if it failed.
    [InlineData(new[] { P, P, P, P, P, I }, P)]
    // 2 passes, 3 failures, 1 undecided: 3/6 = 0.5 < 0.6 even if it passed.
    [InlineData(new[] { P, P, F, F, F, I }, F)]
    public void A_pass_rate_counts_every_trial_and_no_undecided_one_either_way(VerdictOutcome[] trials, VerdictOutcome expected)
    {
        TrialSummary.Decide(trials, TrialRule.PassRate, passRate: 0.6).Outcome.Should().Be(expected);
    }

    [Fact]
    public void The_description_counts_decided_trials_and_names_the_rule_over_all_of_them()
    {
        TrialSummary summary = TrialSummary.Decide(new[] { P, P, P, P, F, I }, TrialRule.AllPass, passRate: 0.8);

        summary.Description.Should().Be("4/5 passed (Wilson 95% LB 0.38), 1 more inconclusive; rule: pass^6");
        summary.Rule.Should().Be("pass^6", "the rule, not which trial failed, is the failure kind");
    }

    [Fact]
    public void No_decided_trial_is_inconclusive()
    {
        TrialSummary.Decide(new[] { I, I }, TrialRule.AnyPass, passRate: 0.8).Should().Be(
            new TrialSummary(VerdictOutcome.Inconclusive, "none of the 2 trials was decided", string.Empty));
    }
}
