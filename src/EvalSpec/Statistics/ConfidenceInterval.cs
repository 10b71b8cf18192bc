using System.Globalization;

namespace EvalSpec.Statistics;

/// <summary>A two-sided confidence interval for a proportion or a rate in [0, 1].</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Confidence">The confidence level the bounds were computed for, for example 0.95.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Confidence)
{
    /// <summary>The distance between the bounds.</summary>
    public double Width => Upper - Lower;

    /// <summary>True when <paramref name="value"/> lies within the bounds (both inclusive).</summary>
    /// <param name="value">The value to test, for example a known true rate in a simulation.</param>
    /// <returns>Whether the interval covers the value.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"[{Lower:0.000}, {Upper:0.000}] ({ConfidenceLabel.Format(Confidence)})");
}
