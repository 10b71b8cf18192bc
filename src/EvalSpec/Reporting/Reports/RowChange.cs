namespace EvalSpec.Reporting.Reports;

/// <summary>How a row's outcome differs from what the baseline records for it.</summary>
internal enum RowChange
{
    /// <summary>The same outcome (a failure: the same failure, excused as known), or no baseline to compare with.</summary>
    None = 0,

    /// <summary>The baseline records a pass; the row now fails or is inconclusive.</summary>
    StoppedPassing = 1,

    /// <summary>The baseline records a failure or an inconclusive row; the row now passes.</summary>
    StartedPassing = 2,

    /// <summary>The baseline records a failure and the row fails, but not the recorded failure (another kind or other evidence, or the entry does not say).</summary>
    FailsDifferently = 3,

    /// <summary>Between failing and inconclusive.</summary>
    OtherChange = 4,

    /// <summary>A judged row the baseline does not record.</summary>
    New = 5,
}
