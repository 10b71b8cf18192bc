using System;
using System.Collections.Generic;
using EvalSpec.Metamorphic;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// A paired bootstrap (Efron and Tibshirani 1993, ch. 13) of the mean of per-row differences: the rows are resampled
/// with replacement, each resample's mean difference is computed, and the interval is read off the percentiles of
/// those means. Resampling whole rows keeps each row's baseline and run scores together, which is what makes it paired.
/// </summary>
/// <remarks>
/// The random stream is seeded from a string (SplitMix64 over the SHA-256 of the key), so the same rows and key give
/// the same interval on every machine and .NET version. Percentiles are interpolated linearly between order statistics
/// (Hyndman and Fan's type 7, the default of R and NumPy).
/// </remarks>
internal static class PairedBootstrap
{
    /// <summary>The percentile interval of the mean of <paramref name="differences"/>.</summary>
    /// <param name="differences">One value per row (run score minus baseline score); at least one.</param>
    /// <param name="confidence">The interval's confidence level, in (0, 1).</param>
    /// <param name="resamples">Bootstrap resamples (at least 100).</param>
    /// <param name="seedKey">The seed's key: the same key gives the same resamples.</param>
    public static BootstrapInterval MeanInterval(IReadOnlyList<double> differences, double confidence, int resamples, string seedKey)
    {
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(seedKey);
        if (differences.Count == 0)
        {
            throw new ArgumentException("The bootstrap needs at least one value.", nameof(differences));
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);

        int n = differences.Count;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += differences[i];
        }

        mean /= n;
        var random = SeededRandom.FromKey(seedKey);
        var means = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += differences[random.Next(n)];
            }

            means[r] = sum / n;
        }

        Array.Sort(means);
        double tail = (1 - confidence) / 2;
        return new BootstrapInterval(mean, Percentile(means, tail), Percentile(means, 1 - tail), confidence, resamples, n);
    }

    /// <summary>Type 7 percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double probability)
    {
        double h = (sorted.Length - 1) * probability;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
