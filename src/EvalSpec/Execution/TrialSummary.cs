using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Statistics;

namespace EvalSpec.Execution;

/// <summary>The decision over a row's trials by its <see cref="TrialRule"/>, and a sentence saying why.</summary>
/// <param name="Outcome">The row's outcome.</param>
/// <param name="Description">"4/6 passed (Wilson 95% LB 0.30); rule: pass^6".</param>
/// <param name="Rule">The rule over all the trials ("pass^6"), the same in every run: the failure kind of the row.</param>
internal readonly record struct TrialSummary(VerdictOutcome Outcome, string Description, string Rule)
{
    /// <summary>
    /// Decides by the rule, counting an inconclusive trial neither way: the row passes when it would pass even if
    /// every inconclusive trial had failed, fails when it would fail even if they had all passed, and is
    /// inconclusive otherwise (the undecided trials could have changed it). The description counts the decided trials.
    /// </summary>
    public static TrialSummary Decide(IReadOnlyList<VerdictOutcome> trials, TrialRule rule, double passRate)
    {
        bool[] decided = trials.Where(t => t != VerdictOutcome.Inconclusive).Select(t => t == VerdictOutcome.Pass).ToArray();
        int inconclusive = trials.Count - decided.Length;
        if (decided.Length == 0)
        {
            return new TrialSummary(VerdictOutcome.Inconclusive, $"none of the {trials.Count} trials was decided", string.Empty);
        }

        TrialRuleResult shown = Apply(decided, rule, passRate);
        TrialRuleResult atWorst = Apply(decided.Concat(Enumerable.Repeat(false, inconclusive)), rule, passRate);
        bool passesAtBest = Apply(decided.Concat(Enumerable.Repeat(true, inconclusive)), rule, passRate).Passed;
        VerdictOutcome outcome = atWorst.Passed ? VerdictOutcome.Pass : passesAtBest ? VerdictOutcome.Inconclusive : VerdictOutcome.Fail;
        string undecided = inconclusive == 0 ? string.Empty : $", {inconclusive} more inconclusive";
        return new TrialSummary(outcome, $"{shown.Summary}{undecided}; rule: {atWorst.Rule}", atWorst.Rule);
    }

    private static TrialRuleResult Apply(IEnumerable<bool> trials, TrialRule rule, double passRate) => rule switch
    {
        TrialRule.AnyPass => TrialDecisions.PassAtK(trials),
        TrialRule.PassRate => TrialDecisions.PassRateAtLeast(trials, passRate),
        _ => TrialDecisions.PassHatK(trials),
    };
}
