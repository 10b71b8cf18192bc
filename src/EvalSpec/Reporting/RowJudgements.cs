using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Judging;
using Microsoft.Extensions.AI;

namespace EvalSpec.Reporting;

/// <summary>
/// A row's panel verdicts written to its results line (<see cref="RowResult.Judgements"/>) and read back as panel verdicts,
/// so that the judge statistics of rows decided in other processes (the shards of a merged run, the rows a resumed run takes
/// over) are counted by the same <see cref="JudgeStatistics"/> and summary code as the rows of the run itself.
/// </summary>
/// <remarks>
/// Only what the statistics read is kept (outcomes, errors, model calls, tokens, pairwise choices and lengths, cascade
/// tiers and guarantee): rationales and raw answers are in the line's checks.
/// </remarks>
internal static class RowJudgements
{
    /// <summary>The results line's form of <paramref name="verdicts"/>.</summary>
    public static JudgementResult[] ToResults(IEnumerable<PanelVerdict> verdicts) => verdicts.Select(v => new JudgementResult(
        v.Panel,
        v.Verdicts.Select(ToResult).ToArray(),
        v.JudgesSkipped == 0 ? null : v.JudgesSkipped)).ToArray();

    /// <summary>The panel verdicts a results line's judgements stand for, as <see cref="JudgeStatistics.Record(PanelVerdict)"/> counts them.</summary>
    public static IEnumerable<PanelVerdict> FromResults(IEnumerable<JudgementResult> judgements) => judgements.Select(j =>
    {
        Verdict[] verdicts = j.Verdicts.Select(FromResult).ToArray();

        // The panel's own outcome is not counted by the statistics (the row's checks keep it).
        return new PanelVerdict(j.Panel, VerdictOutcome.Inconclusive, null, string.Empty, verdicts) { JudgesSkipped = j.JudgesSkipped ?? 0 };
    });

    private static JudgementVerdict ToResult(Verdict v) => new(
        v.Judge,
        Name(v.Outcome),
        v.Errored ? true : null,
        v.ModelCalls == 0 ? null : v.ModelCalls,
        v.Usage?.InputTokenCount,
        v.Usage?.OutputTokenCount,
        v.Pairwise is { } p ? new JudgementPairwise(Name(p.CandidateFirst), Name(p.ReferenceFirst), p.CandidateLength, p.ReferenceLength) : null,
        v.Cascade is { } c
            ? new JudgementCascade(
                c.Steps.Select(s => new JudgementCascadeTier(s.Tier, s.Decided, s.ModelCalls)).ToArray(),
                c.DecidedBy,
                c.Contested,
                c.Guarantee?.Target,
                c.Guarantee?.Risk,
                c.Guarantee?.CalibrationItems,
                c.NoGuaranteeReason)
            : null);

    private static Verdict FromResult(JudgementVerdict v)
    {
        VerdictOutcome outcome = Parse<VerdictOutcome>(v.Outcome, VerdictOutcome.Inconclusive);
        return new Verdict(v.Judge, outcome, null, string.Empty)
        {
            Errored = v.Errored == true,
            ModelCalls = v.ModelCalls ?? 0,
            Usage = v.InputTokens is null && v.OutputTokens is null ? null : new UsageDetails { InputTokenCount = v.InputTokens, OutputTokenCount = v.OutputTokens },
            Pairwise = v.Pairwise is { } p
                ? new PairwiseComparison(Parse(p.CandidateFirst, PairwiseChoice.None), Parse(p.ReferenceFirst, PairwiseChoice.None), p.CandidateLength, p.ReferenceLength)
                : null,
            Cascade = v.Cascade is { } c
                ? new CascadeTrail(
                    c.Tiers.Select(t => new CascadeStep(
                        t.Tier,
                        Array.Empty<CascadeVote>(),

                        // A step's model calls are its verdicts' (CascadeStep.ModelCalls): one verdict stands for them.
                        t.ModelCalls == 0 ? Array.Empty<Verdict>() : [new Verdict(t.Tier, VerdictOutcome.Inconclusive, null, string.Empty) { ModelCalls = t.ModelCalls }],
                        VerdictOutcome.Inconclusive,
                        0,
                        null,
                        t.Decided)).ToArray(),
                    c.DecidedBy,
                    c.Contested,
                    c.GuaranteeTarget is double target && c.GuaranteeRisk is double risk ? new CascadeGuarantee(target, risk, c.CalibrationItems ?? 0) : null,
                    c.NoGuaranteeReason)
                : null,
        };
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static T Parse<T>(string? text, T otherwise)
        where T : struct, Enum => Enum.TryParse(text, ignoreCase: true, out T value) && Enum.IsDefined(value) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? value : otherwise;
}
