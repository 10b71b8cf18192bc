using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>What one tier of a <see cref="JudgeCascade"/> said about one output.</summary>
/// <param name="Tier">The tier's name.</param>
/// <param name="Votes">Every vote: per judge, presentation order and sample.</param>
/// <param name="Verdicts">The judges' verdicts (one per judge and sample), with their rationales and raw answers.</param>
/// <param name="Leaning">The side with more vote weight (inconclusive on a tie).</param>
/// <param name="Confidence">The share of the tier's vote weight that agrees with <paramref name="Leaning"/>, in [0, 1].</param>
/// <param name="Threshold">The confidence the tier needed to decide; null when calibration found no threshold it could certify (the tier never decides).</param>
/// <param name="Decided">Whether this tier decided the output.</param>
public sealed record CascadeStep(
    string Tier,
    IReadOnlyList<CascadeVote> Votes,
    IReadOnlyList<Verdict> Verdicts,
    VerdictOutcome Leaning,
    double Confidence,
    double? Threshold,
    bool Decided)
{
    /// <summary>Model calls the tier's judges made.</summary>
    public int ModelCalls => Verdicts.Sum(v => v.ModelCalls);
}
