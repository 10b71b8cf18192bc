using EvalSpec.Reporting.Gate;

namespace EvalSpec.Reporting.Reports;

/// <summary>What <see cref="RunReports"/> wrote.</summary>
/// <param name="MarkdownPath">report.md in the run folder.</param>
/// <param name="HtmlPath">report.html in the run folder.</param>
/// <param name="StepSummaryPath">The GitHub step summary the markdown was appended to, or null.</param>
/// <param name="StepSummaryError">Why appending to the step summary failed, or null.</param>
/// <param name="Markdown">The markdown report.</param>
/// <param name="Gate">The comparison with the baseline, when there was one.</param>
internal sealed record RunReportFiles(string MarkdownPath, string HtmlPath, string? StepSummaryPath, string? StepSummaryError, string Markdown, GateResult? Gate);
