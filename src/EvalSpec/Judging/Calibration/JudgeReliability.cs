using EvalSpec.Statistics;

namespace EvalSpec.Judging;

/// <summary>One judge measured against people's labels.</summary>
/// <param name="Judge">The judge's name.</param>
/// <param name="Items">Labelled items on which it voted pass or fail at least once.</param>
/// <param name="Votes">Its pass or fail votes (a pairwise judge votes once per presentation order).</param>
/// <param name="CorrectVotes">Its votes that agreed with the label.</param>
/// <param name="Interval">The 95% Wilson interval of its accuracy.</param>
/// <param name="PositionConsistency">For a pairwise judge, the share of items on which both orders chose the same output (among items where both answered); otherwise null.</param>
/// <param name="Weight">Its weight: the log-odds of its smoothed accuracy, (correct + 1) / (votes + 2), clamped to [0.01, 0.99]; 0 at or below chance unless inversion is allowed.</param>
public sealed record JudgeReliability(string Judge, int Items, int Votes, int CorrectVotes, ConfidenceInterval Interval, double? PositionConsistency, double Weight)
{
    /// <summary>CorrectVotes / Votes (0 without votes).</summary>
    public double Accuracy => Votes == 0 ? 0 : (double)CorrectVotes / Votes;

    /// <summary>Whether its accuracy is at most 0.5: it agrees with people no better than a coin.</summary>
    public bool AtOrBelowChance => Accuracy <= 0.5;
}
