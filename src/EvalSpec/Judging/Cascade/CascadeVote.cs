namespace EvalSpec.Judging;

/// <summary>
/// One vote in a <see cref="JudgeCascade"/> tier: what one judge said in one presentation order (a pairwise judge votes
/// twice, once per order) of one sample (a tier may ask each judge several times, as simulated annotators).
/// </summary>
/// <param name="Judge">The judge's name.</param>
/// <param name="Sample">The sample, from 1.</param>
/// <param name="Order">For a pairwise judge, <see cref="CandidateFirst"/> or <see cref="ReferenceFirst"/>; otherwise null.</param>
/// <param name="Outcome">Pass or fail; inconclusive when the judge abstained, tied, errored or could not be read in this order.</param>
public sealed record CascadeVote(string Judge, int Sample, string? Order, VerdictOutcome Outcome)
{
    /// <summary>The <see cref="Order"/> of the vote given with the judged output shown first.</summary>
    public const string CandidateFirst = "candidate-first";

    /// <summary>The <see cref="Order"/> of the vote given with the compared output shown first.</summary>
    public const string ReferenceFirst = "reference-first";
}
