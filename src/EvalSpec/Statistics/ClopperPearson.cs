using System;

namespace EvalSpec.Statistics;

/// <summary>
/// Exact (Clopper-Pearson) confidence bounds for a binomial proportion (Clopper &amp; Pearson 1934, "The use of
/// confidence or fiducial limits illustrated in the case of the binomial", Biometrika 26(4): 404–413): the bounds are
/// the proportions at which the observed count would be just at the edge of the binomial tail, so the coverage is at
/// least the confidence level for every sample size (never less, unlike normal-approximation intervals).
/// </summary>
/// <remarks>
/// <para>
/// The one-sided upper bound of a rate (an error rate, say) with <c>k</c> events in <c>n</c> trials at risk δ is the
/// largest r such that P(Binomial(n, r) ≤ k) ≥ δ: were the true rate above it, seeing at most <c>k</c> events would have
/// probability below δ. This is the bound used to certify a judge's error rate (Jung, Brahman &amp; Choi 2025, "Trust or
/// Escalate", via fixed-sequence testing, see <see cref="FixedSequenceTest"/>).
/// </para>
/// <para>
/// Binomial tails are summed exactly in log space; the bounds are found by bisection to the precision of a double.
/// </para>
/// </remarks>
internal static class ClopperPearson
{
    /// <summary>The one-sided upper bound of a rate: with probability at least 1 − <paramref name="risk"/> the true rate is at most this.</summary>
    /// <param name="events">How many events were seen (0 ≤ events ≤ trials).</param>
    /// <param name="trials">How many trials there were (0 or more).</param>
    /// <param name="risk">The probability δ that the bound is wrong, strictly between 0 and 1.</param>
    /// <returns>The upper bound in [0, 1]; 1 when there were no trials or every trial was an event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, more events than trials, or the risk is not in (0, 1).</exception>
    public static double UpperBound(int events, int trials, double risk)
    {
        Check(events, trials);
        CheckProbability(risk, nameof(risk));
        return events >= trials ? 1 : Binomial.SolveCdf(events, trials, risk);
    }

    /// <summary>The one-sided lower bound of a rate: with probability at least 1 − <paramref name="risk"/> the true rate is at least this.</summary>
    /// <param name="events">How many events were seen (0 ≤ events ≤ trials).</param>
    /// <param name="trials">How many trials there were (0 or more).</param>
    /// <param name="risk">The probability that the bound is wrong, strictly between 0 and 1.</param>
    /// <returns>The lower bound in [0, 1]; 0 when no event was seen.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, more events than trials, or the risk is not in (0, 1).</exception>
    public static double LowerBound(int events, int trials, double risk)
    {
        Check(events, trials);
        CheckProbability(risk, nameof(risk));

        // The lower bound of the rate of events is one minus the upper bound of the rate of non-events.
        return events == 0 ? 0 : 1 - UpperBound(trials - events, trials, risk);
    }

    /// <summary>The two-sided exact interval at <paramref name="confidence"/>: each bound is one-sided at (1 − confidence) / 2.</summary>
    /// <param name="events">How many events were seen (0 ≤ events ≤ trials).</param>
    /// <param name="trials">How many trials there were (0 or more).</param>
    /// <param name="confidence">The two-sided confidence level, strictly between 0 and 1 (for example 0.95).</param>
    /// <returns>The interval; [0, 1] when there were no trials.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, more events than trials, or the confidence is not in (0, 1).</exception>
    public static ConfidenceInterval Interval(int events, int trials, double confidence = 0.95)
    {
        Check(events, trials);
        CheckProbability(confidence, nameof(confidence));
        double tail = (1 - confidence) / 2;
        return new ConfidenceInterval(LowerBound(events, trials, tail), UpperBound(events, trials, tail), confidence);
    }

    /// <summary>
    /// The exact one-sided p-value of "the rate exceeds <paramref name="maxRate"/>" given <paramref name="events"/> in
    /// <paramref name="trials"/>: P(Binomial(trials, maxRate) ≤ events). A value at most δ rejects that hypothesis at level δ,
    /// which is the same as <see cref="UpperBound"/> being at most <paramref name="maxRate"/>.
    /// </summary>
    /// <param name="events">How many events were seen (0 ≤ events ≤ trials).</param>
    /// <param name="trials">How many trials there were (0 or more; with none the p-value is 1).</param>
    /// <param name="maxRate">The rate the hypothesis says is exceeded, in [0, 1].</param>
    /// <returns>The p-value in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, more events than trials, or the rate is outside [0, 1].</exception>
    public static double PValueAbove(int events, int trials, double maxRate)
    {
        Check(events, trials);
        if (double.IsNaN(maxRate) || maxRate < 0 || maxRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRate), maxRate, "A rate must be between 0 and 1.");
        }

        return Binomial.Cdf(events, trials, maxRate);
    }

    private static void Check(int events, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events, trials);
    }

    private static void CheckProbability(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be strictly between 0 and 1.");
        }
    }
}
