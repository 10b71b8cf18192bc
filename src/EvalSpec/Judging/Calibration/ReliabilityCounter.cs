using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Statistics;

namespace EvalSpec.Judging;

/// <summary>Counts each judge's votes against the labels: accuracy, its interval, position consistency and a weight that cannot invert by default.</summary>
internal sealed class ReliabilityCounter
{
    // As ReliabilityWeights: a judge measured perfect must not become a dictator.
    private const double MinimumAccuracy = 0.01;
    private const double MaximumAccuracy = 0.99;

    private readonly Dictionary<string, Counts> _judges = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    /// <summary>Adds one judge's votes on one labelled item.</summary>
    public void Add(string judge, IReadOnlyCollection<CascadeVote> votes, VerdictOutcome label)
    {
        if (!_judges.TryGetValue(judge, out Counts? counts))
        {
            counts = new Counts();
            _judges.Add(judge, counts);
            _order.Add(judge);
        }

        int decided = 0;
        foreach (CascadeVote vote in votes)
        {
            if (vote.Outcome == VerdictOutcome.Inconclusive)
            {
                continue;
            }

            decided++;
            counts.Correct += vote.Outcome == label ? 1 : 0;
        }

        counts.Votes += decided;
        counts.Items += decided > 0 ? 1 : 0;
        foreach (IGrouping<int, CascadeVote> sample in votes.Where(v => v.Order is not null).GroupBy(v => v.Sample))
        {
            CascadeVote? first = sample.FirstOrDefault(v => v.Order == CascadeVote.CandidateFirst);
            CascadeVote? second = sample.FirstOrDefault(v => v.Order == CascadeVote.ReferenceFirst);
            if (first is { Outcome: not VerdictOutcome.Inconclusive } && second is { Outcome: not VerdictOutcome.Inconclusive })
            {
                counts.BothOrders++;
                counts.Consistent += first.Outcome == second.Outcome ? 1 : 0;
            }
        }
    }

    /// <summary>The judges in order of first appearance.</summary>
    public IReadOnlyList<string> Judges => _order;

    /// <summary>Each judge's reliability and weight.</summary>
    public IReadOnlyList<JudgeReliability> Results(bool allowInvertedJudges) => _order.Select(judge =>
    {
        Counts c = _judges[judge];
        return new JudgeReliability(
            judge,
            c.Items,
            c.Votes,
            c.Correct,
            WilsonInterval.Compute(c.Correct, c.Votes),
            c.BothOrders == 0 ? null : (double)c.Consistent / c.BothOrders,
            WeightOf(c.Correct, c.Votes, allowInvertedJudges));
    }).ToArray();

    /// <summary>Throws when a judge voted on fewer labelled items than <paramref name="minimum"/>, naming every such judge.</summary>
    /// <exception cref="CalibrationException">A judge has too few items.</exception>
    public void CheckMinimum(int minimum, string source)
    {
        string[] short_ = _order.Where(j => _judges[j].Items < minimum)
            .Select(j => string.Create(CultureInfo.InvariantCulture, $"'{j}' voted pass or fail on {_judges[j].Items}"))
            .ToArray();
        if (short_.Length > 0)
        {
            throw new CalibrationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{source} has too few labelled items to calibrate: judge {string.Join(", judge ", short_)}; calibration needs at least {minimum} labelled items on which each judge voted (CalibrationOptions.MinimumItemsPerJudge, --min-items). An accuracy from fewer items is too uncertain to weigh a judge by: label more items (`evalspec review`)."));
        }
    }

    /// <summary>The log-odds weight of the smoothed accuracy; 0 at or below chance unless inversion is allowed.</summary>
    public static double WeightOf(int correct, int votes, bool allowInvertedJudges)
    {
        if (votes == 0)
        {
            return 0;
        }

        double smoothed = Math.Clamp((correct + 1.0) / (votes + 2.0), MinimumAccuracy, MaximumAccuracy);
        double weight = Math.Log(smoothed / (1 - smoothed));
        bool atOrBelowChance = (double)correct / votes <= 0.5;
        return atOrBelowChance && !allowInvertedJudges ? 0 : weight;
    }

    /// <summary>The warning for a judge at or below chance: its name, accuracy, interval and what was done.</summary>
    public static string Warning(JudgeReliability judge, bool allowInvertedJudges)
    {
        string measured = string.Create(
            CultureInfo.InvariantCulture,
            $"Judge '{judge.Judge}' is at or below chance on the labelled items: accuracy {judge.Accuracy:0.000} {judge.Interval} over {judge.Votes} vote(s) on {judge.Items} item(s); ");
        return measured + (allowInvertedJudges
            ? string.Create(CultureInfo.InvariantCulture, $"inversion is allowed, so its votes count for the opposite outcome (weight {judge.Weight:0.000}).")
            : "its weight is 0 (ignored), not negative. Replace the judge, or allow inverted judges only if it will stay wrong in the same way on the data it judges.");
    }

    private sealed class Counts
    {
        public int Items { get; set; }

        public int Votes { get; set; }

        public int Correct { get; set; }

        public int BothOrders { get; set; }

        public int Consistent { get; set; }
    }
}
