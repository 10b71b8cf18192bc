using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Metamorphic;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// The paired sign-flip (randomization) test of a mean difference: under "no change", each row's difference is as
/// likely to have come out with the opposite sign, so the p-value is the share of the 2^n sign assignments whose mean
/// is at least as far from zero as the observed one (Fisher 1935; Good, <i>Permutation Tests</i>, 2005, ch. 3). Exact
/// for up to <see cref="ExactLimit"/> non-zero differences, else estimated from seeded random assignments.
/// </summary>
/// <remarks>
/// The percentile bootstrap alone is too ready to call a drop real when a few rows carry it: 4 rows of 20 dropping
/// from 1 to 0 give a bootstrap interval below zero, while this test (like McNemar's on the same flips) gives
/// p = 0.125. The gate asks both: the interval below the threshold and this p-value below alpha. With differences of
/// only -1, 0 and 1 it equals the exact two-sided McNemar test.
/// </remarks>
internal static class SignFlipTest
{
    /// <summary>Up to this many non-zero differences every sign assignment is counted (2^20, about a million).</summary>
    public const int ExactLimit = 20;

    /// <summary>The two-sided p-value of the mean of <paramref name="differences"/> being zero.</summary>
    /// <param name="differences">One value per row (run minus baseline).</param>
    /// <param name="resamples">Random assignments when there are more than <see cref="ExactLimit"/> non-zero differences.</param>
    /// <param name="seedKey">The seed's key for those: the same key gives the same p-value.</param>
    public static double TwoSidedPValue(IReadOnlyList<double> differences, int resamples, string seedKey)
    {
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(seedKey);
        double[] magnitudes = differences.Where(d => d != 0).Select(Math.Abs).ToArray();
        if (magnitudes.Length == 0)
        {
            return 1;
        }

        // Two-sided: assignments whose |sum| reaches the observed |sum| (a little tolerance for rounding).
        double observed = Math.Abs(differences.Sum()) - 1e-9;
        if (magnitudes.Length <= ExactLimit)
        {
            long extreme = 0;
            long assignments = 1L << magnitudes.Length;
            for (long signs = 0; signs < assignments; signs++)
            {
                double sum = 0;
                for (int i = 0; i < magnitudes.Length; i++)
                {
                    sum += (signs & (1L << i)) == 0 ? magnitudes[i] : -magnitudes[i];
                }

                if (Math.Abs(sum) >= observed)
                {
                    extreme++;
                }
            }

            return (double)extreme / assignments;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        var random = SeededRandom.FromKey(seedKey);
        long hits = 0;
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            foreach (double magnitude in magnitudes)
            {
                sum += random.Next(2) == 0 ? magnitude : -magnitude;
            }

            if (Math.Abs(sum) >= observed)
            {
                hits++;
            }
        }

        // The observed assignment counts as one of the random ones (Phipson and Smyth 2010): never p = 0.
        return (hits + 1.0) / (resamples + 1.0);
    }
}
