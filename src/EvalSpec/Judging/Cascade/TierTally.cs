using System;
using System.Collections.Generic;
using System.Globalization;

namespace EvalSpec.Judging;

/// <summary>
/// A cascade tier's votes counted: the leaning (the side with more weight) and the confidence, the share of all the
/// tier's vote weight that agrees with the leaning. Abstentions, ties, errors and unreadable answers are votes that agree
/// with nothing, so they lower the confidence. The same function decides at run time and in calibration, so a threshold
/// fitted on labelled items means the same thing when the cascade runs.
/// </summary>
internal readonly record struct TierTally(double PassWeight, double FailWeight, double TotalWeight, int PassVotes, int FailVotes, int Votes)
{
    /// <summary>Confidences within this of a threshold count as reaching it: weights summed in another order may differ in the last bits.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Pass when the pass weight is larger, fail when the fail weight is, inconclusive when they are equal (or nothing voted).</summary>
    public VerdictOutcome Leaning =>
        Math.Abs(PassWeight - FailWeight) <= Tolerance * Math.Max(1, TotalWeight) ? VerdictOutcome.Inconclusive
        : PassWeight > FailWeight ? VerdictOutcome.Pass
        : VerdictOutcome.Fail;

    /// <summary>The share of the tier's vote weight on the leaning side, in [0, 1]; 0 without a leaning.</summary>
    public double Confidence => Leaning == VerdictOutcome.Inconclusive || TotalWeight <= 0 ? 0 : Math.Max(PassWeight, FailWeight) / TotalWeight;

    /// <summary>The share of the deciding weight that passes, or null when no weighted vote decided.</summary>
    public double? PassShare => PassWeight + FailWeight > 0 ? PassWeight / (PassWeight + FailWeight) : null;

    /// <summary>Whether the tier decides at <paramref name="threshold"/>: it leans one way and its confidence reaches the threshold (null: never).</summary>
    public bool Decides(double? threshold) =>
        threshold is double t && Leaning != VerdictOutcome.Inconclusive && Confidence >= t - Tolerance;

    /// <summary>Counts <paramref name="votes"/> with each judge's weight (1 for a judge without one).</summary>
    public static TierTally Of(IEnumerable<CascadeVote> votes, IReadOnlyDictionary<string, double>? weights)
    {
        double pass = 0, fail = 0, total = 0;
        int passVotes = 0, failVotes = 0, count = 0;
        foreach (CascadeVote vote in votes)
        {
            double weight = weights is not null && weights.TryGetValue(vote.Judge, out double w) ? w : 1;
            count++;

            // A judge with weight 0 (at or below chance in calibration) is not counted at all: neither for a side nor in the
            // total. An inverted judge (a negative weight, only when calibration allowed it) counts for the other side.
            total += Math.Abs(weight);
            bool saysPass = vote.Outcome == VerdictOutcome.Pass;
            if (vote.Outcome == VerdictOutcome.Inconclusive)
            {
                continue;
            }

            passVotes += saysPass ? 1 : 0;
            failVotes += saysPass ? 0 : 1;
            if (saysPass == weight >= 0)
            {
                pass += Math.Abs(weight);
            }
            else
            {
                fail += Math.Abs(weight);
            }
        }

        return new TierTally(pass, fail, total, passVotes, failVotes, count);
    }

    /// <summary>"5 of 6 votes pass" style counts for messages.</summary>
    public string DescribeVotes() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PassVotes} pass, {FailVotes} fail, {Votes - PassVotes - FailVotes} abstained of {Votes} vote(s)");
}
