using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Statistics;

namespace EvalSpec.Execution;

/// <summary>The decision over a row's trials by its <see cref="TrialRule"/>, and a sentence saying why.</summary>
internal readonly record struct TrialSummary(VerdictOutcome Outcome, string Description)
{
    /// <summary>
    /// Decides from the trials that were decided; inconclusive trials decide the row only where they could
    /// have changed it (a trial that might have failed under pass^k, or the only hope under pass@k).
    /// </summary>
    public static TrialSummary Decide(IReadOnlyList<VerdictOutcome> trials, TrialRule rule, double passRate)
    {
        bool[] decided = trials.Where(t => t != VerdictOutcome.Inconclusive).Select(t => t == VerdictOutcome.Pass).ToArray();
        int inconclusive = trials.Count - decided.Length;
        if (decided.Length == 0)
        {
            return new TrialSummary(VerdictOutcome.Inconclusive, $"none of the {trials.Count} trials was decided");
        }

        TrialRuleResult result = rule switch
        {
            TrialRule.AnyPass => TrialDecisions.PassAtK(decided),
            TrialRule.PassRate => TrialDecisions.PassRateAtLeast(decided, passRate),
            _ => TrialDecisions.PassHatK(decided),
        };
        VerdictOutcome outcome = rule switch
        {
            TrialRule.AllPass when result.Passed && inconclusive > 0 => VerdictOutcome.Inconclusive,
            TrialRule.AnyPass when !result.Passed && inconclusive > 0 => VerdictOutcome.Inconclusive,
            _ => result.Passed ? VerdictOutcome.Pass : VerdictOutcome.Fail,
        };
        string undecided = inconclusive == 0 ? string.Empty : $", {inconclusive} more inconclusive";
        return new TrialSummary(outcome, $"{result.Summary}{undecided}; rule: {result.Rule}");
    }
}
