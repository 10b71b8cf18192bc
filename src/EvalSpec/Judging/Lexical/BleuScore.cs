using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>A sentence BLEU score and the statistics it was computed from.</summary>
public sealed class BleuScore
{
    internal BleuScore(double score, double brevityPenalty, int candidateLength, int referenceLength, int effectiveOrder, IReadOnlyList<int> matches, IReadOnlyList<int> totals, IReadOnlyList<double> precisions)
    {
        Score = score;
        BrevityPenalty = brevityPenalty;
        CandidateLength = candidateLength;
        ReferenceLength = referenceLength;
        EffectiveOrder = effectiveOrder;
        Matches = matches;
        Totals = totals;
        Precisions = precisions;
    }

    /// <summary>BLEU in [0, 1] (sacrebleu reports 100 times this).</summary>
    public double Score { get; }

    /// <summary>exp(1 - r / c) when the candidate (c tokens) is shorter than the reference length r, else 1; 0 for an empty candidate.</summary>
    public double BrevityPenalty { get; }

    /// <summary>The number of candidate tokens.</summary>
    public int CandidateLength { get; }

    /// <summary>The length of the reference closest in length to the candidate (the shorter one on a tie).</summary>
    public int ReferenceLength { get; }

    /// <summary>The number of n-gram orders averaged in the geometric mean.</summary>
    public int EffectiveOrder { get; }

    /// <summary>Clipped n-gram matches per order (index 0 is unigrams): each candidate n-gram counts at most as often as it occurs in any one reference.</summary>
    public IReadOnlyList<int> Matches { get; }

    /// <summary>Candidate n-grams per order (index 0 is unigrams).</summary>
    public IReadOnlyList<int> Totals { get; }

    /// <summary>
    /// The precision of each order used in the geometric mean, after smoothing (index 0 is unigrams); orders
    /// beyond <see cref="EffectiveOrder"/> are 0 and not used.
    /// </summary>
    public IReadOnlyList<double> Precisions { get; }
}
