using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters", Psychological Bulletin
/// 76(5), 378–382): agreement among a fixed number n ≥ 2 of ratings per item on nominal categories, corrected
/// for chance from the pooled category frequencies. With n<sub>ij</sub> the number of ratings of item i in
/// category j, N items: P<sub>i</sub> = (Σ<sub>j</sub> n<sub>ij</sub>² − n) / (n(n − 1)), P̄ = mean P<sub>i</sub>,
/// p<sub>j</sub> = Σ<sub>i</sub> n<sub>ij</sub> / (Nn), P̄<sub>e</sub> = Σ<sub>j</sub> p<sub>j</sub>², and
/// κ = (P̄ − P̄<sub>e</sub>) / (1 − P̄<sub>e</sub>).
/// </summary>
/// <remarks>
/// Every item must have the same number of ratings (the raters need not be the same people). Kappa is
/// undefined, and <see langword="null"/> is returned, with fewer than two items, fewer than two ratings per
/// item, or when every rating is in one category. For data with missing ratings use
/// <see cref="KrippendorffAlpha"/>; <see cref="PanelAgreement"/> computes Fleiss' kappa over the items every
/// judge decided.
/// </remarks>
public static class FleissKappa
{
    /// <summary>Fleiss' kappa from the ratings of each item.</summary>
    /// <typeparam name="TCategory">The category type, compared with its default equality.</typeparam>
    /// <param name="items">The ratings of each item; every item has the same number of ratings.</param>
    /// <returns>Kappa, or <see langword="null"/> when it is undefined.</returns>
    /// <exception cref="ArgumentException">Items have different numbers of ratings.</exception>
    public static double? Compute<TCategory>(IEnumerable<IReadOnlyCollection<TCategory>> items)
        where TCategory : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        IReadOnlyCollection<TCategory>[] rated = items.ToArray();
        TCategory[] categories = rated.SelectMany(item => item ?? throw new ArgumentException("An item has no ratings list.", nameof(items))).Distinct().ToArray();
        var index = categories.Select((category, i) => (category, i)).ToDictionary(p => p.category, p => p.i);
        int[,] counts = new int[rated.Length, categories.Length];
        for (int i = 0; i < rated.Length; i++)
        {
            if (rated[i].Count != rated[0].Count)
            {
                throw new ArgumentException($"Fleiss' kappa needs the same number of ratings per item: item 0 has {rated[0].Count}, item {i} has {rated[i].Count}.", nameof(items));
            }

            foreach (TCategory rating in rated[i])
            {
                counts[i, index[rating]]++;
            }
        }

        return FromCounts(counts);
    }

    /// <summary>Fleiss' kappa from a table of counts, as in Fleiss (1971).</summary>
    /// <param name="counts"><c>counts[i, j]</c> = the number of ratings of item i in category j; every row has the same sum.</param>
    /// <returns>Kappa, or <see langword="null"/> when it is undefined.</returns>
    /// <exception cref="ArgumentException">A count is negative or the rows have different sums.</exception>
    public static double? FromCounts(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int items = counts.GetLength(0), categories = counts.GetLength(1);
        long ratingsPerItem = -1, agreeingPairs = 0;
        long[] perCategory = new long[categories];
        for (int i = 0; i < items; i++)
        {
            long row = 0;
            for (int j = 0; j < categories; j++)
            {
                long count = counts[i, j];
                if (count < 0)
                {
                    throw new ArgumentException($"The count table has a negative count ({count}) at [{i}, {j}].", nameof(counts));
                }

                row += count;
                perCategory[j] += count;
                agreeingPairs += count * (count - 1);
            }

            if (ratingsPerItem >= 0 && row != ratingsPerItem)
            {
                throw new ArgumentException($"Fleiss' kappa needs the same number of ratings per item: item 0 has {ratingsPerItem}, item {i} has {row}.", nameof(counts));
            }

            ratingsPerItem = row;
        }

        long total = items * ratingsPerItem;
        if (items < 2 || ratingsPerItem < 2 || perCategory.Any(c => c == total))
        {
            return null;
        }

        double observed = agreeingPairs / ((double)items * ratingsPerItem * (ratingsPerItem - 1));
        double expected = perCategory.Sum(c => (double)c / total * ((double)c / total));
        return (observed - expected) / (1 - expected);
    }
}
