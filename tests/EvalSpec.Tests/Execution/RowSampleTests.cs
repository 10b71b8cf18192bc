using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Prompts;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

public class RowSampleTests
{
    private static readonly EvalMethodDescriptor Method = new(
        typeof(RowSampleTests), "Answer", null, 0.5, 0, System.Array.Empty<string>(),
        new[] { new PromptVariant("p", "Hello") },
        new[] { new EvalCaseDescriptor("a", System.Array.Empty<object?>(), null) },
        System.Array.Empty<RelationDescriptor>(),
        static (_, _, _) => new ValueTask<object?>((object?)null));

    private static IEnumerable<(string, string)> Rows(string stratum, int count) =>
        Enumerable.Range(0, count).Select(i => ($"{stratum}/row{i}", stratum));

    [Fact]
    public void The_same_rows_are_selected_whatever_order_the_runner_lists_them_in()
    {
        (string, string)[] rows = Rows("A", 10).Concat(Rows("B", 6)).ToArray();

        RowSample forward = RowSample.Select(rows, 5);
        RowSample backward = RowSample.Select(rows.Reverse(), 5);

        rows.Select(r => r.Item1).Where(forward.Includes).Should().Equal(rows.Select(r => r.Item1).Where(backward.Includes));
        forward.Selected.Should().Be(5);
        forward.Population.Should().Be(16);
    }

    [Fact]
    public void A_test_case_listed_twice_is_one_row_and_unknown_rows_are_judged()
    {
        RowSample sample = RowSample.Select(Rows("A", 3).Concat(Rows("A", 3)), 1);

        sample.Population.Should().Be(3);
        sample.Includes("not/in/the/run").Should().BeTrue();
    }

    [Fact]
    public void The_estimate_speaks_for_applicable_rows_and_weighs_strata_by_their_applicable_size()
    {
        (string, string)[] rows = Rows("A", 4).Concat(Rows("B", 2)).ToArray();
        RowSample sample = RowSample.Select(rows, 6);
        var judged = new Dictionary<string, JudgedRow>
        {
            ["A/row0"] = Judged("A/row0", VerdictOutcome.Pass),
            ["A/row1"] = Judged("A/row1", VerdictOutcome.Fail),
            ["A/row2"] = Judged("A/row2", VerdictOutcome.Inconclusive),
            ["A/row3"] = Judged("A/row3", VerdictOutcome.Inconclusive, notApplicable: true),
            ["B/row0"] = Judged("B/row0", VerdictOutcome.Pass),
            ["B/row1"] = Judged("B/row1", VerdictOutcome.Pass),
        };

        PassRateEstimate estimate = sample.Estimate(judged)!;

        // 3 of A's 4 sampled rows applied: A stands for 4 x 3/4 = 3 applicable rows with p_A = 1/3; B for 2 with p_B = 1.
        estimate.PassRate.Should().BeApproximately((3.0 / 5 * (1.0 / 3)) + (2.0 / 5), 1e-12);
        estimate.Sampled.Should().Be(5);
        estimate.Population.Should().Be(5);
    }

    [Fact]
    public void A_stratum_whose_sampled_rows_all_did_not_apply_contributes_nothing()
    {
        RowSample sample = RowSample.Select(Rows("A", 2).Concat(Rows("B", 2)), 4);
        var judged = new Dictionary<string, JudgedRow>
        {
            ["A/row0"] = Judged("A/row0", VerdictOutcome.Inconclusive, notApplicable: true),
            ["A/row1"] = Judged("A/row1", VerdictOutcome.Inconclusive, notApplicable: true),
            ["B/row0"] = Judged("B/row0", VerdictOutcome.Pass),
            ["B/row1"] = Judged("B/row1", VerdictOutcome.Fail),
        };

        PassRateEstimate estimate = sample.Estimate(judged)!;

        estimate.PassRate.Should().Be(0.5);
        estimate.UnsampledPopulation.Should().Be(0);
    }

    private static JudgedRow Judged(string id, VerdictOutcome outcome, bool notApplicable = false) =>
        new(id, Method, "a", "p", null, outcome, notApplicable, null);
}
