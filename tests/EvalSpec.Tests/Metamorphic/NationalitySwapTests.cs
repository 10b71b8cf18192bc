using System;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class NationalitySwapTests
{
    private const string Customer = "A German customer who moved from Germany to Canada.";

    private static readonly Regex Pattern = new(@"^A (.+) customer who moved from (.+) to (.+)\.$");

    private readonly NationalitySwap _swap = new();

    private static int CountryOf(string text) =>
        NationalityLexicon.Countries.ToList().FindIndex(c => c.Country == text || c.Adjective == text);

    [Fact]
    public void A_country_and_its_adjective_move_together_to_another_country()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_swap, Customer))
        {
            Match match = Pattern.Match(output);
            match.Success.Should().BeTrue(output);
            int adjective = CountryOf(match.Groups[1].Value);
            adjective.Should().BeGreaterThanOrEqualTo(0);
            NationalityLexicon.Countries[adjective].Adjective.Should().Be(match.Groups[1].Value);
            NationalityLexicon.Countries[adjective].Country.Should().Be(match.Groups[2].Value, "German and Germany move to the same country");
            match.Groups[1].Value.Should().NotBe("German");
        }
    }

    [Fact]
    public void A_new_country_is_never_one_already_in_the_input()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_swap, Customer))
        {
            Match match = Pattern.Match(output);
            match.Groups[2].Value.Should().NotBe("Canada").And.NotBe(match.Groups[3].Value);
            match.Groups[3].Value.Should().NotBe("Germany").And.NotBe("Canada");
        }
    }

    [Fact]
    public void The_note_lists_every_swap_once()
    {
        RelationRun run = RelationRun.Of(_swap, Customer);
        Match match = Pattern.Match(run.Output);

        run.Notes["swapped"].Should().Be($"German -> {match.Groups[1].Value}; Germany -> {match.Groups[2].Value}; Canada -> {match.Groups[3].Value}");
    }

    [Fact]
    public void The_same_row_always_gets_the_same_countries()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _swap.Transform(Customer, RowIdSet.Context(rowId)).Should().Be(_swap.Transform(Customer, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_countries()
    {
        RowIdSet.TransformForEachRow(_swap, Customer).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void Capitals_stay_capitals()
    {
        string output = _swap.Transform("SHIPPING TO NIGERIA", RowIdSet.Context("row"));

        Regex.IsMatch(output, "^SHIPPING TO [A-Z ]+$").Should().BeTrue(output);
        output.Should().NotBe("SHIPPING TO NIGERIA");
    }

    [Fact]
    public void Multi_word_countries_are_swapped_whole()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_swap, "I live in South Korea."))
        {
            output.Should().StartWith("I live in ").And.EndWith(".").And.NotContain("South Korea");
            CountryOf(output["I live in ".Length..^1]).Should().BeGreaterThanOrEqualTo(0, output);
        }
    }

    [Theory]
    [InlineData("I polish my german shepherd figurine from china.")]
    [InlineData("The laptop is broken.")]
    [InlineData("Germans love it.")]
    public void Text_without_a_capitalised_listed_country_is_returned_unchanged_without_a_note(string input)
    {
        RelationRun run = RelationRun.Of(_swap, input);

        run.Output.Should().Be(input);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _swap.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _swap.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_text_is_kept_around_the_swap()
    {
        _swap.Transform("Ångström café 東京", RowIdSet.Context("row")).Should().Be("Ångström café 東京");
        _swap.Transform("Ångström is Swedish, 東京", RowIdSet.Context("row")).Should().MatchRegex("^Ångström is [A-Za-z ]+, 東京$").And.NotContain("Swedish");
    }

    [Fact]
    public void A_very_long_input_is_swapped_quickly_and_consistently()
    {
        string input = string.Concat(Enumerable.Repeat("Our French customers love it. ", 3500));

        RelationRun run = RelationRun.Of(_swap, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Split(". ", StringSplitOptions.RemoveEmptyEntries).Distinct().Should().ContainSingle().Which.Should().NotContain("French");
    }
}
