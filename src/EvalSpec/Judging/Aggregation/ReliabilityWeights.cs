using System;
using System.Collections.Generic;
using System.Globalization;

namespace EvalSpec.Judging;

/// <summary>Weights for <see cref="WeightedMajorityAggregator"/> computed from measured judge reliability.</summary>
public static class ReliabilityWeights
{
    // A judge measured perfect on a finite calibration set would get an infinite weight and become a dictator
    // whose one mistake nobody can outvote. Clamping accuracy to [0.01, 0.99] caps a weight at ln 99 ≈ 4.6.
    private const double MinimumAccuracy = 0.01;
    private const double MaximumAccuracy = 0.99;

    /// <summary>
    /// The log-odds weight ln(p / (1 − p)) of each judge, where p is the judge's accuracy (the share of
    /// calibration items on which it gave the correct pass/fail verdict); a judge at or below chance (p ≤ 0.5) gets
    /// weight 0 unless <paramref name="allowInvertedJudges"/> is set.
    /// </summary>
    /// <remarks>
    /// <para>
    /// For independent binary voters whose accuracies p<sub>i</sub> do not depend on the true outcome, and equally
    /// likely outcomes, the weighted vote with weights ln(p<sub>i</sub> / (1 − p<sub>i</sub>)) is the decision rule
    /// with the highest probability of being right (Nitzan &amp; Paroush 1982, "Optimal decision rules in uncertain
    /// dichotomous choice situations", International Economic Review 23(2), 289–297; Shapley &amp; Grofman 1984,
    /// "Optimizing group judgmental accuracy in the presence of interdependencies", Public Choice 43, 329–343).
    /// It is the Bayes posterior log-odds with symmetric confusion matrices; <see cref="DawidSkeneModel"/> drops
    /// the symmetry and equal-prior assumptions.
    /// </para>
    /// <para>
    /// Accuracies are clamped to [0.01, 0.99] (weights within ±ln 99 ≈ ±4.6): a judge measured perfect on a small
    /// calibration set must not become a dictator. A judge at 0.5 gets weight 0 (ignored). A judge below 0.5 also gets
    /// weight 0 by default: the log-odds rule would give it a negative weight (its vote counting for the other outcome),
    /// which is right only while the judge stays wrong in the same way, and a panel calibrated on one kind of data and used
    /// on another then rules against its own unanimous judges (on LLMBar, weights calibrated on the adversarial sets,
    /// where two judges are far below chance, gave 19.5% accuracy on the natural set, against 88.5% for a plain majority).
    /// Pass <paramref name="allowInvertedJudges"/> to get the negative weights. <see cref="JudgeCalibration"/> does the same
    /// from labelled verdicts and reports each judge's accuracy, interval and a warning for the judges it set to 0.
    /// Prefer smoothed accuracies, (correct + 1) / (items + 2), when calibration sets are small.
    /// </para>
    /// </remarks>
    /// <param name="accuracy">Each judge's accuracy in [0, 1], by judge name.</param>
    /// <param name="allowInvertedJudges">Whether a judge below chance gets its negative log-odds weight (default false: 0).</param>
    /// <returns>Each judge's weight, by judge name (ordinal comparison).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An accuracy is NaN or outside [0, 1].</exception>
    public static IReadOnlyDictionary<string, double> FromAccuracy(IReadOnlyDictionary<string, double> accuracy, bool allowInvertedJudges = false)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        var weights = new Dictionary<string, double>(accuracy.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> judge in accuracy)
        {
            if (double.IsNaN(judge.Value) || judge.Value < 0 || judge.Value > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(accuracy), judge.Value, $"Judge '{judge.Key}' has accuracy {judge.Value.ToString(CultureInfo.InvariantCulture)}; an accuracy must be between 0 and 1.");
            }

            double p = Math.Clamp(judge.Value, MinimumAccuracy, MaximumAccuracy);
            double weight = Math.Log(p / (1 - p));
            weights.Add(judge.Key, weight < 0 && !allowInvertedJudges ? 0 : weight);
        }

        return weights;
    }
}
