using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// Combines the verdicts of a panel's judges into one decision. <see cref="JudgePanel"/> has already
/// checked its quorum; inconclusive verdicts are abstentions.
/// </summary>
/// <remarks>
/// Implementations must be deterministic functions of the verdicts (judge names, outcomes, scores), so that
/// early stopping can ask "could the remaining judges still change the decision?" by trying their outcomes.
/// Early stopping tries only pass (score 1), fail (score 0) and abstain for each judge not yet asked, which
/// covers every possible answer when the decision responds monotonically to scores (as all built-in
/// aggregators do). <see cref="JudgePanel"/> calls <see cref="Decide"/> once at construction with every judge
/// abstaining; throw <see cref="System.ArgumentException"/> there if the judges do not fit the aggregator.
/// </remarks>
public interface IVerdictAggregator
{
    /// <summary>A short name for messages and results, e.g. <c>majority</c>.</summary>
    string Name { get; }

    /// <summary>Decides from the verdicts of the judges asked so far.</summary>
    /// <param name="verdicts">One verdict per judge asked, in panel order.</param>
    /// <returns>The decision.</returns>
    PanelDecision Decide(IReadOnlyList<Verdict> verdicts);
}
