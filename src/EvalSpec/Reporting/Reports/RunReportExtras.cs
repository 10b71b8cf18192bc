using System.Collections.Generic;

namespace EvalSpec.Reporting.Reports;

/// <summary>What a report shows besides the run itself: the baseline file, earlier outputs of changed rows, the history.</summary>
internal sealed record RunReportExtras
{
    /// <summary>The baseline the run is compared with, when it exists and could be read.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>For changed rows, their output in an earlier run with the baseline's outcome.</summary>
    public IReadOnlyDictionary<string, EarlierOutput>? EarlierOutputs { get; init; }

    /// <summary>The runs of <c>--history</c>, or null.</summary>
    public RunHistory? History { get; init; }
}
