using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Calibrates a panel's judges against people: from labelled items, each judge's accuracy with its Wilson interval,
/// position consistency (pairwise judges) and a reliability weight for <see cref="WeightedMajorityAggregator"/> that
/// cannot invert: a judge at or below chance gets weight 0 and a warning (not a negative weight) unless
/// <see cref="CalibrationOptions.AllowInvertedJudges"/>. Too few labelled items per judge is an error.
/// </summary>
public static class JudgeCalibration
{
    /// <summary>
    /// The default fewest labelled items per judge: 30. With 30 items, an accuracy of 0.8 has a 95% Wilson interval of about
    /// ±0.14, just narrow enough to tell a useful judge (0.7) from a coin (0.5); fewer would weigh judges by noise.
    /// </summary>
    public const int DefaultMinimumItemsPerJudge = 30;

    /// <summary>Measures each judge on labelled items.</summary>
    /// <param name="items">The labelled items: each with the verdicts of the judges (pairwise verdicts vote once per presentation order).</param>
    /// <param name="options">Minimum items per judge and whether inversion is allowed; default <see cref="CalibrationOptions"/>.</param>
    /// <returns>The report: every judge's reliability and weight, and warnings.</returns>
    /// <exception cref="CalibrationException">There are no items, or a judge voted on fewer than the minimum.</exception>
    public static JudgeCalibrationReport Fit(IEnumerable<LabelledJudgement> items, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new CalibrationOptions();
        var counter = new ReliabilityCounter();
        int count = 0;
        foreach (LabelledJudgement item in items)
        {
            if (item is null)
            {
                throw new CalibrationException($"Labelled item {count} is null.");
            }

            count++;
            foreach (IGrouping<string, Verdict> judge in item.Verdicts.GroupBy(v => v.Judge, StringComparer.Ordinal))
            {
                if (judge.Count() > 1)
                {
                    throw new CalibrationException($"Labelled item {count - 1} has {judge.Count()} verdicts from judge '{judge.Key}'; give one verdict per judge and item.");
                }

                counter.Add(judge.Key, CascadeVotes.Of(null, judge.Key, 1, judge.Single()).ToArray(), item.TrueOutcome);
            }
        }

        if (count == 0)
        {
            throw new CalibrationException("There are no labelled items to calibrate the judges on.");
        }

        counter.CheckMinimum(options.MinimumItemsPerJudge, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The calibration ({count} item(s))"));
        IReadOnlyList<JudgeReliability> judges = counter.Results(options.AllowInvertedJudges);
        string[] warnings = judges.Where(j => j.AtOrBelowChance).Select(j => ReliabilityCounter.Warning(j, options.AllowInvertedJudges)).ToArray();
        return new JudgeCalibrationReport(count, judges, warnings);
    }
}
