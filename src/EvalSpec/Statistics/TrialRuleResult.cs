using System.Globalization;

namespace EvalSpec.Statistics;

/// <summary>
/// The outcome of a repeated-trial rule (<see cref="TrialDecisions"/>): whether the rule was met, the counts, and the
/// Wilson interval of the pass rate so a reader sees how much the counts can tell.
/// </summary>
internal sealed class TrialRuleResult
{
    internal TrialRuleResult(string rule, bool passed, int passedTrials, int trials, ConfidenceInterval wilson)
    {
        Rule = rule;
        Passed = passed;
        PassedTrials = passedTrials;
        Trials = trials;
        Wilson = wilson;
    }

    /// <summary>The rule that was applied, for example "pass rate >= 0.8", "pass@5" or "pass^5".</summary>
    public string Rule { get; }

    /// <summary>True when the trials met the rule.</summary>
    public bool Passed { get; }

    /// <summary>How many trials passed.</summary>
    public int PassedTrials { get; }

    /// <summary>How many trials ran (k).</summary>
    public int Trials { get; }

    /// <summary>The observed pass rate, <see cref="PassedTrials"/> / <see cref="Trials"/>.</summary>
    public double PassRate => (double)PassedTrials / Trials;

    /// <summary>The Wilson score interval of the pass rate (<see cref="WilsonInterval"/>).</summary>
    public ConfidenceInterval Wilson { get; }

    /// <summary>
    /// The counts and the Wilson lower bound to two decimals, for a test message:
    /// "7/10 passed (Wilson 95% LB 0.40)".
    /// </summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{PassedTrials}/{Trials} passed (Wilson {ConfidenceLabel.Format(Wilson.Confidence)} LB {Wilson.Lower:0.00})");

    /// <summary>The rule, whether it was met, and <see cref="Summary"/>: "pass rate >= 0.7: met; 7/10 passed (Wilson 95% LB 0.40)".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Rule}: {(Passed ? "met" : "not met")}; {Summary}";
}
