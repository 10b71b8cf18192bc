using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Statistics;

namespace EvalSpec.Reporting;

/// <summary>
/// Robustness and multi-prompt metrics of a run, per eval method, computed from its judged rows for
/// <c>summary.json</c> and the console summary.
/// </summary>
internal static class SuiteMetrics
{
    /// <summary>Robustness per method and relation: attack success rates over the relation rows (see <see cref="RobustnessMetrics"/>).</summary>
    public static IReadOnlyList<MethodRobustness> Robustness(IEnumerable<JudgedRow> rows) => Robustness(rows.Select(MetricRow.Of));

    /// <inheritdoc cref="Robustness(IEnumerable{JudgedRow})"/>
    public static IReadOnlyList<MethodRobustness> Robustness(IEnumerable<MetricRow> rows) =>
        rows.Where(r => r.RelationKey is not null)
            .GroupBy(r => r.MethodId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(method => new MethodRobustness(
                method.Key,
                Measure("all relations", null, method),
                method.GroupBy(r => r.RelationKey!, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(relation => Measure(relation.Key, relation.First().RelationKind, relation))
                    .ToArray()))
            .ToArray();

    /// <summary>
    /// Multi-prompt metrics per method with two or more prompt variants (see <see cref="MultiPromptMetrics"/>), over the
    /// cases whose identity rows were decided (passed or failed) under every variant; an inconclusive, skipped or
    /// unsampled row leaves its case out, and the counts say so. Rows count by <see cref="JudgedRow.MetricOutcome"/>,
    /// as in <see cref="Robustness(IEnumerable{JudgedRow})"/>: a snapshot check does not make a variant fail.
    /// </summary>
    public static IReadOnlyList<MethodMultiPrompt> MultiPrompt(IEnumerable<JudgedRow> rows)
    {
        JudgedRow[] all = rows.ToArray();
        var methods = new Dictionary<string, EvalMethodDescriptor>(StringComparer.Ordinal);
        foreach (JudgedRow row in all)
        {
            methods.TryAdd(row.Method.Id, row.Method);
        }

        return MultiPrompt(all.Select(MetricRow.Of), id => new MethodShape(methods[id].Variants.Select(v => v.Key).ToArray(), methods[id].Cases.Select(c => c.Id).ToArray()));
    }

    /// <summary>
    /// <inheritdoc cref="MultiPrompt(IEnumerable{JudgedRow})"/> The prompt variants and cases of each method come from
    /// <paramref name="shapeOf"/> (the generated descriptors in a run; the shards' summaries in <c>evalspec merge</c>).
    /// </summary>
    public static IReadOnlyList<MethodMultiPrompt> MultiPrompt(IEnumerable<MetricRow> rows, Func<string, MethodShape> shapeOf)
    {
        ArgumentNullException.ThrowIfNull(shapeOf);
        return rows.Where(r => r.RelationKey is null && !r.NotApplicable)
            .GroupBy(r => r.MethodId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(method => MultiPromptOf(method.Key, shapeOf(method.Key), method.ToArray()))
            .Where(m => m is not null)
            .Select(m => m!)
            .ToArray();
    }

    private static RelationRobustness Measure(string relation, RelationKind? kind, IEnumerable<MetricRow> rows)
    {
        MetricRow[] all = rows.ToArray();
        // The metric outcome: a missing or changed snapshot is not a violated relation.
        MetricRow[] decided = all.Where(r => !r.NotApplicable && r.MetricOutcome != VerdictOutcome.Inconclusive).ToArray();
        AttackSuccess success = RobustnessMetrics.Compute(decided.Select(r => new PerturbationOutcome(Applicable: true, Violated: r.MetricOutcome == VerdictOutcome.Fail)));

        // Weighing by kept meaning is for perturbations that should not change the answer: invariant rows only.
        AttackSuccess weighted = RobustnessMetrics.Compute(decided
            .Where(r => r.RelationKind == RelationKind.Invariant)
            .Select(r => new PerturbationOutcome(Applicable: true, Violated: r.MetricOutcome == VerdictOutcome.Fail, MeaningPreservation: r.InputSimilarity ?? 1.0)));
        return new RelationRobustness(
            relation,
            kind,
            all.Length,
            all.Count(r => r.NotApplicable),
            all.Count(r => !r.NotApplicable && r.MetricOutcome == VerdictOutcome.Inconclusive),
            success,
            weighted.WeightedRate);
    }

    private static MethodMultiPrompt? MultiPromptOf(string methodId, MethodShape method, MetricRow[] identityRows)
    {
        IReadOnlyList<string> variants = method.Variants;
        if (variants.Count < 2)
        {
            return null;
        }

        Dictionary<(string Case, string Variant), VerdictOutcome> outcomes = identityRows.ToDictionary(r => (r.CaseId, r.VariantKey), r => r.MetricOutcome);
        var cases = new List<string>();
        var caseMetrics = new List<CaseMultiPrompt>();
        foreach (string caseId in method.Cases)
        {
            VerdictOutcome[] perVariant = variants.Select(v => outcomes.TryGetValue((caseId, v), out VerdictOutcome o) ? o : VerdictOutcome.Inconclusive).ToArray();
            if (perVariant.Any(o => o == VerdictOutcome.Inconclusive))
            {
                continue;
            }

            cases.Add(caseId);
            double[] scores = perVariant.Select(o => o == VerdictOutcome.Pass ? 1.0 : 0.0).ToArray();
            caseMetrics.Add(new CaseMultiPrompt(caseId, variants.Where((_, v) => scores[v] == 1.0).ToArray(), MultiPromptMetrics.FromVariantPerformance(scores)));
        }

        if (cases.Count == 0)
        {
            return new MethodMultiPrompt(methodId, variants, 0, method.Cases.Count, null, Array.Empty<CaseMultiPrompt>());
        }

        double[][] matrix = variants.Select(v => cases.Select(c => outcomes[(c, v)] == VerdictOutcome.Pass ? 1.0 : 0.0).ToArray()).ToArray();
        MultiPromptScores overall = MultiPromptMetrics.Compute(matrix);
        return new MethodMultiPrompt(methodId, variants, cases.Count, method.Cases.Count, overall, caseMetrics);
    }

    /// <summary>The console lines: per method, its multi-prompt scores and its least robust relation.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<MethodRobustness> robustness, IReadOnlyList<MethodMultiPrompt> multiPrompt, string similarityMeasure)
    {
        foreach (MethodMultiPrompt m in multiPrompt.Where(m => m.Scores is not null))
        {
            MultiPromptScores s = m.Scores!;
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"{Short(m.Method)}: {m.Variants.Count} prompt variants over {m.CasesUsed} case(s): MaxP {s.MaxP:0.00}, AvgP {s.AvgP:0.00}, saturation {s.Saturation:0.00}, CPS {s.Cps:0.00}; {m.PerCase.Count(c => c.PassingVariants.Count > 0 && c.PassingVariants.Count < m.Variants.Count)} case(s) pass under some wordings only");
        }

        foreach (MethodRobustness m in robustness)
        {
            if (m.Overall.Success.ApplicableRows == 0)
            {
                continue;
            }

            RelationRobustness? worst = m.Relations.Where(r => r.Success.ViolatedRows > 0).OrderByDescending(r => r.Success.Rate).ThenBy(r => r.Relation, StringComparer.Ordinal).FirstOrDefault();
            string least = worst is null ? "no relation violated" : $"least robust: {worst.Relation} {worst.Success.ViolatedRows}/{worst.Success.ApplicableRows}";
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"{Short(m.Method)}: relations violated on {m.Overall.Success.ViolatedRows}/{m.Overall.Success.ApplicableRows} judged rows (ASR {m.Overall.Success.Rate:0.00}{Weighted(m.Overall.WeightedRate, similarityMeasure)}); {least}");
        }
    }

    private static string Weighted(double? rate, string measure) =>
        rate is double r ? string.Create(CultureInfo.InvariantCulture, $"; invariant rows weighted by {measure}: {r:0.00}") : string.Empty;

    /// <summary>Class.Method without the namespace.</summary>
    private static string Short(string methodId)
    {
        int method = methodId.LastIndexOf('.');
        int type = method <= 0 ? -1 : methodId.LastIndexOf('.', method - 1);
        return type < 0 ? methodId : methodId[(type + 1)..];
    }
}

/// <summary>Robustness of one eval method: over all its relations and per relation.</summary>
internal sealed record MethodRobustness(string Method, RelationRobustness Overall, IReadOnlyList<RelationRobustness> Relations);

/// <summary>Robustness to one relation (or to all of a method's relations).</summary>
/// <param name="Relation">The relation key.</param>
/// <param name="Kind">Invariant or directional; null for "all relations".</param>
/// <param name="Rows">Relation rows that ran.</param>
/// <param name="NotApplicable">Rows where the relation did not change the input.</param>
/// <param name="Inconclusive">Rows that could not be decided (left out of the rates).</param>
/// <param name="Success">Violated / judged rows.</param>
/// <param name="WeightedRate">The attack success rate of the judged invariant rows, each weighted by its input similarity (null without such rows).</param>
internal sealed record RelationRobustness(string Relation, RelationKind? Kind, int Rows, int NotApplicable, int Inconclusive, AttackSuccess Success, double? WeightedRate);

/// <summary>Multi-prompt metrics of one eval method.</summary>
/// <param name="Method">The method id.</param>
/// <param name="Variants">The prompt variant keys.</param>
/// <param name="CasesUsed">Cases decided under every variant.</param>
/// <param name="Cases">All the method's cases.</param>
/// <param name="Scores">MaxP, AvgP, saturation and CPS over the cases used (null when none).</param>
/// <param name="PerCase">Per case: which variants passed, and the same metrics over that one case.</param>
internal sealed record MethodMultiPrompt(string Method, IReadOnlyList<string> Variants, int CasesUsed, int Cases, MultiPromptScores? Scores, IReadOnlyList<CaseMultiPrompt> PerCase);

/// <summary>Multi-prompt metrics of one case: its identity rows under each variant.</summary>
internal sealed record CaseMultiPrompt(string Case, IReadOnlyList<string> PassingVariants, MultiPromptScores Scores);

/// <summary>The prompt variant keys and case ids of an eval method, in declaration order: what the multi-prompt metrics range over.</summary>
internal sealed record MethodShape(IReadOnlyList<string> Variants, IReadOnlyList<string> Cases);

/// <summary>What the robustness and multi-prompt metrics read of a row, from a run's memory or from its results.jsonl.</summary>
/// <param name="MethodId">The method id.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="VariantKey">The prompt variant key.</param>
/// <param name="RelationKey">The relation key, or null for the identity row.</param>
/// <param name="RelationKind">The relation's kind, or null for the identity row.</param>
/// <param name="MetricOutcome">The outcome the metrics count (<see cref="JudgedRow.MetricOutcome"/>).</param>
/// <param name="NotApplicable">The relation did not change the input.</param>
/// <param name="InputSimilarity">For a relation row: how much of the input's meaning the follow-up input kept.</param>
internal sealed record MetricRow(string MethodId, string CaseId, string VariantKey, string? RelationKey, RelationKind? RelationKind, VerdictOutcome MetricOutcome, bool NotApplicable, double? InputSimilarity)
{
    /// <summary>The metrics' view of a row judged in this run.</summary>
    public static MetricRow Of(JudgedRow row) =>
        new(row.Method.Id, row.CaseId, row.VariantKey, row.Relation?.Key, row.Relation?.Kind, row.MetricOutcome, row.NotApplicable, row.InputSimilarity);
}
