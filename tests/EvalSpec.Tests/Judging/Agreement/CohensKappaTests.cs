using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Agreement;

public sealed class CohensKappaTests
{
    // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals, two readers A and B.
    //             B yes   B no
    //   A yes       20      5
    //   A no        10     15
    // p_o = 35/50 = 0.70, p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.50, κ = 0.4.
    private static readonly int[,] GrantProposals = { { 20, 5 }, { 10, 15 } };

    [Fact]
    public void The_Wikipedia_grant_proposal_example_has_kappa_0_4()
    {
        CohensKappa.FromTable(GrantProposals).Should().BeApproximately(0.4, 1e-12);
    }

    [Fact]
    public void Paired_ratings_give_the_same_kappa_as_their_contingency_table()
    {
        IEnumerable<(string, string)> ratings = Repeat(("yes", "yes"), 20).Concat(Repeat(("yes", "no"), 5)).Concat(Repeat(("no", "yes"), 10)).Concat(Repeat(("no", "no"), 15));

        CohensKappa.Compute(ratings).Should().BeApproximately(0.4, 1e-12);
    }

    [Fact]
    public void The_scikit_learn_cohen_kappa_score_example_has_kappa_0_6875()
    {
        // sklearn.metrics.cohen_kappa_score docstring: y1, y2 below give 0.6875.
        string[] y1 = { "negative", "positive", "negative", "neutral", "positive" };
        string[] y2 = { "negative", "positive", "negative", "neutral", "negative" };

        CohensKappa.Compute(y1.Zip(y2)).Should().BeApproximately(0.6875, 1e-12);
    }

    [Fact]
    public void Kappa_does_not_depend_on_which_rater_is_first()
    {
        int[,] swapped = { { 20, 10 }, { 5, 15 } };

        CohensKappa.FromTable(swapped).Should().BeApproximately(CohensKappa.FromTable(GrantProposals)!.Value, 1e-12);
    }

    [Fact]
    public void Raters_that_always_agree_and_use_more_than_one_category_have_kappa_one()
    {
        CohensKappa.FromTable(new[,] { { 7, 0 }, { 0, 3 } }).Should().Be(1.0);
    }

    [Fact]
    public void Raters_that_always_disagree_on_two_balanced_categories_have_kappa_minus_one()
    {
        CohensKappa.FromTable(new[,] { { 0, 5 }, { 5, 0 } }).Should().Be(-1.0);
    }

    [Fact]
    public void Kappa_is_undefined_when_both_raters_use_a_single_category()
    {
        CohensKappa.Compute(Repeat(("pass", "pass"), 10)).Should().BeNull();
    }

    [Fact]
    public void Kappa_is_undefined_with_fewer_than_two_items()
    {
        CohensKappa.Compute(new[] { ("pass", "fail") }).Should().BeNull();
        CohensKappa.Compute(Array.Empty<(string, string)>()).Should().BeNull();
    }

    [Fact]
    public void A_contingency_table_must_be_square()
    {
        FluentActions.Invoking(() => CohensKappa.FromTable(new int[2, 3])).Should().Throw<ArgumentException>().WithMessage("*square*");
    }

    [Fact]
    public void A_contingency_table_cannot_have_negative_counts()
    {
        FluentActions.Invoking(() => CohensKappa.FromTable(new[,] { { 1, -1 }, { 0, 2 } })).Should().Throw<ArgumentException>().WithMessage("*negative*");
    }

    private static IEnumerable<T> Repeat<T>(T value, int count) => Enumerable.Repeat(value, count);
}
