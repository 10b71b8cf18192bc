using System;
using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// Max voting (PoLL): pass when more judges pass than fail, fail when more fail than pass, inconclusive on
/// a tie. Abstentions do not vote. The score is the mean score of the deciding judges.
/// </summary>
public sealed class MajorityAggregator : IVerdictAggregator
{
    /// <summary>The shared instance.</summary>
    public static MajorityAggregator Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "majority";

    /// <inheritdoc/>
    public PanelDecision Decide(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var tally = VerdictTally.Of(verdicts);
        if (tally.Pass == tally.Fail)
        {
            return new PanelDecision(VerdictOutcome.Inconclusive, tally.MeanScore, $"judges tied ({tally})");
        }

        VerdictOutcome outcome = tally.Pass > tally.Fail ? VerdictOutcome.Pass : VerdictOutcome.Fail;
        return new PanelDecision(outcome, tally.MeanScore, $"majority {outcome.ToString().ToLowerInvariant()} ({tally})");
    }
}
