using System;
using System.Collections.Generic;

namespace EvalSpec.Reporting.Reports;

/// <summary>One run of a report's history.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="FinishedAt">When the run finished (its summary's time, else when its results were last written).</param>
/// <param name="Current">Whether this is the run the report is about.</param>
/// <param name="Methods">Per eval method, sorted by method id.</param>
internal sealed record RunHistoryPoint(string RunId, DateTimeOffset? FinishedAt, bool Current, IReadOnlyList<MethodHistoryPoint> Methods);
