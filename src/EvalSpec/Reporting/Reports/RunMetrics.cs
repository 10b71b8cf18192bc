using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Statistics;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// What a run says per eval method, per prompt variant and per relation, computed from its rows (and, for the
/// multi-prompt metrics, from its summary, which knows every case the method declares). Shared by the reports, the
/// baseline and the gate so they never disagree.
/// </summary>
internal sealed class RunMetrics
{
    private RunMetrics(
        IReadOnlyList<MethodStatistics> methods,
        IReadOnlyList<VariantStatistics> variants,
        IReadOnlyList<RelationStatistics> relations,
        IReadOnlyList<MultiPromptStatistics> multiPrompt)
    {
        Methods = methods;
        Variants = variants;
        Relations = relations;
        MultiPrompt = multiPrompt;
    }

    /// <summary>Per method, sorted by method id.</summary>
    public IReadOnlyList<MethodStatistics> Methods { get; }

    /// <summary>Per method and prompt variant (identity rows), in the method's variant order.</summary>
    public IReadOnlyList<VariantStatistics> Variants { get; }

    /// <summary>Per method: all its relations (<see cref="RelationStatistics.Relation"/> null) first, then each relation by key.</summary>
    public IReadOnlyList<RelationStatistics> Relations { get; }

    /// <summary>Per method with two or more prompt variants.</summary>
    public IReadOnlyList<MultiPromptStatistics> MultiPrompt { get; }

    public static RunMetrics Compute(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        IGrouping<string, RunRow>[] byMethod = run.Rows.GroupBy(r => r.MethodId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var methods = new List<MethodStatistics>();
        var variants = new List<VariantStatistics>();
        var relations = new List<RelationStatistics>();
        var multiPrompt = new List<MultiPromptStatistics>();
        foreach (IGrouping<string, RunRow> method in byMethod)
        {
            RunRow[] rows = method.ToArray();
            RunRow[] judged = rows.Where(r => r.IsJudged).ToArray();
            methods.Add(new MethodStatistics(
                method.Key,
                rows.Length,
                judged.Length,
                judged.Count(r => r.Outcome == VerdictOutcome.Pass),
                judged.Count(r => r.Outcome == VerdictOutcome.Fail),
                judged.Count(r => r.Outcome == VerdictOutcome.Inconclusive),
                rows.Length - judged.Length,
                judged.Count(r => r.KnownFailure),
                MeanScore(judged)));

            RunSummaryFile.MultiPromptSection? summary = run.Summary?.MultiPrompt?.GetValueOrDefault(method.Key);
            RunRow[] identity = judged.Where(r => r.IsIdentity).ToArray();
            string[] variantOrder = VariantOrder(summary, rows);
            foreach (string variant in variantOrder)
            {
                RunRow[] under = identity.Where(r => r.Variant == variant).ToArray();
                if (under.Length > 0)
                {
                    variants.Add(new VariantStatistics(method.Key, variant, under.Length, under.Count(r => r.Outcome == VerdictOutcome.Pass), under.Count(r => r.Outcome == VerdictOutcome.Inconclusive), MeanScore(under)));
                }
            }

            RunRow[] relationRows = rows.Where(r => !r.IsIdentity).ToArray();
            if (relationRows.Length > 0)
            {
                relations.Add(Robustness(method.Key, null, null, relationRows));
                foreach (IGrouping<string, RunRow> relation in relationRows.GroupBy(r => r.Relation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    relations.Add(Robustness(method.Key, relation.Key, relation.First().RelationKind, relation.ToArray()));
                }
            }

            if (summary is not null ? summary.Variants is { Count: >= 2 } : variantOrder.Length >= 2)
            {
                multiPrompt.Add(summary is not null ? FromSummary(method.Key, summary) : FromRows(method.Key, variantOrder, identity, rows));
            }
        }

        return new RunMetrics(methods, variants, relations, multiPrompt);
    }

    /// <summary>The mean of the rows' scores, or null when none has one.</summary>
    public static double? MeanScore(IEnumerable<RunRow> rows)
    {
        double[] scores = rows.Select(r => r.Score).OfType<double>().ToArray();
        return scores.Length == 0 ? null : scores.Average();
    }

    private static string[] VariantOrder(RunSummaryFile.MultiPromptSection? summary, RunRow[] rows)
    {
        // The declared order when the summary knows it; variants it does not list (a single-variant method) by key.
        var order = new List<string>(summary?.Variants ?? new List<string>());
        order.AddRange(rows.Select(r => r.Variant).Distinct(StringComparer.Ordinal).Where(v => !order.Contains(v)).Order(StringComparer.Ordinal));
        return order.ToArray();
    }

    private static RelationStatistics Robustness(string methodId, string? relation, string? kind, RunRow[] rows)
    {
        // As in the run summary: rows count by their metric outcome (a missing or changed snapshot is no violation).
        RunRow[] decided = rows.Where(r => r.IsJudged && r.MetricOutcome != VerdictOutcome.Inconclusive).ToArray();
        AttackSuccess plain = RobustnessMetrics.Compute(decided.Select(r => new PerturbationOutcome(Applicable: true, Violated: r.MetricOutcome == VerdictOutcome.Fail)));

        // As in the run summary: weighing by kept meaning is for perturbations that should not change the answer.
        AttackSuccess weighted = RobustnessMetrics.Compute(decided
            .Where(r => r.RelationKind == "invariant")
            .Select(r => new PerturbationOutcome(Applicable: true, Violated: r.MetricOutcome == VerdictOutcome.Fail, MeaningPreservation: Math.Clamp(r.InputSimilarity ?? 1.0, 0, 1))));
        return new RelationStatistics(
            methodId,
            relation,
            kind,
            rows.Length,
            rows.Count(r => !r.IsJudged),
            rows.Count(r => r.IsJudged && r.MetricOutcome == VerdictOutcome.Inconclusive),
            decided.Length,
            plain.ViolatedRows,
            plain.Rate,
            weighted.WeightedRate);
    }

    private static MultiPromptStatistics FromSummary(string methodId, RunSummaryFile.MultiPromptSection summary)
    {
        IReadOnlyList<string> variants = summary.Variants ?? new List<string>();
        string[] partly = (summary.PerCase ?? new Dictionary<string, RunSummaryFile.CaseSection>())
            .Where(c => c.Value.PassingVariants is { Count: > 0 } passing && passing.Count < variants.Count)
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new MultiPromptStatistics(methodId, variants, summary.CasesUsed, summary.Cases, summary.VariantPassRate, summary.MaxP, summary.AvgP, summary.Saturation, summary.Cps, partly);
    }

    /// <summary>Without a summary: over the cases whose identity rows were decided under every variant seen in the run.</summary>
    private static MultiPromptStatistics FromRows(string methodId, string[] variants, RunRow[] identity, RunRow[] allRows)
    {
        Dictionary<(string Case, string Variant), VerdictOutcome> outcomes = identity.ToDictionary(r => (r.Case, r.Variant), r => r.MetricOutcome);
        string[] allCases = allRows.Select(r => r.Case).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string[] used = allCases
            .Where(c => variants.All(v => outcomes.TryGetValue((c, v), out VerdictOutcome o) && o != VerdictOutcome.Inconclusive))
            .ToArray();
        if (used.Length == 0)
        {
            return new MultiPromptStatistics(methodId, variants, 0, allCases.Length, null, null, null, null, null, Array.Empty<string>());
        }

        double[][] matrix = variants.Select(v => used.Select(c => outcomes[(c, v)] == VerdictOutcome.Pass ? 1.0 : 0.0).ToArray()).ToArray();
        MultiPromptScores scores = MultiPromptMetrics.Compute(matrix);
        string[] partly = used.Where(c =>
        {
            int passing = variants.Count(v => outcomes[(c, v)] == VerdictOutcome.Pass);
            return passing > 0 && passing < variants.Length;
        }).ToArray();
        return new MultiPromptStatistics(
            methodId,
            variants,
            used.Length,
            allCases.Length,
            variants.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => scores.VariantPerformance[p.i], StringComparer.Ordinal),
            scores.MaxP,
            scores.AvgP,
            scores.Saturation,
            scores.Cps,
            partly);
    }
}
