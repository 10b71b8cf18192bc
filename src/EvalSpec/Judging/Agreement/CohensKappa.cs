using System;
using System.Collections.Generic;

namespace EvalSpec.Judging;

/// <summary>
/// Cohen's kappa (Cohen 1960, "A coefficient of agreement for nominal scales"): agreement between two raters
/// on nominal categories, corrected for the agreement expected by chance from each rater's own category
/// frequencies. κ = (p<sub>o</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>), where p<sub>o</sub> is the share of
/// items on which they agree and p<sub>e</sub> = Σ<sub>k</sub> (share rater 1 put in k) × (share rater 2 put in k).
/// 1 is perfect agreement, 0 chance-level, below 0 worse than chance.
/// </summary>
/// <remarks>
/// Only items both raters rated count: leave the others out. Kappa is undefined, and <see langword="null"/> is
/// returned, with fewer than two items or when both raters put every item in the same one category
/// (p<sub>e</sub> = 1: there is no variation to agree on).
/// </remarks>
public static class CohensKappa
{
    /// <summary>Cohen's kappa from paired ratings.</summary>
    /// <typeparam name="TCategory">The category type, compared with its default equality.</typeparam>
    /// <param name="ratings">One pair per item both raters rated: the first rater's category and the second's.</param>
    /// <returns>Kappa, or <see langword="null"/> when it is undefined.</returns>
    public static double? Compute<TCategory>(IEnumerable<(TCategory First, TCategory Second)> ratings)
        where TCategory : notnull
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var categories = new Dictionary<TCategory, int>();
        var pairs = new List<(int First, int Second)>();
        foreach ((TCategory first, TCategory second) in ratings)
        {
            pairs.Add((IndexOf(categories, first), IndexOf(categories, second)));
        }

        int[,] table = new int[categories.Count, categories.Count];
        foreach ((int first, int second) in pairs)
        {
            table[first, second]++;
        }

        return FromTable(table);
    }

    /// <summary>Cohen's kappa from a square contingency table.</summary>
    /// <param name="table">
    /// <c>table[i, j]</c> = the number of items the first rater put in category i and the second in category j;
    /// the same categories in the same order on both axes.
    /// </param>
    /// <returns>Kappa, or <see langword="null"/> when it is undefined.</returns>
    /// <exception cref="ArgumentException">The table is not square or has a negative count.</exception>
    public static double? FromTable(int[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int k = table.GetLength(0);
        if (table.GetLength(1) != k)
        {
            throw new ArgumentException($"A contingency table for two raters must be square (the same categories on both axes); this one is {k}×{table.GetLength(1)}.", nameof(table));
        }

        long n = 0, agreed = 0;
        long[] rows = new long[k], columns = new long[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                int count = table[i, j];
                if (count < 0)
                {
                    throw new ArgumentException($"The contingency table has a negative count ({count}) at [{i}, {j}].", nameof(table));
                }

                n += count;
                rows[i] += count;
                columns[j] += count;
            }

            agreed += table[i, i];
        }

        long chance = 0;
        for (int c = 0; c < k; c++)
        {
            if (rows[c] == n && columns[c] == n)
            {
                return null;
            }

            chance += rows[c] * columns[c];
        }

        // κ = (p_o − p_e) / (1 − p_e) multiplied through by n², in integers until the one division.
        return n < 2 ? null : ((double)n * agreed - chance) / ((double)n * n - chance);
    }

    private static int IndexOf<TCategory>(Dictionary<TCategory, int> categories, TCategory category)
        where TCategory : notnull
    {
        if (!categories.TryGetValue(category, out int index))
        {
            index = categories.Count;
            categories.Add(category, index);
        }

        return index;
    }
}
