using System;
using System.Globalization;

namespace EvalSpec.Reporting.Reports;

/// <summary>How numbers look in reports and tool output: invariant culture, fixed decimals, a dash for "none".</summary>
internal static class ReportFormat
{
    public const string None = "–";

    /// <summary>A rate or score with three decimals.</summary>
    public static string Rate(double? value) => value is double v ? v.ToString("0.000", CultureInfo.InvariantCulture) : None;

    /// <summary>A signed change with three decimals (+0.050, -0.120).</summary>
    public static string Change(double? value) => value switch
    {
        null => None,
        double v when Math.Abs(v) < 0.0005 => "0.000",
        double v => (v > 0 ? "+" : string.Empty) + v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>A p-value with four decimals, or "&lt; 0.0001".</summary>
    public static string PValue(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators (12,345).</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>US dollars: four decimals below a dollar, two above.</summary>
    public static string Dollars(double value) => "$" + value.ToString(Math.Abs(value) < 1 ? "0.0000" : "#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A confidence level as a percentage (95%, 99.5%).</summary>
    public static string Confidence(double confidence) => (confidence * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>"0.900 → 0.850" when a value changed, else the value.</summary>
    public static string Transition(double? before, double? after, string arrow = "→") =>
        Gate.MethodMetricChange.Same(before, after) ? Rate(after) : $"{Rate(before)} {arrow} {Rate(after)}";

    /// <summary>A score interval: "-0.120 [-0.180, -0.060]".</summary>
    public static string Interval(double mean, double lower, double upper) => $"{Change(mean)} [{Change(lower)}, {Change(upper)}]";
}
