using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Agreement;

public sealed class FleissKappaTests
{
    // Wikipedia, "Fleiss' kappa", worked example: 14 raters put each of 10 subjects into one of 5 categories.
    // Published: p_j = 0.143, 0.200, 0.279, 0.150, 0.229; P̄ = 0.378; P̄_e = 0.213; κ = 0.210.
    private static readonly int[,] WikipediaTable =
    {
        { 0, 0, 0, 0, 14 },
        { 0, 2, 6, 4, 2 },
        { 0, 0, 3, 5, 6 },
        { 0, 3, 9, 2, 0 },
        { 2, 2, 8, 1, 1 },
        { 7, 7, 0, 0, 0 },
        { 3, 2, 6, 3, 0 },
        { 2, 5, 3, 2, 2 },
        { 6, 5, 2, 1, 0 },
        { 0, 2, 2, 3, 7 },
    };

    // Fleiss (1971), Table 1: psychiatric diagnoses of 30 patients, 6 raters each (not the same six), 5 categories
    // (depression, personality disorder, schizophrenia, neurosis, other). Published: κ = 0.430.
    // Transcribed as in the quadagree R package's data_raw/fleiss1971.csv.
    private static readonly int[,] Fleiss1971Table1 =
    {
        { 0, 0, 0, 6, 0 }, { 0, 3, 0, 0, 3 }, { 0, 1, 4, 0, 1 }, { 0, 0, 0, 0, 6 }, { 0, 3, 0, 3, 0 },
        { 2, 0, 4, 0, 0 }, { 0, 0, 4, 0, 2 }, { 2, 0, 3, 1, 0 }, { 2, 0, 0, 4, 0 }, { 0, 0, 0, 0, 6 },
        { 1, 0, 0, 5, 0 }, { 1, 1, 0, 4, 0 }, { 0, 3, 3, 0, 0 }, { 1, 0, 0, 5, 0 }, { 0, 2, 0, 3, 1 },
        { 0, 0, 5, 0, 1 }, { 3, 0, 0, 1, 2 }, { 5, 1, 0, 0, 0 }, { 0, 2, 0, 4, 0 }, { 1, 0, 2, 0, 3 },
        { 0, 0, 0, 0, 6 }, { 0, 1, 0, 5, 0 }, { 0, 2, 0, 1, 3 }, { 2, 0, 0, 4, 0 }, { 1, 0, 0, 4, 1 },
        { 0, 5, 0, 1, 0 }, { 4, 0, 0, 0, 2 }, { 0, 2, 0, 4, 0 }, { 1, 0, 5, 0, 0 }, { 0, 0, 0, 0, 6 },
    };

    [Fact]
    public void The_worked_example_of_Fleiss_1971_has_kappa_0_430()
    {
        FleissKappa.FromCounts(Fleiss1971Table1).Should().BeApproximately(0.430, 0.0005);
    }

    [Fact]
    public void The_Wikipedia_worked_example_has_kappa_0_210()
    {
        FleissKappa.FromCounts(WikipediaTable).Should().BeApproximately(0.210, 0.0005);
    }

    [Fact]
    public void Ratings_per_item_give_the_same_kappa_as_their_count_table()
    {
        var items = new List<IReadOnlyCollection<int>>();
        for (int i = 0; i < WikipediaTable.GetLength(0); i++)
        {
            items.Add(Enumerable.Range(0, 5).SelectMany(category => Enumerable.Repeat(category + 1, WikipediaTable[i, category])).ToArray());
        }

        FleissKappa.Compute(items).Should().BeApproximately(FleissKappa.FromCounts(WikipediaTable)!.Value, 1e-12);
    }

    [Fact]
    public void Complete_agreement_on_more_than_one_category_has_kappa_one()
    {
        FleissKappa.FromCounts(new[,] { { 3, 0 }, { 0, 3 }, { 3, 0 } }).Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Kappa_is_undefined_when_every_rating_is_in_one_category()
    {
        FleissKappa.FromCounts(new[,] { { 4, 0 }, { 4, 0 }, { 4, 0 } }).Should().BeNull();
    }

    [Fact]
    public void Kappa_is_undefined_with_fewer_than_two_items()
    {
        FleissKappa.FromCounts(new[,] { { 2, 1 } }).Should().BeNull();
        FleissKappa.Compute(Array.Empty<IReadOnlyCollection<string>>()).Should().BeNull();
    }

    [Fact]
    public void Kappa_is_undefined_with_one_rating_per_item()
    {
        FleissKappa.FromCounts(new[,] { { 1, 0 }, { 0, 1 } }).Should().BeNull();
    }

    [Fact]
    public void Items_with_different_numbers_of_ratings_are_rejected()
    {
        var items = new IReadOnlyCollection<string>[] { new[] { "pass", "pass", "fail" }, new[] { "pass", "fail" } };

        FluentActions.Invoking(() => FleissKappa.Compute(items)).Should().Throw<ArgumentException>().WithMessage("*item 1 has 2*");
    }
}
