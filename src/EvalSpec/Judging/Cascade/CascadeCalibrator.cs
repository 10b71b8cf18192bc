using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Statistics;

namespace EvalSpec.Judging;

/// <summary>
/// Fits a <see cref="JudgeCascade"/>'s thresholds on labelled items so that its decisions agree with people at a chosen level
/// (Jung, Brahman &amp; Choi 2025, "Trust or Escalate"): each tier's threshold is chosen by fixed-sequence testing with the exact
/// (Clopper-Pearson) binomial bound, on the calibration items the earlier tiers leave.
/// </summary>
/// <remarks>
/// <para>The procedure, for target agreement 1 − α and risk δ over K tiers:</para>
/// <list type="number">
/// <item>Each judge's reliability is measured on all the items (<see cref="JudgeCalibration"/>): its weight is the log-odds of its
/// accuracy, 0 at or below chance (never negative unless allowed). Every judge must have voted on at least
/// <see cref="CalibrationOptions.MinimumItemsPerJudge"/> items.</item>
/// <item>Tier by tier, on the items not decided by an earlier tier: the candidate thresholds are the tier's distinct
/// confidence values that would decide at least <see cref="CalibrationOptions.MinimumDecided"/> items, tested from the
/// strictest down. A candidate is certified when the Clopper-Pearson upper bound of its error rate at risk δ / K is at most
/// α; testing stops at the first candidate that is not. The tier's threshold is the last certified candidate, or none (the
/// tier never decides and passes every item on).</item>
/// <item>What is left after the last tier is abstained on.</item>
/// </list>
/// <para>
/// Each tier's decisions then agree with people at least 1 − α of the time, except with probability δ / K; by the union bound all
/// tiers do together except with probability δ, and so does the cascade, whose decisions are the tiers' decisions. The split
/// δ / K is more conservative than the paper's (which tests each tier at δ). Two departures from the textbook conditions: the
/// later tiers' items depend on the earlier tiers' fitted thresholds, and the judges' weights are measured on the same items as
/// the thresholds; both follow the paper's practice, and the LLMBar benchmark measures the guarantee over hundreds of random
/// calibration/test splits (<c>bench/EvalSpec.Bench.LlmBar</c>).
/// </para>
/// </remarks>
public static class CascadeCalibrator
{
    /// <summary>The default fewest items a candidate threshold must decide to be tested: 30.</summary>
    public const int DefaultMinimumDecided = 30;

    /// <summary>Fits the thresholds of a cascade shaped <paramref name="tiers"/> on <paramref name="items"/>.</summary>
    /// <param name="items">The labelled items, each with every tier's votes.</param>
    /// <param name="tiers">The cascade's tiers and their judges with model ids, in order (see <see cref="JudgeCascade.Shape"/>).</param>
    /// <param name="target">The agreement with people to guarantee on decided items, in (0, 1), e.g. 0.85.</param>
    /// <param name="risk">The allowed probability that the guarantee fails, in (0, 1), e.g. 0.1.</param>
    /// <param name="options">Minimum items, inversion, weighting; default <see cref="CalibrationOptions"/>.</param>
    /// <returns>The calibration, with what it did on the items (coverage, escalations, per-tier counts) and warnings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The target or the risk is not in (0, 1).</exception>
    /// <exception cref="CalibrationException">There are no items, an item lacks a tier or names a judge the tier does not have, two items share an id, or a judge has too few items.</exception>
    public static CascadeCalibration Fit(
        IReadOnlyList<CalibrationItem> items,
        IReadOnlyList<(string Tier, IReadOnlyList<(string Judge, string? Model)> Judges)> tiers,
        double target,
        double risk,
        CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(tiers);
        if (!(target > 0 && target < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target agreement must be between 0 and 1 (exclusive), for example 0.85.");
        }

        if (!(risk > 0 && risk < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(risk), risk, "The risk must be between 0 and 1 (exclusive), for example 0.1.");
        }

        options ??= new CalibrationOptions();
        if (items.Count == 0)
        {
            throw new CalibrationException("There are no labelled items to calibrate the cascade on.");
        }

        if (tiers.Count == 0)
        {
            throw new CalibrationException("The cascade has no tiers.");
        }

        CheckItems(items, tiers);

        // 1. Each judge measured on every item; weights that cannot invert unless allowed.
        var counter = new ReliabilityCounter();
        foreach (CalibrationItem item in items)
        {
            foreach ((string tier, IReadOnlyList<(string Judge, string? Model)> judges) in tiers)
            {
                foreach ((string judge, _) in judges)
                {
                    counter.Add(judge, item.Votes[tier].Where(v => v.Judge == judge).ToArray(), item.Label);
                }
            }
        }

        counter.CheckMinimum(options.MinimumItemsPerJudge, string.Create(CultureInfo.InvariantCulture, $"The calibration ({items.Count} item(s))"));
        Dictionary<string, JudgeReliability> reliability = counter.Results(options.AllowInvertedJudges).ToDictionary(r => r.Judge, StringComparer.Ordinal);
        var warnings = reliability.Values.Where(r => r.AtOrBelowChance).Select(r => ReliabilityCounter.Warning(r, options.AllowInvertedJudges)).ToList();

        // 2. Tier by tier, on what the earlier tiers left.
        double maxErrorRate = 1 - target;
        double testedRisk = risk / tiers.Count;
        var remaining = Enumerable.Range(0, items.Count).ToList();
        var fitted = new List<CascadeCalibrationTier>(tiers.Count);
        int decidedTotal = 0, correctTotal = 0, escalatedByFirst = 0;
        for (int k = 0; k < tiers.Count; k++)
        {
            (string tier, IReadOnlyList<(string Judge, string? Model)> judges) = tiers[k];
            IReadOnlyDictionary<string, double>? weights = options.WeighJudges
                ? judges.ToDictionary(j => j.Judge, j => reliability[j.Judge].Weight, StringComparer.Ordinal)
                : null;
            Dictionary<int, TierTally> tallies = remaining.ToDictionary(i => i, i => TierTally.Of(items[i].Votes[tier], weights));
            double[] candidates = Candidates(remaining, tallies, options.MinimumDecided);
            (int Trials, int Errors)[] counts = candidates.Select(t => Count(remaining, tallies, items, t)).ToArray();
            FixedSequenceResult test = FixedSequenceTest.Run(counts, maxErrorRate, testedRisk);
            double? threshold = test.Selected >= 0 ? candidates[test.Selected] : null;
            int[] decided = remaining.Where(i => tallies[i].Decides(threshold)).ToArray();
            int errors = decided.Count(i => tallies[i].Leaning != items[i].Label);
            if (threshold is null)
            {
                warnings.Add(NeverDecides(tier, test, candidates, target, testedRisk));
            }

            fitted.Add(new CascadeCalibrationTier
            {
                Name = tier,
                Threshold = threshold is double t ? Math.Round(t, 12) : null,
                Samples = SamplesOf(items, tier),
                TestedRisk = testedRisk,
                ItemsReached = remaining.Count,
                Decided = decided.Length,
                Errors = errors,
                ErrorUpperBound = test.Selected >= 0 ? test.Steps[test.Selected].UpperBound : null,
                Judges = judges.Select(j => Describe(j.Judge, j.Model, reliability[j.Judge])).ToArray(),
            });
            decidedTotal += decided.Length;
            correctTotal += decided.Length - errors;
            var decidedSet = decided.ToHashSet();
            remaining = remaining.Where(i => !decidedSet.Contains(i)).ToList();
            if (k == 0)
            {
                escalatedByFirst = remaining.Count;
            }
        }

        if (decidedTotal == 0)
        {
            warnings.Add("The cascade decides none of the calibration items at this target and risk: every row would be abstained on. Lower the target, accept more risk, label more items, or use stronger judges.");
        }

        return new CascadeCalibration
        {
            CreatedAt = DateTimeOffset.UtcNow,
            Target = target,
            Risk = risk,
            CalibrationItems = items.Count,
            ExpectedCoverage = Math.Round((double)decidedTotal / items.Count, 6),
            ExpectedEscalationRate = Math.Round((double)escalatedByFirst / items.Count, 6),
            CalibrationAgreement = decidedTotal == 0 ? null : Math.Round((double)correctTotal / decidedTotal, 6),
            AllowInvertedJudges = options.AllowInvertedJudges,
            Tiers = fitted,
            Warnings = warnings,
        };
    }

    /// <summary>The distinct leaning confidences among <paramref name="remaining"/>, strictest first, that decide at least <paramref name="minimum"/> items.</summary>
    private static double[] Candidates(List<int> remaining, Dictionary<int, TierTally> tallies, int minimum)
    {
        double[] confidences = remaining.Where(i => tallies[i].Leaning != VerdictOutcome.Inconclusive).Select(i => tallies[i].Confidence).OrderDescending().ToArray();
        var candidates = new List<double>();
        for (int i = 0; i < confidences.Length; i++)
        {
            // Sorted strictest first: at the last of a run of equal values, i + 1 items reach that value.
            bool lastOfItsValue = i + 1 == confidences.Length || confidences[i] - confidences[i + 1] > TierTally.Tolerance;
            if (lastOfItsValue && i + 1 >= minimum)
            {
                candidates.Add(confidences[i]);
            }
        }

        return candidates.ToArray();
    }

    private static (int Trials, int Errors) Count(List<int> remaining, Dictionary<int, TierTally> tallies, IReadOnlyList<CalibrationItem> items, double threshold)
    {
        int trials = 0, errors = 0;
        foreach (int i in remaining)
        {
            if (tallies[i].Decides(threshold))
            {
                trials++;
                errors += tallies[i].Leaning != items[i].Label ? 1 : 0;
            }
        }

        return (trials, errors);
    }

    /// <summary>The samples the tier asked each judge on the items (the highest sample number among its votes), or null when it cast no vote.</summary>
    private static int? SamplesOf(IReadOnlyList<CalibrationItem> items, string tier)
    {
        int samples = items.SelectMany(i => i.Votes[tier]).Select(v => v.Sample).DefaultIfEmpty(0).Max();
        return samples >= 1 ? samples : null;
    }

    private static CascadeCalibrationJudge Describe(string name, string? model, JudgeReliability r) => new()
    {
        Name = name,
        Model = model,
        Weight = Math.Round(r.Weight, 6),
        Items = r.Items,
        Votes = r.Votes,
        CorrectVotes = r.CorrectVotes,
        Accuracy = Math.Round(r.Accuracy, 6),
        AccuracyLower = Math.Round(r.Interval.Lower, 6),
        AccuracyUpper = Math.Round(r.Interval.Upper, 6),
        PositionConsistency = r.PositionConsistency is double c ? Math.Round(c, 6) : null,
    };

    private static string NeverDecides(string tier, FixedSequenceResult test, double[] candidates, double target, double testedRisk)
    {
        if (candidates.Length == 0)
        {
            return $"Tier '{tier}' never decides: no confidence level of it decides enough calibration items to be tested; its items go to the next tier (or are abstained on).";
        }

        FixedSequenceStep first = test.Steps[0];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Tier '{tier}' never decides: not even its strictest threshold (confidence {candidates[0]:0.000}: {first.Trials} items, {first.Errors} error(s), error rate bound {first.UpperBound:0.000}) is certified for agreement {target:0.###} at risk {testedRisk:0.###}; its items go to the next tier (or are abstained on).");
    }

    /// <summary>Every item has a label and every tier's votes, from the tier's judges only; ids are unique.</summary>
    private static void CheckItems(IReadOnlyList<CalibrationItem> items, IReadOnlyList<(string Tier, IReadOnlyList<(string Judge, string? Model)> Judges)> tiers)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            CalibrationItem item = items[i] ?? throw new CalibrationException($"Calibration item {i} is null.");
            if (!ids.TryAdd(item.Id, i))
            {
                throw new CalibrationException($"Calibration items {ids[item.Id]} and {i} are the same item ('{item.Id}'); label each item once.");
            }

            foreach ((string tier, IReadOnlyList<(string Judge, string? Model)> judges) in tiers)
            {
                if (!item.Votes.TryGetValue(tier, out IReadOnlyList<CascadeVote>? votes) || votes is null)
                {
                    throw new CalibrationException($"Calibration item '{item.Id}' has no votes of tier '{tier}'; calibration needs every tier's votes on every item (collect them with EVALSPEC_CASCADE__ASKALLTIERS=true).");
                }

                var known = judges.Select(j => j.Judge).ToHashSet(StringComparer.Ordinal);
                if (votes.FirstOrDefault(v => !known.Contains(v.Judge)) is { } stranger)
                {
                    throw new CalibrationException($"Calibration item '{item.Id}' has a vote of judge '{stranger.Judge}' in tier '{tier}', whose judges are {string.Join(", ", known.Select(k => "'" + k + "'"))}.");
                }
            }

            if (item.Votes.Keys.FirstOrDefault(k => tiers.All(t => t.Tier != k)) is { } unknownTier)
            {
                throw new CalibrationException($"Calibration item '{item.Id}' has votes of tier '{unknownTier}', which the cascade does not have (its tiers: {string.Join(", ", tiers.Select(t => "'" + t.Tier + "'"))}).");
            }
        }
    }
}
