using System;

namespace EvalSpec.Statistics;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law of succession,
/// and statistical inference", JASA 22: 209–212; method 3 in Newcombe 1998, "Two-sided confidence intervals for the
/// single proportion: comparison of seven methods", Statistics in Medicine 17: 857–872).
/// </summary>
/// <remarks>
/// <para>
/// With p̂ = x / n and z the two-sided critical value of the standard normal distribution for the confidence level:
/// centre = (p̂ + z² / 2n) / (1 + z² / n) and half-width = z / (1 + z² / n) × √(p̂(1 − p̂) / n + z² / 4n²);
/// the bounds are centre ∓ half-width. Unlike the textbook p̂ ± z√(p̂(1 − p̂) / n) it never leaves [0, 1] and does not
/// collapse to a zero-width interval at 0/n or n/n, which is why it suits the small trial counts of LLM evaluation.
/// </para>
/// <para>
/// z = Φ<sup>−1</sup>((1 + confidence) / 2) is computed with Wichura's algorithm AS 241 (Applied Statistics 37: 477–484,
/// 1988), so any confidence level works, not only 95%.
/// With no trials nothing is known and the interval is [0, 1].
/// </para>
/// </remarks>
internal static class WilsonInterval
{
    /// <summary>The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">How many trials succeeded (0 ≤ successes ≤ trials).</param>
    /// <param name="trials">How many trials there were (0 or more).</param>
    /// <param name="confidence">The two-sided confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval; [0, 1] when <paramref name="trials"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, more successes than trials, or the confidence is not in (0, 1).</exception>
    public static ConfidenceInterval Compute(int successes, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        double z = StandardNormal.TwoSidedCriticalValue(confidence);
        if (trials == 0)
        {
            return new ConfidenceInterval(0, 1, confidence);
        }

        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        // At 0/n and n/n the bound is exactly 0 or 1 in theory; pin it so rounding cannot leave 1e-17 behind.
        double lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        double upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new ConfidenceInterval(lower, upper, confidence);
    }
}
