using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// Holm's step-down adjustment of p-values (Holm 1979): controls the family-wise error rate like Bonferroni, but
/// rejects at least as often. Sorted ascending, p<sub>(i)</sub> becomes max over j &lt;= i of min(1, (m - j + 1) p<sub>(j)</sub>).
/// </summary>
internal static class HolmCorrection
{
    /// <summary>The adjusted p-values, in the order given.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        int m = pValues.Count;
        int[] order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int index = order[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }

        return adjusted;
    }
}
