using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Average pooling (PoLL, for scores): the mean score of the deciding judges, passing at or above a
/// threshold. A deciding verdict without a score counts as 1 (pass) or 0 (fail).
/// </summary>
/// <remarks>
/// Scores never pass what the verdicts reject: when the pooled score reaches the threshold but most deciding judges
/// failed the output (a judge answering "fail" with a 4 of 5, say), the panel is inconclusive and names the
/// contradiction, instead of passing an output its judges rejected. The other way round is the threshold's purpose: a
/// mean below it fails the output even when most judges passed it at their own, lower bar.
/// </remarks>
public sealed class MeanScoreAggregator : IVerdictAggregator
{
    /// <summary>Creates the aggregator.</summary>
    /// <param name="threshold">The mean score needed to pass, in [0, 1].</param>
    public MeanScoreAggregator(double threshold = 0.5)
    {
        if (double.IsNaN(threshold) || threshold < 0 || threshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be between 0 and 1.");
        }

        Threshold = threshold;
    }

    /// <summary>The mean score needed to pass.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public string Name => "mean";

    /// <inheritdoc/>
    public PanelDecision Decide(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        double[] scores = verdicts
            .Where(v => v.Outcome != VerdictOutcome.Inconclusive)
            .Select(v => v.Score ?? (v.Outcome == VerdictOutcome.Pass ? 1.0 : 0.0))
            .ToArray();
        if (scores.Length == 0)
        {
            return new PanelDecision(VerdictOutcome.Inconclusive, null, "no judge decided");
        }

        double mean = scores.Average();
        VerdictOutcome outcome = mean >= Threshold ? VerdictOutcome.Pass : VerdictOutcome.Fail;
        string pooled = string.Create(CultureInfo.InvariantCulture, $"mean score {mean:0.00} of {scores.Length} judge(s) {(outcome == VerdictOutcome.Pass ? ">=" : "<")} {Threshold:0.00}");
        int passes = verdicts.Count(v => v.Outcome == VerdictOutcome.Pass);
        int fails = verdicts.Count(v => v.Outcome == VerdictOutcome.Fail);
        if (outcome == VerdictOutcome.Pass && fails > passes)
        {
            return new PanelDecision(
                VerdictOutcome.Inconclusive,
                mean,
                string.Create(CultureInfo.InvariantCulture, $"the scores contradict the verdicts: {pooled}, but {fails} of {passes + fails} deciding judge(s) failed the output"));
        }

        return new PanelDecision(outcome, mean, pooled);
    }
}
