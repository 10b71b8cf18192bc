using System;
using System.Collections.Generic;

namespace EvalSpec.Statistics;

/// <summary>
/// The population pass rate estimated from a stratified random sample, with a confidence interval (Cochran 1977,
/// Sampling Techniques, 3rd ed., ch. 5: stratified random sampling, estimation of proportions).
/// </summary>
/// <remarks>
/// <para>
/// With W<sub>h</sub> = N<sub>h</sub> / N, p<sub>h</sub> = passes<sub>h</sub> / n<sub>h</sub> and f<sub>h</sub> = n<sub>h</sub> / N<sub>h</sub>:
/// the estimate is p<sub>st</sub> = Σ W<sub>h</sub> p<sub>h</sub>, and its estimated variance
/// v(p<sub>st</sub>) = Σ W<sub>h</sub>² (1 − f<sub>h</sub>) p<sub>h</sub>(1 − p<sub>h</sub>) / (n<sub>h</sub> − 1),
/// the unbiased estimate for sampling without replacement; (1 − f<sub>h</sub>) is the finite population correction, so a
/// stratum run in full contributes no uncertainty. The interval is p<sub>st</sub> ± z √v, z the two-sided normal critical
/// value, clamped to [0, 1]. When every row was run the interval has zero width at the true rate.
/// </para>
/// <para>
/// A stratum with one sampled row has no within-stratum variance estimate (n<sub>h</sub> − 1 = 0). Rather than count it
/// as certain, the worst case p(1 − p) = 1/4 is used for it: its term is W<sub>h</sub>² (1 − f<sub>h</sub>) / 4 (zero when that
/// row is the whole stratum). This widens the interval when many strata hold a single sampled row, which is honest:
/// such a sample says little about each of them.
/// </para>
/// <para>
/// Strata with rows but none sampled (a budget smaller than the number of strata) cannot be estimated; they are left
/// out, the estimate speaks for the sampled strata only, and <see cref="PassRateEstimate.UnsampledPopulation"/> says how
/// many rows that leaves uncovered. The normal interval is an approximation: it is reliable with several rows per stratum
/// and rates away from 0 and 1.
/// </para>
/// </remarks>
internal static class StratifiedEstimate
{
    /// <summary>The estimated pass rate of the population from per-stratum observations.</summary>
    /// <param name="strata">One observation per stratum: N<sub>h</sub>, n<sub>h</sub>, passes<sub>h</sub>.</param>
    /// <param name="confidence">The two-sided confidence level of the interval, strictly between 0 and 1.</param>
    /// <returns>The estimate, or <see langword="null"/> when no stratum has a sampled row.</returns>
    /// <exception cref="ArgumentException">Inconsistent counts (negative, more sampled than the population, more passes than sampled).</exception>
    public static PassRateEstimate? Compute(IEnumerable<StratumObservation> strata, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(strata);
        double z = StandardNormal.TwoSidedCriticalValue(confidence);
        var sampledStrata = new List<StratumObservation>();
        long population = 0, sampled = 0, unsampled = 0;
        int index = 0;
        foreach (StratumObservation stratum in strata)
        {
            if (stratum.Population < 0 || stratum.Sampled < 0 || stratum.Passed < 0 || stratum.Sampled > stratum.Population || stratum.Passed > stratum.Sampled)
            {
                throw new ArgumentException($"Stratum {index} has inconsistent counts: {stratum}. Need 0 <= passed <= sampled <= population.", nameof(strata));
            }

            index++;
            if (stratum.Sampled == 0)
            {
                unsampled += stratum.Population;
                continue;
            }

            sampledStrata.Add(stratum);
            population += stratum.Population;
            sampled += stratum.Sampled;
        }

        if (sampledStrata.Count == 0)
        {
            return null;
        }

        double estimate = 0, variance = 0;
        foreach (StratumObservation stratum in sampledStrata)
        {
            double weight = (double)stratum.Population / population;
            double rate = (double)stratum.Passed / stratum.Sampled;
            double unsampledShare = 1 - ((double)stratum.Sampled / stratum.Population);
            estimate += weight * rate;

            // p_h(1 − p_h)/(n_h − 1) is the unbiased estimate of S_h²/n_h for a 0/1 variable; with one row, the worst case 1/4.
            double varianceOfRate = stratum.Sampled > 1 ? rate * (1 - rate) / (stratum.Sampled - 1) : 0.25;
            variance += weight * weight * unsampledShare * varianceOfRate;
        }

        estimate = Math.Clamp(estimate, 0, 1);
        double standardError = Math.Sqrt(Math.Max(0, variance));
        var interval = new ConfidenceInterval(
            Math.Clamp(estimate - (z * standardError), 0, 1),
            Math.Clamp(estimate + (z * standardError), 0, 1),
            confidence);
        return new PassRateEstimate(estimate, standardError, interval, population, sampled, unsampled);
    }
}
