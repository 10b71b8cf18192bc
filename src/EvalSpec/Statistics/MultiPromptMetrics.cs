using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Statistics;

/// <summary>
/// Multi-prompt evaluation metrics (Mizrahi et al. 2024, "State of What Art? A Call for Multi-Prompt LLM Evaluation",
/// TACL 12): one prompt template gives a brittle, misleading picture, so a system is evaluated under a set of
/// paraphrased prompt variants and summarised per task by its best, average and combined performance over them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>P<sub>v</sub> = the mean score over the items (cases) under variant v;</description></item>
/// <item><description>MaxP = max<sub>v</sub> P<sub>v</sub> (best-prompt performance, for a developer who tunes the prompt);</description></item>
/// <item><description>AvgP = (1/|V|) Σ<sub>v</sub> P<sub>v</sub> (expected performance over wordings, for robustness);</description></item>
/// <item><description>saturation = 1 − (MaxP − AvgP), and CPS = saturation × MaxP (combined performance score: high only
/// when the best prompt is good and the others are close to it).</description></item>
/// </list>
/// <para>
/// Scores must be in [0, 1] (a pass is 1, a fail 0, a judge score its normalised value): saturation assumes that scale.
/// To ask whether the <em>ranking</em> of systems survives a change of wording, use <see cref="KendallW"/> with the
/// variants as raters and the systems as items.
/// </para>
/// </remarks>
internal static class MultiPromptMetrics
{
    /// <summary>The metrics from item-level scores.</summary>
    /// <param name="scores">
    /// <c>scores[v][i]</c> = the score in [0, 1] of item (case) i under prompt variant v; every variant scores the same
    /// items, so every row has the same length (at least 1).
    /// </param>
    /// <returns>P<sub>v</sub> per variant, MaxP, AvgP, saturation and CPS.</returns>
    /// <exception cref="ArgumentException">No variants, an empty or ragged row, or a score outside [0, 1].</exception>
    public static MultiPromptScores Compute(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("Multi-prompt metrics need at least one prompt variant.", nameof(scores));
        }

        int items = scores[0]?.Count ?? 0;
        var performance = new double[scores.Count];
        for (int v = 0; v < scores.Count; v++)
        {
            IReadOnlyList<double> row = scores[v] ?? throw new ArgumentException($"The scores of variant {v} are null.", nameof(scores));
            if (row.Count == 0 || row.Count != items)
            {
                throw new ArgumentException($"Every prompt variant must score the same, non-empty set of items: variant 0 has {items} score(s), variant {v} has {row.Count}.", nameof(scores));
            }

            double sum = 0;
            for (int i = 0; i < row.Count; i++)
            {
                sum += CheckScore(row[i], nameof(scores), $"scores[{v}][{i}]");
            }

            performance[v] = sum / row.Count;
        }

        return FromPerformance(performance);
    }

    /// <summary>The metrics from per-variant performance values P<sub>v</sub> already computed elsewhere.</summary>
    /// <param name="variantPerformance">P<sub>v</sub> in [0, 1] for each prompt variant (at least one).</param>
    /// <returns>MaxP, AvgP, saturation and CPS.</returns>
    /// <exception cref="ArgumentException">No variants, or a value outside [0, 1].</exception>
    public static MultiPromptScores FromVariantPerformance(IReadOnlyList<double> variantPerformance)
    {
        ArgumentNullException.ThrowIfNull(variantPerformance);
        if (variantPerformance.Count == 0)
        {
            throw new ArgumentException("Multi-prompt metrics need at least one prompt variant.", nameof(variantPerformance));
        }

        var performance = new double[variantPerformance.Count];
        for (int v = 0; v < performance.Length; v++)
        {
            performance[v] = CheckScore(variantPerformance[v], nameof(variantPerformance), $"variantPerformance[{v}]");
        }

        return FromPerformance(performance);
    }

    private static MultiPromptScores FromPerformance(double[] performance) =>
        new(Array.AsReadOnly(performance), performance.Max(), performance.Average());

    private static double CheckScore(double score, string parameter, string where)
    {
        if (!(score >= 0 && score <= 1))
        {
            throw new ArgumentException($"{where} is {score}; multi-prompt metrics need scores in [0, 1].", parameter);
        }

        return score;
    }
}
