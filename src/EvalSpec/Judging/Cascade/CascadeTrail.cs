using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>How a <see cref="JudgeCascade"/> reached its verdict: each tier asked, who decided, and what it guarantees.</summary>
/// <param name="Steps">The tiers asked, in order (with <see cref="JudgeCascade.AskAllTiers"/>, every tier).</param>
/// <param name="DecidedBy">The tier that decided, or null when the cascade abstained (the row goes to the review queue).</param>
/// <param name="Contested">
/// Whether a decided verdict was disputed: the deciding tier had votes on both sides, or an earlier tier leaned the other way.
/// Contested rows go to the review queue too.
/// </param>
/// <param name="Guarantee">The calibrated agreement level; null when the cascade claims none (see <paramref name="NoGuaranteeReason"/>).</param>
/// <param name="NoGuaranteeReason">Why no guarantee is claimed (no calibration file, or a stale one); null with a guarantee.</param>
public sealed record CascadeTrail(
    IReadOnlyList<CascadeStep> Steps,
    string? DecidedBy,
    bool Contested,
    CascadeGuarantee? Guarantee,
    string? NoGuaranteeReason)
{
    /// <summary>Whether the cascade abstained: no tier reached its threshold.</summary>
    public bool Abstained => DecidedBy is null;

    /// <summary>How many tiers escalated (asked the next tier, or abstained after the last).</summary>
    public int Escalations => DecidedBy is null ? Steps.Count : Steps.TakeWhile(s => !s.Decided).Count();

    /// <summary>Model calls of every tier asked.</summary>
    public int ModelCalls => Steps.Sum(s => s.ModelCalls);
}
