using System;

namespace EvalSpec.Statistics;

/// <summary>
/// The inverse of the standard normal cumulative distribution function, by Wichura's algorithm AS 241
/// (PPND16; Wichura 1988, "Algorithm AS 241: The Percentage Points of the Normal Distribution", Applied
/// Statistics 37(3): 477–484), accurate to about 1 part in 10<sup>16</sup>.
/// </summary>
/// <remarks>
/// Three rational approximations of degree 7/7: one for the centre (|p − 0.5| ≤ 0.425, in r = 0.180625 − q²), and two
/// for the tails in r = √(−ln min(p, 1 − p)), split at r = 5. The coefficients are the published ones, highest degree first.
/// </remarks>
internal static class StandardNormal
{
    private static readonly double[] CentralNumerator =
    {
        2.5090809287301226727E3, 3.3430575583588128105E4, 6.7265770927008700853E4, 4.5921953931549871457E4,
        1.3731693765509461125E4, 1.9715909503065514427E3, 1.3314166789178437745E2, 3.3871328727963666080,
    };

    private static readonly double[] CentralDenominator =
    {
        5.2264952788528545610E3, 2.8729085735721942674E4, 3.9307895800092710610E4, 2.1213794301586595867E4,
        5.3941960214247511077E3, 6.8718700749205790830E2, 4.2313330701600911252E1, 1.0,
    };

    private static readonly double[] IntermediateNumerator =
    {
        7.74545014278341407640E-4, 2.27238449892691845833E-2, 2.41780725177450611770E-1, 1.27045825245236838258,
        3.64784832476320460504, 5.76949722146069140550, 4.63033784615654529590, 1.42343711074968357734,
    };

    private static readonly double[] IntermediateDenominator =
    {
        1.05075007164441684324E-9, 5.47593808499534494600E-4, 1.51986665636164571966E-2, 1.48103976427480074590E-1,
        6.89767334985100004550E-1, 1.67638483018380384940, 2.05319162663775882187, 1.0,
    };

    private static readonly double[] TailNumerator =
    {
        2.01033439929228813265E-7, 2.71155556874348757815E-5, 1.24266094738807843860E-3, 2.65321895265761230930E-2,
        2.96560571828504891230E-1, 1.78482653991729133580, 5.46378491116411436990, 6.65790464350110377720,
    };

    private static readonly double[] TailDenominator =
    {
        2.04426310338993978564E-15, 1.42151175831644588870E-7, 1.84631831751005468180E-5, 7.86869131145613259100E-4,
        1.48753612908506148525E-2, 1.36929880922735805310E-1, 5.99832206555887937690E-1, 1.0,
    };

    /// <summary>The z with Φ(z) = <paramref name="probability"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not strictly between 0 and 1.</exception>
    public static double Quantile(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A normal quantile needs a probability strictly between 0 and 1.");
        }

        double q = probability - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - (q * q);
            return q * Horner(CentralNumerator, r) / Horner(CentralDenominator, r);
        }

        double tail = Math.Sqrt(-Math.Log(q < 0 ? probability : 1 - probability));
        double x = tail <= 5.0
            ? Horner(IntermediateNumerator, tail - 1.6) / Horner(IntermediateDenominator, tail - 1.6)
            : Horner(TailNumerator, tail - 5.0) / Horner(TailDenominator, tail - 5.0);
        return q < 0 ? -x : x;
    }

    /// <summary>
    /// The two-sided critical value for a confidence level: z = Φ<sup>−1</sup>((1 + confidence) / 2), for example
    /// 1.959964 for 0.95.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static double TwoSidedCriticalValue(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level must be strictly between 0 and 1, for example 0.95.");
        }

        return Quantile((1 + confidence) / 2);
    }

    /// <summary>Evaluates the polynomial with <paramref name="coefficients"/> (highest degree first) at <paramref name="x"/>.</summary>
    private static double Horner(double[] coefficients, double x)
    {
        double value = 0;
        foreach (double coefficient in coefficients)
        {
            value = (value * x) + coefficient;
        }

        return value;
    }
}
