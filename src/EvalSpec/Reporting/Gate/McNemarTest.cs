using System;
using System.Numerics;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// The exact McNemar test for paired binary outcomes (McNemar 1947; exact form as in Fagerland, Lydersen and Laake
/// 2013): of the n = b + c discordant pairs, b went one way (pass to not passing) and c the other. Under the null
/// hypothesis that neither direction is more likely, b ~ Binomial(n, 1/2), and the two-sided p-value is
/// min(1, 2 P(X &lt;= min(b, c))).
/// </summary>
/// <remarks>
/// The tail is summed exactly in integers (binomial coefficients over 2^n), so small p-values are exact rather than
/// the output of an incomplete-beta approximation. Concordant pairs (pass to pass, fail to fail) carry no information
/// about a change and do not enter the test. With fewer than six discordant pairs no outcome reaches p &lt; 0.05
/// (b = 5, c = 0 gives p = 0.0625): a single flipped row is never significant.
/// </remarks>
internal static class McNemarTest
{
    /// <summary>The two-sided exact p-value for <paramref name="b"/> and <paramref name="c"/> discordant pairs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double TwoSidedPValue(int b, int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        int n = b + c;
        if (n == 0 || b == c)
        {
            return 1.0;
        }

        int k = Math.Min(b, c);
        BigInteger tail = BigInteger.Zero;
        BigInteger coefficient = BigInteger.One;
        for (int i = 0; i <= k; i++)
        {
            tail += coefficient;
            coefficient = coefficient * (n - i) / (i + 1);
        }

        // p = 2 * tail / 2^n = tail / 2^(n-1).
        double p = n - 1 <= 1000
            ? (double)tail / Math.Pow(2, n - 1)
            : Math.Exp(BigInteger.Log(tail) - ((n - 1) * Math.Log(2)));
        return Math.Min(1.0, p);
    }
}
