using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class NumberFormatTests
{
    private readonly NumberFormat _numbers = new();

    [Theory]
    [InlineData("3", "three")]
    [InlineData("0", "zero")]
    [InlineData("20", "twenty")]
    [InlineData("three", "3")]
    [InlineData("Twelve", "12")]
    [InlineData("1000", "1,000")]
    [InlineData("1,000", "1000")]
    [InlineData("1234567", "1,234,567")]
    [InlineData("12,345", "12345")]
    public void Known_examples_are_rewritten(string number, string expected)
    {
        _numbers.Transform($"I need {number} items.", RowIdSet.Context("row")).Should().Be($"I need {expected} items.");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("three")]
    [InlineData("1000")]
    [InlineData("1,000")]
    [InlineData("15")]
    public void Rewriting_twice_gives_the_number_back(string number)
    {
        string input = $"I need {number} items.";

        string once = _numbers.Transform(input, RowIdSet.Context("row"));

        once.Should().NotBe(input);
        _numbers.Transform(once, RowIdSet.Context("row")).Should().Be(input);
    }

    [Theory]
    [InlineData("one")]
    [InlineData("twenty-one")]
    [InlineData("twenty one")]
    [InlineData("three-year")]
    [InlineData("3.5")]
    [InlineData("$3")]
    [InlineData("3%")]
    [InlineData("2024")]
    [InlineData("2024-01-03")]
    [InlineData("3:30")]
    [InlineData("1/2")]
    [InlineData("v2")]
    [InlineData("A4")]
    [InlineData("#12")]
    [InlineData("007")]
    [InlineData("21")]
    [InlineData("999")]
    [InlineData("1,0000")]
    public void Numbers_whose_rewriting_would_change_their_meaning_are_left_alone(string number)
    {
        RelationRun run = RelationRun.Of(_numbers, $"Item {number} here");

        run.Output.Should().Be($"Item {number} here");
        run.Notes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("My order number is 12345.")]
    [InlineData("See ticket #4711 please.")]
    [InlineData("Invoice: 100200 is wrong.")]
    public void Identifiers_are_left_alone(string input)
    {
        RelationRun run = RelationRun.Of(_numbers, input);

        run.Output.Should().Be(input);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void A_small_quantity_after_a_label_word_is_still_rewritten()
    {
        _numbers.Transform("I want to order 3 laptops.", RowIdSet.Context("row")).Should().Be("I want to order three laptops.");
    }

    [Fact]
    public void Every_number_in_the_input_is_rewritten_and_noted_once()
    {
        RelationRun run = RelationRun.Of(_numbers, "I have 3 laptops, 3 mice, two docks and 1000 cables.");

        run.Output.Should().Be("I have three laptops, three mice, 2 docks and 1,000 cables.");
        run.Notes["numbers"].Should().Be("3 -> three; two -> 2; 1000 -> 1,000");
    }

    [Fact]
    public void A_number_at_the_end_of_a_sentence_is_rewritten()
    {
        _numbers.Transform("I bought 2.", RowIdSet.Context("row")).Should().Be("I bought two.");
    }

    [Fact]
    public void Every_row_gets_the_same_output()
    {
        RowIdSet.TransformForEachRow(_numbers, "Within 14 days").Distinct().Should().Equal("Within fourteen days");
    }

    [Fact]
    public void Input_without_numbers_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_numbers, "How long is the refund window?");

        run.Output.Should().Be("How long is the refund window?");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _numbers.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _numbers.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_text_and_digits_of_other_scripts_are_kept()
    {
        _numbers.Transform("Ångström café 東京 ١٢", RowIdSet.Context("row")).Should().Be("Ångström café 東京 ١٢");
        _numbers.Transform("東京 3 café", RowIdSet.Context("row")).Should().Be("東京 three café");
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_completely()
    {
        string input = string.Concat(Enumerable.Repeat("We have 3 stores and 1500 staff. ", 3000));

        RelationRun run = RelationRun.Of(_numbers, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().Be(string.Concat(Enumerable.Repeat("We have three stores and 1,500 staff. ", 3000)));
    }
}
