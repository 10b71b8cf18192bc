using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
/// Annenberg School for Communication departmental paper 43): α = 1 − D<sub>o</sub> / D<sub>e</sub>, the
/// observed disagreement over the disagreement expected by chance, computed from the coincidence matrix of the
/// pairable values. It takes any number of raters and missing values: a unit counts only through the values it
/// has, and a unit with fewer than two values is not pairable and is left out.
/// </summary>
/// <remarks>
/// With o<sub>ck</sub> = Σ<sub>u</sub> (number of c–k pairs in unit u) / (m<sub>u</sub> − 1) over the pairable
/// units, n<sub>c</sub> = Σ<sub>k</sub> o<sub>ck</sub> and n = Σ<sub>c</sub> n<sub>c</sub> (the pairable
/// values): α = 1 − (n − 1) Σ<sub>c≠k</sub> o<sub>ck</sub> / Σ<sub>c≠k</sub> n<sub>c</sub>n<sub>k</sub>.
/// Alpha is undefined, and <see langword="null"/> is returned, with fewer than two pairable units or when every
/// pairable value is the same (no expected disagreement).
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Krippendorff's alpha for nominal values.</summary>
    /// <typeparam name="TCategory">The value type, compared with its default equality.</typeparam>
    /// <param name="units">For each unit (item), the values the raters gave it; leave missing values out.</param>
    /// <returns>Alpha, or <see langword="null"/> when it is undefined.</returns>
    public static double? Nominal<TCategory>(IEnumerable<IEnumerable<TCategory>> units)
        where TCategory : notnull
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units
            .Select(unit => (unit ?? throw new ArgumentException("A unit has no values list.", nameof(units))).GroupBy(v => v).Select(g => (g.Key, Count: g.Count())).ToArray())
            .Where(unit => unit.Sum(v => v.Count) >= 2)
            .ToArray();
        if (pairable.Length < 2)
        {
            return null;
        }

        double disagreeing = 0;
        var valueTotals = new Dictionary<TCategory, long>();
        foreach ((TCategory Key, int Count)[] unit in pairable)
        {
            long m = unit.Sum(v => v.Count);
            long sameValuePairs = unit.Sum(v => (long)v.Count * v.Count);
            disagreeing += (double)(m * m - sameValuePairs) / (m - 1);
            foreach ((TCategory value, int count) in unit)
            {
                valueTotals[value] = valueTotals.GetValueOrDefault(value) + count;
            }
        }

        long n = valueTotals.Values.Sum();
        long expectedDisagreeing = n * n - valueTotals.Values.Sum(c => c * c);
        return expectedDisagreeing == 0 ? null : 1 - ((n - 1) * disagreeing / expectedDisagreeing);
    }
}
