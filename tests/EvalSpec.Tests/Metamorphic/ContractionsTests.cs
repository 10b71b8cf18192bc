using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class ContractionsTests
{
    private readonly Contractions _contractions = new();

    [Theory]
    [InlineData("I don't know why it isn't working and I can't log in.", "I do not know why it is not working and I cannot log in.")]
    [InlineData("I'm sure it won't arrive, they're late.", "I am sure it will not arrive, they are late.")]
    [InlineData("What's the refund window?", "What is the refund window?")]
    public void Contractions_are_all_expanded(string input, string expected)
    {
        _contractions.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("I do not know why it is not working and I cannot log in.", "I don't know why it isn't working and I can't log in.")]
    [InlineData("I am sure it will not arrive, they are late.", "I'm sure it won't arrive, they're late.")]
    [InlineData("What is the refund window?", "What's the refund window?")]
    public void Without_contractions_every_expandable_phrase_is_contracted(string input, string expected)
    {
        _contractions.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("I don't know why it isn't working and I can't log in.")]
    [InlineData("Don't tell me it's broken; I'm upset.")]
    [InlineData("I do not think it is right and we are not happy.")]
    public void Applying_the_relation_twice_gives_the_input_back(string input)
    {
        string once = _contractions.Transform(input, RowIdSet.Context("row"));

        once.Should().NotBe(input);
        _contractions.Transform(once, RowIdSet.Context("row")).Should().Be(input);
    }

    [Fact]
    public void Expanding_wins_over_contracting_in_mixed_input()
    {
        _contractions.Transform("I don't think it is working.", RowIdSet.Context("row")).Should().Be("I do not think it is working.");
    }

    [Theory]
    [InlineData("Don't do it", "Do not do it")]
    [InlineData("DON'T DO IT", "DO NOT DO IT")]
    [InlineData("DO NOT DO IT", "DON'T DO IT")]
    [InlineData("i'm late", "i am late")]
    public void The_case_is_kept(string input, string expected)
    {
        _contractions.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Fact]
    public void Typographic_apostrophes_are_recognised()
    {
        _contractions.Transform("It doesn’t charge and I’m worried.", RowIdSet.Context("row")).Should().Be("It does not charge and I am worried.");
    }

    [Fact]
    public void A_phrase_is_not_contracted_at_the_end_of_a_clause()
    {
        RelationRun run = RelationRun.Of(_contractions, "Yes, it is. I know what it is!");

        run.Output.Should().Be("Yes, it is. I know what it is!");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void The_note_lists_each_distinct_change_once()
    {
        RelationRun.Of(_contractions, "I don't know, I don't care, I'm done.").Notes
            .Should().ContainKey("expanded").WhoseValue.Should().Be("don't -> do not; I'm -> I am");
    }

    [Fact]
    public void Every_row_gets_the_same_output()
    {
        RowIdSet.TransformForEachRow(_contractions, "I don't know.").Distinct().Should().Equal("I do not know.");
    }

    [Fact]
    public void Input_with_nothing_to_expand_or_contract_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_contractions, "Hello there, the laptop arrived broken.");

        run.Output.Should().Be("Hello there, the laptop arrived broken.");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _contractions.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _contractions.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_text_is_kept_around_the_change()
    {
        _contractions.Transform("Ångström café 東京", RowIdSet.Context("row")).Should().Be("Ångström café 東京");
        _contractions.Transform("Ångström isn't in 東京", RowIdSet.Context("row")).Should().Be("Ångström is not in 東京");
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_completely()
    {
        string input = string.Concat(Enumerable.Repeat("We do not ship on Sundays, sorry. ", 3000));

        RelationRun run = RelationRun.Of(_contractions, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().Be(input.Replace("do not", "don't", StringComparison.Ordinal));
        run.Notes["contracted"].Should().Be("do not -> don't");
    }
}
