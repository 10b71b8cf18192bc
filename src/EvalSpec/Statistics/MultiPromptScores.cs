using System.Collections.Generic;
using System.Globalization;

namespace EvalSpec.Statistics;

/// <summary>
/// Multi-prompt metrics of one system on one task (Mizrahi et al. 2024): the performance under each prompt variant,
/// the best (MaxP), the average (AvgP), and the combined performance score (CPS). See <see cref="MultiPromptMetrics"/>.
/// </summary>
internal sealed class MultiPromptScores
{
    internal MultiPromptScores(IReadOnlyList<double> variantPerformance, double maxP, double avgP)
    {
        VariantPerformance = variantPerformance;
        MaxP = maxP;
        AvgP = avgP;
    }

    /// <summary>P<sub>v</sub>, the performance under each prompt variant, in the order the variants were given.</summary>
    public IReadOnlyList<double> VariantPerformance { get; }

    /// <summary>MaxP = max<sub>v</sub> P<sub>v</sub>: what the system can do with its best prompt.</summary>
    public double MaxP { get; }

    /// <summary>AvgP = mean<sub>v</sub> P<sub>v</sub>: what a user can expect when the prompt's wording is not tuned.</summary>
    public double AvgP { get; }

    /// <summary>Saturation = 1 − (MaxP − AvgP): 1 when every variant does as well as the best one.</summary>
    public double Saturation => 1 - (MaxP - AvgP);

    /// <summary>CPS = Saturation × MaxP: the best performance, discounted by how much it depends on the wording.</summary>
    public double Cps => Saturation * MaxP;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MaxP {MaxP:0.000}, AvgP {AvgP:0.000}, CPS {Cps:0.000} over {VariantPerformance.Count} prompt variant(s)");
}
