using System;

namespace EvalSpec.Statistics;

/// <summary>The binomial distribution's cumulative probabilities, exactly (summed in log space, no normal approximation).</summary>
internal static class Binomial
{
    /// <summary>P(X ≤ <paramref name="k"/>) for X ~ Binomial(<paramref name="n"/>, <paramref name="p"/>).</summary>
    /// <param name="k">The largest count included; below 0 gives 0, <paramref name="n"/> or more gives 1.</param>
    /// <param name="n">The number of trials (0 or more).</param>
    /// <param name="p">The success probability, in [0, 1].</param>
    /// <returns>The cumulative probability.</returns>
    public static double Cdf(int k, int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must be between 0 and 1.");
        }

        if (k < 0)
        {
            return 0;
        }

        if (k >= n)
        {
            return 1;
        }

        if (p == 0)
        {
            return 1;
        }

        if (p == 1)
        {
            return 0;
        }

        // ln C(n, i) is built up term by term (ln C(n, i) = ln C(n, i - 1) + ln(n - i + 1) - ln i), which is exact enough
        // for the sample sizes of a calibration set and needs no log-gamma function. The terms are summed with the
        // log-sum-exp trick so that tiny probabilities (p^n for n in the thousands) do not underflow to 0 before the sum.
        double logP = Math.Log(p);
        double logQ = Math.Log(1 - p);
        double logChoose = 0;
        double max = double.NegativeInfinity;
        double[] terms = new double[k + 1];
        for (int i = 0; i <= k; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            terms[i] = logChoose + (i * logP) + ((n - i) * logQ);
            max = Math.Max(max, terms[i]);
        }

        double sum = 0;
        foreach (double term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>The p at which <see cref="Cdf"/>(k, n, p) equals <paramref name="target"/> (the CDF falls as p grows), by bisection.</summary>
    public static double SolveCdf(int k, int n, double target)
    {
        double low = 0, high = 1;

        // 200 halvings reach the spacing of doubles near any root in (0, 1).
        for (int i = 0; i < 200 && high - low > 0; i++)
        {
            double middle = (low + high) / 2;
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (Cdf(k, n, middle) > target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
