using System.Globalization;

namespace EvalSpec.Judging;

/// <summary>An agreement coefficient and how many items it was computed from.</summary>
/// <param name="Value">The coefficient, or <see langword="null"/> when it is undefined on these items (too few, or no variation).</param>
/// <param name="ItemsUsed">The items the coefficient was computed from.</param>
public readonly record struct AgreementStatistic(double? Value, int ItemsUsed)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Value is double value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "undefined")} ({ItemsUsed} item(s))");
}
