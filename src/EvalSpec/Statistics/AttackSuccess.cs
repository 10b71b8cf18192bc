using System.Globalization;

namespace EvalSpec.Statistics;

/// <summary>
/// Attack success rates of a set of metamorphic relation rows (<see cref="RobustnessMetrics"/>): the counts, the plain
/// rate and the meaning-weighted (METAL) rate.
/// </summary>
internal sealed class AttackSuccess
{
    internal AttackSuccess(int rows, int applicableRows, int violatedRows, double totalWeight, double violatedWeight)
    {
        Rows = rows;
        ApplicableRows = applicableRows;
        ViolatedRows = violatedRows;
        TotalWeight = totalWeight;
        ViolatedWeight = violatedWeight;
    }

    /// <summary>All rows given, applicable or not.</summary>
    public int Rows { get; }

    /// <summary>Rows whose perturbation could be applied: the denominator of <see cref="Rate"/>.</summary>
    public int ApplicableRows { get; }

    /// <summary>Applicable rows whose relation was violated.</summary>
    public int ViolatedRows { get; }

    /// <summary>Σ w over the applicable rows: the denominator of <see cref="WeightedRate"/>.</summary>
    public double TotalWeight { get; }

    /// <summary>Σ w over the applicable, violated rows.</summary>
    public double ViolatedWeight { get; }

    /// <summary>Attack success rate = violated / applicable, or <see langword="null"/> with no applicable rows.</summary>
    public double? Rate => ApplicableRows == 0 ? null : (double)ViolatedRows / ApplicableRows;

    /// <summary>
    /// Weighted attack success rate = Σ w × violated / Σ w, or <see langword="null"/> when no applicable row kept any of its
    /// meaning (Σ w = 0).
    /// </summary>
    public double? WeightedRate => TotalWeight > 0 ? ViolatedWeight / TotalWeight : null;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ViolatedRows}/{ApplicableRows} applicable rows violated (ASR {Format(Rate)}, meaning-weighted {Format(WeightedRate)}); {Rows - ApplicableRows} not applicable");

    private static string Format(double? rate) => rate is double r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";
}
