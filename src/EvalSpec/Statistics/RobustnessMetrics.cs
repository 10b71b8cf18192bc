using System;
using System.Collections.Generic;

namespace EvalSpec.Statistics;

/// <summary>
/// Robustness of a system to input perturbations, from metamorphic relation rows (METAL, Hyun et al. 2024; CheckList,
/// Ribeiro et al. 2020).
/// </summary>
/// <remarks>
/// <para>
/// Attack success rate (ASR) = violated / applicable: the share of perturbed inputs on which the relation between the
/// source output and the follow-up output failed. Rows whose perturbation could not be applied are not attacks and are
/// left out.
/// </para>
/// <para>
/// The METAL-style weighted ASR = Σ w<sub>r</sub> × violated<sub>r</sub> / Σ w<sub>r</sub> over the applicable rows, where
/// w<sub>r</sub> ∈ [0, 1] is how well the perturbation preserved the input's meaning (semantic similarity of the source
/// and follow-up inputs). An invariance relation only blames the system if the input still meant the same: a
/// perturbation that destroyed the meaning (w ≈ 0) contributes almost nothing, so a changed answer to what has become a
/// different question is not counted against the system, while violations on faithful perturbations (w ≈ 1) count fully.
/// </para>
/// </remarks>
internal static class RobustnessMetrics
{
    /// <summary>Counts and both attack success rates of <paramref name="rows"/>.</summary>
    /// <param name="rows">One outcome per relation row.</param>
    /// <returns>The counts and rates; the rates are <see langword="null"/> when no row is applicable.</returns>
    /// <exception cref="ArgumentException">An applicable row's meaning-preservation weight is outside [0, 1].</exception>
    public static AttackSuccess Compute(IEnumerable<PerturbationOutcome> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int total = 0, applicable = 0, violated = 0;
        double totalWeight = 0, violatedWeight = 0;
        foreach (PerturbationOutcome row in rows)
        {
            total++;
            if (!row.Applicable)
            {
                continue;
            }

            double w = row.MeaningPreservation;
            if (!(w >= 0 && w <= 1))
            {
                throw new ArgumentException($"Row {total - 1} has meaning-preservation weight {w}; it must be in [0, 1].", nameof(rows));
            }

            applicable++;
            totalWeight += w;
            if (row.Violated)
            {
                violated++;
                violatedWeight += w;
            }
        }

        return new AttackSuccess(total, applicable, violated, totalWeight, violatedWeight);
    }
}
