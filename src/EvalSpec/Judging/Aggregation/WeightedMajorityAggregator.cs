using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Reliability-weighted vote: every deciding judge votes with its weight; the panel passes when the summed
/// weight of the passing judges exceeds that of the failing judges, fails when it falls short, and is
/// inconclusive on a tie (equal within rounding, including when no weighted judge decided). Abstentions do
/// not vote. Li (2024) reports that weighting judges by measured reliability beats a plain vote; with
/// <see cref="ReliabilityWeights.FromAccuracy"/> the weights are the optimal log-odds weights for independent
/// judges.
/// </summary>
/// <remarks>
/// <para>
/// Every judge whose verdict reaches <see cref="Decide"/> must have a weight: a judge without one is an
/// <see cref="ArgumentException"/> naming the judge and the judges that have weights. A default weight was
/// rejected on purpose: weights are measurements, a judge without a measurement has unknown reliability, and
/// a silently defaulted weight would let a renamed or misspelt judge change the panel's decision rule without
/// anyone noticing. The check covers abstaining judges too, so a misconfiguration fails on the first row
/// rather than only on the rows where that judge happens to decide.
/// </para>
/// <para>
/// Weights may be zero (the judge is ignored) or negative (a judge measured worse than chance: its vote counts
/// for the opposite outcome, which is what the log-odds rule prescribes). The score is the weighted mean score
/// of the deciding judges with a positive weight and a score, or <see langword="null"/> when there are none.
/// </para>
/// </remarks>
public sealed class WeightedMajorityAggregator : IVerdictAggregator
{
    // Sums of doubles are compared with a relative tolerance so that, say, 0.1 + 0.2 against 0.3 is a tie.
    private const double RelativeTieTolerance = 1e-9;

    private readonly Dictionary<string, double> _weights;

    /// <summary>Creates the aggregator.</summary>
    /// <param name="weights">
    /// The weight of each judge, by judge name (ordinal, case-sensitive, as <see cref="IJudge.Name"/>); finite
    /// numbers. <see cref="ReliabilityWeights.FromAccuracy"/> computes them from measured accuracies.
    /// </param>
    /// <exception cref="ArgumentException">No weights were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is NaN or infinite.</exception>
    public WeightedMajorityAggregator(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("A weighted majority needs a weight for each judge of the panel; none were given.", nameof(weights));
        }

        _weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> weight in weights)
        {
            if (!double.IsFinite(weight.Value))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight.Value, $"Judge '{weight.Key}' has weight {weight.Value.ToString(CultureInfo.InvariantCulture)}; weights must be finite numbers.");
            }

            _weights.Add(weight.Key, weight.Value);
        }

        Weights = new ReadOnlyDictionary<string, double>(_weights);
    }

    /// <summary>The weight of each judge, by judge name.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <inheritdoc/>
    public string Name => "weighted-majority";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A verdict comes from a judge that has no weight.</exception>
    public PanelDecision Decide(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        double passWeight = 0, failWeight = 0, scoreWeight = 0, weightedScore = 0, magnitude = 0;
        var passing = new List<string>();
        var failing = new List<string>();
        int abstaining = 0;
        foreach (Verdict verdict in verdicts)
        {
            if (!_weights.TryGetValue(verdict.Judge, out double weight))
            {
                throw new ArgumentException(NoWeightMessage(verdict.Judge), nameof(verdicts));
            }

            switch (verdict.Outcome)
            {
                case VerdictOutcome.Pass:
                    passWeight += weight;
                    passing.Add(verdict.Judge);
                    break;
                case VerdictOutcome.Fail:
                    failWeight += weight;
                    failing.Add(verdict.Judge);
                    break;
                default:
                    abstaining++;
                    continue;
            }

            magnitude += Math.Abs(weight);
            if (weight > 0 && verdict.Score is double score)
            {
                scoreWeight += weight;
                weightedScore += weight * score;
            }
        }

        double? meanScore = scoreWeight > 0 ? weightedScore / scoreWeight : null;
        string tally = string.Create(
            CultureInfo.InvariantCulture,
            $"pass weight {passWeight:0.00} ({List(passing)}) vs fail weight {failWeight:0.00} ({List(failing)}), {abstaining} abstained");
        if (Math.Abs(passWeight - failWeight) <= RelativeTieTolerance * Math.Max(1.0, magnitude))
        {
            return new PanelDecision(VerdictOutcome.Inconclusive, meanScore, $"weighted vote tied: {tally}");
        }

        VerdictOutcome outcome = passWeight > failWeight ? VerdictOutcome.Pass : VerdictOutcome.Fail;
        return new PanelDecision(outcome, meanScore, $"weighted majority {outcome.ToString().ToLowerInvariant()}: {tally}");
    }

    private string NoWeightMessage(string judge)
    {
        string known = string.Join(", ", _weights.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => "'" + k + "'"));
        return $"Judge '{judge}' has no weight in the {Name} aggregator (judges with a weight: {known}). Give every judge of the panel a weight, for example with {nameof(ReliabilityWeights)}.{nameof(ReliabilityWeights.FromAccuracy)}.";
    }

    private static string List(List<string> judges) => judges.Count == 0 ? "none" : string.Join(", ", judges);
}
