using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// How much a panel's judges agree over many judged outputs: Cohen's kappa for every pair of judges, Fleiss'
/// kappa and Krippendorff's alpha for the whole panel, each with the number of items it was computed from.
/// Judges are identified by <see cref="Verdict.Judge"/>; an inconclusive verdict, or no verdict at all (a judge
/// skipped by early stopping), is a missing rating.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Pairs"/>: Cohen's kappa on the items both judges of the pair decided.</item>
/// <item><see cref="FleissKappa"/>: Fleiss' kappa needs the same number of ratings per item, so it uses only the
/// items that every judge of the panel decided; items where any judge abstained or was not asked are left out
/// (compare <see cref="AgreementStatistic.ItemsUsed"/> with <see cref="Items"/> to see how many).</item>
/// <item><see cref="KrippendorffAlpha"/>: nominal alpha uses every item with at least two decisions, missing
/// ratings and all; it is the statistic to prefer when judges abstain.</item>
/// </list>
/// A coefficient that is undefined on its items (fewer than two items, or no variation: for example every judge
/// passed everything) is <see langword="null"/>, never NaN.
/// </remarks>
public sealed class PanelAgreement
{
    private PanelAgreement(int items, IReadOnlyList<string> judges, IReadOnlyList<JudgePairAgreement> pairs, AgreementStatistic fleiss, AgreementStatistic krippendorff)
    {
        Items = items;
        Judges = judges;
        Pairs = pairs;
        FleissKappa = fleiss;
        KrippendorffAlpha = krippendorff;
    }

    /// <summary>The number of judgements (judged outputs) given.</summary>
    public int Items { get; }

    /// <summary>Every judge that appears in the judgements, in order of first appearance.</summary>
    public IReadOnlyList<string> Judges { get; }

    /// <summary>Cohen's kappa for every pair of judges, in the order of <see cref="Judges"/>.</summary>
    public IReadOnlyList<JudgePairAgreement> Pairs { get; }

    /// <summary>Fleiss' kappa over the items every judge decided.</summary>
    public AgreementStatistic FleissKappa { get; }

    /// <summary>Nominal Krippendorff's alpha over the items at least two judges decided.</summary>
    public AgreementStatistic KrippendorffAlpha { get; }

    /// <summary>Computes the agreement of the judges over a run's panel verdicts.</summary>
    /// <param name="verdicts">One panel verdict per judged output.</param>
    /// <returns>The agreement statistics.</returns>
    /// <exception cref="ArgumentException">A panel verdict has two verdicts from one judge.</exception>
    public static PanelAgreement Compute(IEnumerable<PanelVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return Compute(verdicts.Select(v => (v ?? throw new ArgumentException("A panel verdict is null.", nameof(verdicts))).Verdicts));
    }

    /// <summary>Computes the agreement of the judges over many judged outputs.</summary>
    /// <param name="judgements">One list of verdicts per judged output (at most one verdict per judge).</param>
    /// <returns>The agreement statistics.</returns>
    /// <exception cref="ArgumentException">A list has two verdicts from one judge.</exception>
    public static PanelAgreement Compute(IEnumerable<IReadOnlyList<Verdict>> judgements)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        var judges = new List<string>();
        var items = new List<Dictionary<string, bool>>();
        foreach (IReadOnlyList<Verdict> verdicts in judgements)
        {
            if (verdicts is null)
            {
                throw new ArgumentException($"Judgement {items.Count} has no verdict list.", nameof(judgements));
            }

            var decisions = new Dictionary<string, bool>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (Verdict verdict in verdicts)
            {
                if (!seen.Add(verdict.Judge))
                {
                    throw new ArgumentException($"Judgement {items.Count} has two verdicts from judge '{verdict.Judge}'.", nameof(judgements));
                }

                if (!judges.Contains(verdict.Judge, StringComparer.Ordinal))
                {
                    judges.Add(verdict.Judge);
                }

                if (verdict.Outcome != VerdictOutcome.Inconclusive)
                {
                    decisions.Add(verdict.Judge, verdict.Outcome == VerdictOutcome.Pass);
                }
            }

            items.Add(decisions);
        }

        var pairs = new List<JudgePairAgreement>();
        for (int a = 0; a < judges.Count; a++)
        {
            for (int b = a + 1; b < judges.Count; b++)
            {
                pairs.Add(Pair(judges[a], judges[b], items));
            }
        }

        List<bool>[] complete = items.Where(item => item.Count == judges.Count).Select(item => item.Values.ToList()).ToArray();
        List<bool>[] pairable = items.Where(item => item.Count >= 2).Select(item => item.Values.ToList()).ToArray();
        return new PanelAgreement(
            items.Count,
            judges,
            pairs,
            new AgreementStatistic(judges.Count < 2 ? null : global::EvalSpec.Judging.FleissKappa.Compute(complete), complete.Length),
            new AgreementStatistic(global::EvalSpec.Judging.KrippendorffAlpha.Nominal(pairable), pairable.Length));
    }

    /// <summary>The agreement of two judges, in either order.</summary>
    /// <param name="first">One judge's name.</param>
    /// <param name="second">The other judge's name.</param>
    /// <returns>Their agreement, or <see langword="null"/> when either judge does not appear.</returns>
    public JudgePairAgreement? Pair(string first, string second) =>
        Pairs.FirstOrDefault(p => (p.FirstJudge == first && p.SecondJudge == second) || (p.FirstJudge == second && p.SecondJudge == first));

    private static JudgePairAgreement Pair(string first, string second, List<Dictionary<string, bool>> items)
    {
        var both = new List<(bool First, bool Second)>();
        foreach (Dictionary<string, bool> item in items)
        {
            if (item.TryGetValue(first, out bool a) && item.TryGetValue(second, out bool b))
            {
                both.Add((a, b));
            }
        }

        double? observed = both.Count == 0 ? null : both.Count(p => p.First == p.Second) / (double)both.Count;
        return new JudgePairAgreement(first, second, CohensKappa.Compute(both), observed, both.Count);
    }
}
