namespace EvalSpec.Judging;

/// <summary>How two judges of a panel agree, on the items both decided (passed or failed).</summary>
/// <param name="FirstJudge">One judge (the one that appears first in the judgements).</param>
/// <param name="SecondJudge">The other judge.</param>
/// <param name="CohensKappa">
/// Cohen's kappa on the items both decided, or <see langword="null"/> when it is undefined: fewer than two such
/// items, or both judges gave the same one outcome on all of them (see <see cref="ObservedAgreement"/>).
/// </param>
/// <param name="ObservedAgreement">The share of those items on which they gave the same outcome, or <see langword="null"/> when there are none.</param>
/// <param name="ItemsUsed">The items both judges decided.</param>
public sealed record JudgePairAgreement(string FirstJudge, string SecondJudge, double? CohensKappa, double? ObservedAgreement, int ItemsUsed);
