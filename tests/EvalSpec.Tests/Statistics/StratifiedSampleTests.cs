using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using EvalSpec.Statistics;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Statistics;

public sealed class StratifiedSampleTests
{
    [Fact]
    public void The_same_rows_and_budget_always_give_the_same_sample()
    {
        (string, string)[] rows = Rows(("A", 40), ("B", 25), ("C", 7));

        StratifiedSample.Select(rows, 15).RowIds.Should().Equal(StratifiedSample.Select(rows, 15).RowIds);
    }

    [Fact]
    public void The_order_the_rows_are_given_in_does_not_change_the_sample()
    {
        (string, string)[] rows = Rows(("A", 40), ("B", 25), ("C", 7));
        (string, string)[] shuffled = rows.Reverse().ToArray();

        StratifiedSample.Select(shuffled, 15).RowIds.Should().Equal(StratifiedSample.Select(rows, 15).RowIds);
    }

    [Fact]
    public void The_budget_is_allocated_in_proportion_to_stratum_size()
    {
        // N = 100, n = 20: shares 20 × 60/100 = 12, 20 × 30/100 = 6, 20 × 10/100 = 2.
        StratifiedSelection selection = StratifiedSample.Select(Rows(("A", 60), ("B", 30), ("C", 10)), 20);

        selection.Strata.Should().Equal(
            new StratumAllocation("A", 60, 12),
            new StratumAllocation("B", 30, 6),
            new StratumAllocation("C", 10, 2));
        selection.RowIds.Should().HaveCount(20);
    }

    [Fact]
    public void Fractional_shares_are_rounded_to_within_one_row_and_use_the_whole_budget()
    {
        // N = 15, n = 10: shares 10 × 7/15 = 4.67, 10 × 5/15 = 3.33, 10 × 3/15 = 2 → 5, 3, 2.
        StratifiedSelection selection = StratifiedSample.Select(Rows(("A", 7), ("B", 5), ("C", 3)), 10);

        selection.Strata.Select(s => s.Sampled).Should().Equal(5, 3, 2);
    }

    [Fact]
    public void Every_stratum_gets_a_row_when_the_budget_allows_even_if_its_share_is_below_one()
    {
        // N = 104, n = 10: the four one-row strata have shares of 0.096 each but get their row; A gets the other 6.
        StratifiedSelection selection = StratifiedSample.Select(Rows(("A", 100), ("B", 1), ("C", 1), ("D", 1), ("E", 1)), 10);

        selection.Strata.Select(s => s.Sampled).Should().Equal(6, 1, 1, 1, 1);
    }

    [Fact]
    public void A_budget_smaller_than_the_number_of_strata_covers_the_largest_strata_with_one_row_each()
    {
        StratifiedSelection selection = StratifiedSample.Select(Rows(("A", 10), ("B", 50), ("C", 30), ("D", 40), ("E", 20)), 3);

        selection.Strata.Where(s => s.Sampled == 1).Select(s => s.Stratum).Should().BeEquivalentTo("B", "C", "D");
        selection.Strata.Where(s => s.Sampled == 0).Select(s => s.Stratum).Should().BeEquivalentTo("A", "E");
    }

    [Fact]
    public void A_budget_of_at_least_the_number_of_rows_selects_every_row()
    {
        (string, string)[] rows = Rows(("A", 4), ("B", 3));

        StratifiedSample.Select(rows, 50).RowIds.Should().BeEquivalentTo(rows.Select(r => r.Item1));
    }

    [Fact]
    public void A_zero_budget_selects_nothing()
    {
        StratifiedSample.Select(Rows(("A", 4)), 0).RowIds.Should().BeEmpty();
    }

    [Fact]
    public void Rows_within_a_stratum_are_taken_in_order_of_the_SHA256_of_sample_slash_row_id()
    {
        (string, string)[] rows = Rows(("A", 30));
        string[] expected = rows
            .Select(r => r.Item1)
            .OrderBy(id => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("sample/" + id))), StringComparer.Ordinal)
            .Take(5)
            .ToArray();

        StratifiedSample.Select(rows, 5).RowIds.Should().Equal(expected);
    }

    [Fact]
    public void Adding_a_row_to_another_stratum_does_not_change_the_rows_selected_from_this_one()
    {
        // Before: N = 40, n = 10 → A 5, B 5. After adding one B row: N = 41, shares 4.88 and 5.12 → A still 5.
        StratifiedSelection before = StratifiedSample.Select(Rows(("A", 20), ("B", 20)), 10);
        StratifiedSelection after = StratifiedSample.Select(Rows(("A", 20), ("B", 21)), 10);

        after.RowIds.Where(id => id.StartsWith("A/", StringComparison.Ordinal))
            .Should().Equal(before.RowIds.Where(id => id.StartsWith("A/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_smaller_share_for_a_stratum_keeps_a_prefix_of_its_rows()
    {
        // Growing B from 10 to 30 rows moves A's share from 10 × 10/20 = 5 to 10 × 10/40 = 2.5 → 3 (or 2); the rows A keeps are
        // the first ones it had, not a reshuffle.
        List<string> before = StratifiedSample.Select(Rows(("A", 10), ("B", 10)), 10).RowIds.Where(id => id.StartsWith("A/", StringComparison.Ordinal)).ToList();
        List<string> after = StratifiedSample.Select(Rows(("A", 10), ("B", 30)), 10).RowIds.Where(id => id.StartsWith("A/", StringComparison.Ordinal)).ToList();

        after.Should().HaveCountLessThan(before.Count);
        before.Take(after.Count).Should().Equal(after);
    }

    [Fact]
    public void The_selection_knows_which_rows_it_contains()
    {
        StratifiedSelection selection = StratifiedSample.Select(Rows(("A", 10)), 3);

        selection.RowIds.Should().OnlyContain(id => selection.Contains(id));
        Enumerable.Range(0, 10).Select(i => "A/" + i).Count(selection.Contains).Should().Be(3);
    }

    [Fact]
    public void A_row_id_that_appears_twice_is_rejected()
    {
        FluentActions.Invoking(() => StratifiedSample.Select(new[] { ("r1", "A"), ("r1", "B") }, 1))
            .Should().Throw<ArgumentException>().WithMessage("*'r1'*more than once*");
    }

    [Fact]
    public void A_negative_budget_is_rejected()
    {
        FluentActions.Invoking(() => StratifiedSample.Select(Rows(("A", 2)), -1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Rows "S/0" … "S/(count−1)" in stratum S, for each (S, count).</summary>
    private static (string RowId, string Stratum)[] Rows(params (string Stratum, int Count)[] strata) =>
        strata.SelectMany(s => Enumerable.Range(0, s.Count).Select(i => (s.Stratum + "/" + i, s.Stratum))).ToArray();
}
