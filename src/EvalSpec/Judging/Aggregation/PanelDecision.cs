namespace EvalSpec.Judging;

/// <summary>What an <see cref="IVerdictAggregator"/> decided.</summary>
/// <param name="Outcome">Pass, fail or inconclusive.</param>
/// <param name="Score">The aggregated score in [0, 1], if the aggregator computes one.</param>
/// <param name="Rationale">How the outcome followed from the verdicts.</param>
public readonly record struct PanelDecision(VerdictOutcome Outcome, double? Score, string Rationale);
