using System.Globalization;

namespace EvalSpec.Statistics;

/// <summary>Formats a confidence level for people: 0.95 as "95%", 0.995 as "99.5%".</summary>
internal static class ConfidenceLabel
{
    public static string Format(double confidence) =>
        (confidence * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
