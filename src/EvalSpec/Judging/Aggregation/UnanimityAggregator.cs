using System;
using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// Strict: pass only when every deciding judge passes; any failing judge fails the panel. Abstentions do
/// not vote (the panel's quorum decides how many must vote).
/// </summary>
public sealed class UnanimityAggregator : IVerdictAggregator
{
    /// <summary>The shared instance.</summary>
    public static UnanimityAggregator Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "unanimity";

    /// <inheritdoc/>
    public PanelDecision Decide(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var tally = VerdictTally.Of(verdicts);
        return tally.Fail > 0
            ? new PanelDecision(VerdictOutcome.Fail, tally.MeanScore, $"not unanimous: {tally}")
            : tally.Pass > 0
                ? new PanelDecision(VerdictOutcome.Pass, tally.MeanScore, $"unanimous pass ({tally})")
                : new PanelDecision(VerdictOutcome.Inconclusive, null, $"no judge decided ({tally})");
    }
}
