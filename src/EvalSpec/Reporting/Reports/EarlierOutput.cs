namespace EvalSpec.Reporting.Reports;

/// <summary>
/// A row's output in an earlier run where it had the outcome the baseline records: what the baseline's side of a
/// changed row looked like (the baseline keeps only an excerpt of a failure's evidence, and nothing of a pass).
/// </summary>
/// <param name="RunId">The earlier run.</param>
/// <param name="Outcome">The row's outcome there (the baseline's).</param>
/// <param name="Output">The judged output there.</param>
/// <param name="SourceOutput">For a relation row, the source output there.</param>
/// <param name="SameEvidence">For a failure: the earlier run's failure evidence has the baseline's hash, so this is the recorded failure itself.</param>
internal sealed record EarlierOutput(string RunId, string Outcome, string? Output, string? SourceOutput, bool SameEvidence);
