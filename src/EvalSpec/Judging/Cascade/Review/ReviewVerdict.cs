namespace EvalSpec.Judging;

/// <summary>One verdict of a judge in a <see cref="ReviewItem"/>.</summary>
/// <param name="Outcome">pass, fail or inconclusive.</param>
/// <param name="Rationale">The judge's reason (or its error).</param>
/// <param name="Errored">Whether the judge errored or could not be read.</param>
public sealed record ReviewVerdict(string Outcome, string Rationale, bool Errored);
