using EvalSpec.Judging;

namespace EvalSpec.Reporting.Reports;

/// <summary>One judge's verdict in a row's check, as <c>results.jsonl</c> records it (the parts the reports use).</summary>
/// <param name="Judge">The judge's name.</param>
/// <param name="Outcome">Its verdict.</param>
/// <param name="Score">Its score in [0, 1], when it gave one.</param>
/// <param name="Errored">Whether the verdict is inconclusive because the judge failed.</param>
/// <param name="ModelCalls">Model calls the verdict took.</param>
/// <param name="Model">The judge's model id, when it reported one.</param>
/// <param name="InputTokens">Input tokens of those calls.</param>
/// <param name="OutputTokens">Output tokens of those calls.</param>
internal sealed record RunVerdict(string Judge, VerdictOutcome Outcome, double? Score, bool Errored, int ModelCalls, string? Model, long InputTokens, long OutputTokens);
