using System;
using System.Collections.Generic;

namespace EvalSpec.Statistics;

/// <summary>
/// Kendall's coefficient of concordance W (Kendall &amp; Babington Smith 1939; Siegel 1956, Nonparametric Statistics for
/// the Behavioral Sciences): how far m raters agree on the order of n items, from 0 (no agreement beyond chance
/// order) to 1 (every rater ranks the items the same way).
/// </summary>
/// <remarks>
/// <para>
/// Each rater's values are turned into ranks 1..n (tied values share their average rank). With R<sub>i</sub> the rank sum
/// of item i and S = Σ<sub>i</sub> (R<sub>i</sub> − m(n + 1)/2)²,
/// W = 12 S / (m²(n³ − n) − m Σ<sub>j</sub> T<sub>j</sub>), where T<sub>j</sub> = Σ (t³ − t) over the groups of t tied
/// values of rater j (the tie correction; without ties it is 0 and W = 12 S / m²(n³ − n)).
/// </para>
/// <para>
/// In multi-prompt evaluation the raters are the prompt variants and the items the system configurations (models,
/// settings): W near 1 says the ranking of configurations does not depend on the prompt's wording, W near 0 that a
/// leaderboard built on one prompt would be an accident of that prompt (Mizrahi et al. 2024).
/// </para>
/// <para>
/// W is undefined, and <see langword="null"/> is returned, with fewer than two items or two raters, or when every rater
/// ties every item (the corrected denominator is 0: there is no order to agree on).
/// </para>
/// </remarks>
internal static class KendallW
{
    /// <summary>Kendall's W of <paramref name="scores"/>.</summary>
    /// <param name="scores">
    /// <c>scores[j][i]</c> = rater j's value for item i (higher or lower first does not matter as long as every rater uses
    /// the same direction). Ranks can be passed as they are: ranking ranks changes nothing. Every rater rates every item.
    /// </param>
    /// <param name="correctForTies">Subtract the tie term from the denominator (default, and what tied scores need).</param>
    /// <returns>W in [0, 1], or <see langword="null"/> when it is undefined.</returns>
    /// <exception cref="ArgumentException">A ragged matrix or a value that is not a number.</exception>
    public static double? Compute(IReadOnlyList<IReadOnlyList<double>> scores, bool correctForTies = true)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int m = scores.Count;
        int n = m == 0 ? 0 : scores[0]?.Count ?? 0;
        var rankSums = new double[n];
        double tieTerm = 0;
        for (int j = 0; j < m; j++)
        {
            IReadOnlyList<double> row = scores[j] ?? throw new ArgumentException($"The values of rater {j} are null.", nameof(scores));
            if (row.Count != n)
            {
                throw new ArgumentException($"Every rater must rate every item: rater 0 rated {n}, rater {j} rated {row.Count}.", nameof(scores));
            }

            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(row[i]))
                {
                    throw new ArgumentException($"Rater {j}'s value for item {i} is not a number.", nameof(scores));
                }
            }

            tieTerm += AddRanks(row, rankSums);
        }

        if (m < 2 || n < 2)
        {
            return null;
        }

        double meanRankSum = m * (n + 1) / 2.0;
        double s = 0;
        foreach (double rankSum in rankSums)
        {
            s += (rankSum - meanRankSum) * (rankSum - meanRankSum);
        }

        double denominator = ((double)m * m * (((double)n * n * n) - n)) - (correctForTies ? m * tieTerm : 0);
        return denominator <= 0 ? null : Math.Clamp(12 * s / denominator, 0, 1);
    }

    /// <summary>Adds one rater's average ranks to <paramref name="rankSums"/>; returns that rater's Σ (t³ − t).</summary>
    private static double AddRanks(IReadOnlyList<double> row, double[] rankSums)
    {
        int n = row.Count;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // The order within a group of ties does not matter: the whole group gets one average rank.
        Array.Sort(order, (a, b) => row[a].CompareTo(row[b]));
        double ties = 0;
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && row[order[end]] == row[order[start]])
            {
                end++;
            }

            // Positions start..end-1 (ranks start+1..end) are tied: each gets the average rank.
            double averageRank = (start + 1 + end) / 2.0;
            for (int p = start; p < end; p++)
            {
                rankSums[order[p]] += averageRank;
            }

            double t = end - start;
            ties += (t * t * t) - t;
            start = end;
        }

        return ties;
    }
}
