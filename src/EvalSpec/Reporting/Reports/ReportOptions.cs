using EvalSpec.Reporting.Gate;

namespace EvalSpec.Reporting.Reports;

/// <summary>What a report compares the run with and how it prices it.</summary>
internal sealed record ReportOptions
{
    /// <summary>The baseline to compare the run with; null for no comparison.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Model prices for the cost of the judges; null shows tokens only.</summary>
    public PriceTable? Prices { get; init; }

    /// <summary>
    /// How many runs the history charts show, this one included (the runs before it in its results folder); 0 for no
    /// history. <c>evalspec report --history n</c>.
    /// </summary>
    public int History { get; init; }

    /// <summary>The thresholds of the comparison with the baseline.</summary>
    public GateOptions Gate { get; init; } = new();
}
