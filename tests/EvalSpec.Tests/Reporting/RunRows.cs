using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Tests.Reporting;

/// <summary>Builds run rows and baselines in memory for the gate, baseline and report tests.</summary>
internal static class RunRows
{
    public const string Suite = "Shop.RefundEvals";

    /// <summary>A row of <c>Shop.RefundEvals.{method}</c> with one scored check (the score defaults to 1 for a pass, 0 otherwise).</summary>
    public static RunRow Row(string method, string @case, string variant, VerdictOutcome outcome, string relation = RunRow.IdentityRelation, double? score = null, string? kind = null, bool applicable = true)
    {
        double checkScore = score ?? (outcome == VerdictOutcome.Pass ? 1 : 0);
        return new RunRow
        {
            RowId = $"{Suite}.{method}/{@case}/{variant}/{relation}",
            Suite = Suite,
            Method = method,
            Case = @case,
            Variant = variant,
            Relation = relation,
            RelationKind = relation == RunRow.IdentityRelation ? null : kind ?? "invariant",
            Outcome = outcome,
            Applicable = applicable,
            Reason = outcome == VerdictOutcome.Pass ? null : "failed check(s): expected-answer",
            Checks = applicable
                ? [new RunCheck("expected-answer", outcome, checkScore, outcome == VerdictOutcome.Pass ? "contains the answer" : "does not contain the answer", [])]
                : [],
        };
    }

    /// <summary><paramref name="count"/> identity rows of one method (cases c00, c01, ...), all with the same outcome.</summary>
    public static IEnumerable<RunRow> Many(string method, int count, VerdictOutcome outcome, int firstCase = 0, double? score = null) =>
        Enumerable.Range(firstCase, count).Select(i => Row(method, $"c{i:00}", "formal", outcome, score: score));

    public static RunData Run(IEnumerable<RunRow> rows, string directory = "/runs/run-1") => RunData.From(directory, rows.ToArray());

    /// <summary>Writes a baseline recording <paramref name="rows"/> (as <c>evalspec baseline update</c> would) and loads it.</summary>
    public static Baseline Record(string path, IEnumerable<RunRow> rows)
    {
        Baseline.Empty(path).WriteMerged(
            rows.Where(r => r.IsJudged).Select(r => KeyValuePair.Create(r.RowId, Baseline.Entry(r.Outcome, r.BaselineReason, r.FailureKind, r.Score))),
            Array.Empty<string>(),
            new Dictionary<string, BaselineMethodMetrics?>(),
            replaceAll: false);
        return Baseline.Load(path);
    }

    /// <summary>The rows with the outcome of the rows named by case replaced.</summary>
    public static RunRow[] With(IEnumerable<RunRow> rows, VerdictOutcome outcome, params string[] cases) =>
        rows.Select(r => cases.Contains(r.Case) ? Row(r.Method, r.Case, r.Variant, outcome, r.Relation) : r).ToArray();
}
