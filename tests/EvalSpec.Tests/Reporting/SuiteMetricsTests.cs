using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
using EvalSpec.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public class SuiteMetricsTests
{
    private static readonly RelationDescriptor Typos = new("typos", RelationKind.Invariant, static () => new Typos(), null, 0.5, Change.Differs);
    private static readonly RelationDescriptor Negation = new("negation", RelationKind.Directional, static () => new Lowercase(), null, 0.5, Change.Differs);

    private static readonly EvalMethodDescriptor Method = new(
        typeof(SuiteMetricsTests),
        "Answer",
        rubric: null,
        threshold: 0.5,
        timeoutMilliseconds: 0,
        new[] { "product" },
        new[] { new PromptVariant("formal", "Refund window for {product}?"), new PromptVariant("casual", "{product} refund?"), new PromptVariant("terse", "{product}?") },
        new[] { new EvalCaseDescriptor("laptop", new object?[] { "laptop" }, null), new EvalCaseDescriptor("phone", new object?[] { "phone" }, null), new EvalCaseDescriptor("tv", new object?[] { "tv" }, null) },
        new[] { Typos, Negation },
        static (_, _, _) => new ValueTask<object?>((object?)null));

    private static JudgedRow Row(string caseId, string variant, RelationDescriptor? relation, VerdictOutcome outcome, bool notApplicable = false, double? similarity = null) =>
        new($"{Method.Id}/{caseId}/{variant}/{relation?.Key ?? "identity"}", Method, caseId, variant, relation, outcome, notApplicable, similarity);

    [Fact]
    public void Attack_success_counts_violated_over_judged_rows_and_weighs_invariant_rows_by_input_similarity()
    {
        JudgedRow[] rows =
        {
            Row("laptop", "formal", Typos, VerdictOutcome.Fail, similarity: 0.8),
            Row("phone", "formal", Typos, VerdictOutcome.Pass, similarity: 0.4),
            Row("tv", "formal", Typos, VerdictOutcome.Fail, similarity: 0.2),
            Row("laptop", "casual", Typos, VerdictOutcome.Inconclusive, similarity: 0.9),
            Row("phone", "casual", Typos, VerdictOutcome.Inconclusive, notApplicable: true),
            Row("laptop", "formal", Negation, VerdictOutcome.Pass),
        };

        MethodRobustness method = SuiteMetrics.Robustness(rows).Single();

        RelationRobustness typos = method.Relations.Single(r => r.Relation == "typos");
        typos.Rows.Should().Be(5);
        typos.NotApplicable.Should().Be(1);
        typos.Inconclusive.Should().Be(1);
        typos.Success.ApplicableRows.Should().Be(3);
        typos.Success.ViolatedRows.Should().Be(2);
        typos.Success.Rate.Should().BeApproximately(2.0 / 3, 1e-12);
        typos.WeightedRate.Should().BeApproximately((0.8 + 0.2) / (0.8 + 0.4 + 0.2), 1e-12);

        // Directional rows change the meaning on purpose: they count in the plain rate, not in the weighted one.
        method.Overall.Success.Rate.Should().BeApproximately(2.0 / 4, 1e-12);
        method.Overall.WeightedRate.Should().BeApproximately((0.8 + 0.2) / (0.8 + 0.4 + 0.2), 1e-12);
        method.Relations.Single(r => r.Relation == "negation").WeightedRate.Should().BeNull();
        method.Relations.Select(r => r.Relation).Should().Equal("negation", "typos");
    }

    [Fact]
    public void Multi_prompt_metrics_use_the_cases_decided_under_every_variant()
    {
        JudgedRow[] rows =
        {
            Row("laptop", "formal", null, VerdictOutcome.Pass), Row("laptop", "casual", null, VerdictOutcome.Pass), Row("laptop", "terse", null, VerdictOutcome.Fail),
            Row("phone", "formal", null, VerdictOutcome.Pass), Row("phone", "casual", null, VerdictOutcome.Fail), Row("phone", "terse", null, VerdictOutcome.Fail),
            Row("tv", "formal", null, VerdictOutcome.Pass), Row("tv", "casual", null, VerdictOutcome.Inconclusive), Row("tv", "terse", null, VerdictOutcome.Pass),
            Row("laptop", "formal", Typos, VerdictOutcome.Fail, similarity: 1),
        };

        MethodMultiPrompt metrics = SuiteMetrics.MultiPrompt(rows).Single();

        metrics.CasesUsed.Should().Be(2, "tv was inconclusive under one variant");
        metrics.Cases.Should().Be(3);
        // P_formal = 1, P_casual = 0.5, P_terse = 0: MaxP 1, AvgP 0.5, saturation 0.5, CPS 0.5.
        metrics.Scores!.VariantPerformance.Should().Equal(1.0, 0.5, 0.0);
        metrics.Scores.MaxP.Should().Be(1.0);
        metrics.Scores.AvgP.Should().Be(0.5);
        metrics.Scores.Saturation.Should().Be(0.5);
        metrics.Scores.Cps.Should().Be(0.5);
        CaseMultiPrompt laptop = metrics.PerCase.Single(c => c.Case == "laptop");
        laptop.PassingVariants.Should().Equal("formal", "casual");
        laptop.Scores.AvgP.Should().BeApproximately(2.0 / 3, 1e-12);
        laptop.Scores.Cps.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void A_method_with_one_prompt_variant_has_no_multi_prompt_metrics()
    {
        var single = new EvalMethodDescriptor(
            typeof(SuiteMetricsTests), "Single", null, 0.5, 0, Array.Empty<string>(),
            new[] { new PromptVariant("only", "Hello") },
            new[] { new EvalCaseDescriptor("a", Array.Empty<object?>(), null) },
            Array.Empty<RelationDescriptor>(),
            static (_, _, _) => new ValueTask<object?>((object?)null));

        SuiteMetrics.MultiPrompt(new[] { new JudgedRow("x", single, "a", "only", null, VerdictOutcome.Pass, false, null) }).Should().BeEmpty();
    }

    [Fact]
    public void The_console_lines_name_the_scores_and_the_least_robust_relation()
    {
        JudgedRow[] rows =
        {
            Row("laptop", "formal", null, VerdictOutcome.Pass), Row("laptop", "casual", null, VerdictOutcome.Fail), Row("laptop", "terse", null, VerdictOutcome.Pass),
            Row("laptop", "formal", Typos, VerdictOutcome.Fail, similarity: 0.5),
            Row("laptop", "formal", Negation, VerdictOutcome.Pass),
        };

        string[] lines = SuiteMetrics.Describe(SuiteMetrics.Robustness(rows), SuiteMetrics.MultiPrompt(rows), "token-f1").ToArray();

        lines.Should().Equal(
            "SuiteMetricsTests.Answer: 3 prompt variants over 1 case(s): MaxP 1.00, AvgP 0.67, saturation 0.67, CPS 0.67; 1 case(s) pass under some wordings only",
            "SuiteMetricsTests.Answer: relations violated on 1/2 judged rows (ASR 0.50; invariant rows weighted by token-f1: 1.00); least robust: typos 1/1");
    }
}
