using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class NegationTests
{
    private readonly Negation _negation = new();

    [Theory]
    [InlineData("The laptop is broken.", "The laptop is not broken.")]
    [InlineData("They are here.", "They are not here.")]
    [InlineData("It was late.", "It was not late.")]
    [InlineData("I can return it.", "I cannot return it.")]
    [InlineData("It will arrive soon.", "It will not arrive soon.")]
    [InlineData("You should call us.", "You should not call us.")]
    [InlineData("I do need a receipt.", "I do not need a receipt.")]
    [InlineData("It has arrived.", "It has not arrived.")]
    [InlineData("We had sent it.", "We had not sent it.")]
    public void The_first_auxiliary_is_negated(string input, string expected)
    {
        _negation.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("Can I return it?", "Can't I return it?")]
    [InlineData("Is it broken?", "Isn't it broken?")]
    [InlineData("Does the laptop have a warranty?", "Doesn't the laptop have a warranty?")]
    [InlineData("Have you received it?", "Haven't you received it?")]
    [InlineData("How long do I have?", "How long don't I have?")]
    public void In_a_question_the_contracted_negation_is_used(string input, string expected)
    {
        _negation.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("I don't have it.", "I do have it.")]
    [InlineData("It isn’t working.", "It is working.")]
    [InlineData("It is not broken.", "It is broken.")]
    [InlineData("I cannot log in.", "I can log in.")]
    [InlineData("I can not log in.", "I can log in.")]
    [InlineData("It won't start.", "It will start.")]
    [InlineData("Can't I return it?", "Can I return it?")]
    public void An_existing_negation_is_removed(string input, string expected)
    {
        _negation.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("The laptop is broken.")]
    [InlineData("I can return it.")]
    [InlineData("Can I return it?")]
    [InlineData("Is it broken?")]
    [InlineData("It has arrived.")]
    public void Negating_twice_gives_the_input_back(string input)
    {
        string once = _negation.Transform(input, RowIdSet.Context("row"));

        once.Should().NotBe(input);
        _negation.Transform(once, RowIdSet.Context("row")).Should().Be(input);
    }

    [Fact]
    public void Only_the_first_auxiliary_changes()
    {
        _negation.Transform("It is broken and it is late.", RowIdSet.Context("row")).Should().Be("It is not broken and it is late.");
    }

    [Theory]
    [InlineData("I have a laptop that is broken.", "I have a laptop that is not broken.")]
    [InlineData("I have to return it, it was late.", "I have to return it, it was not late.")]
    [InlineData("I did my best but it was late.", "I did my best but it was not late.")]
    public void Have_and_do_as_main_verbs_are_skipped(string input, string expected)
    {
        _negation.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("IS IT BROKEN?", "ISN'T IT BROKEN?")]
    [InlineData("THE LAPTOP IS BROKEN", "THE LAPTOP IS NOT BROKEN")]
    [InlineData("I CAN LOG IN", "I CANNOT LOG IN")]
    public void The_case_is_kept(string input, string expected)
    {
        _negation.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("The laptop is broken.", "is -> is not")]
    [InlineData("I don't have it.", "don't -> do")]
    [InlineData("Can I return it?", "Can -> Can't")]
    public void The_note_gives_the_change(string input, string note)
    {
        RelationRun.Of(_negation, input).Notes.Should().ContainSingle().Which.Should().Be(new System.Collections.Generic.KeyValuePair<string, string>("negation", note));
    }

    [Fact]
    public void Every_row_gets_the_same_output()
    {
        RowIdSet.TransformForEachRow(_negation, "It is late.").Distinct().Should().Equal("It is not late.");
    }

    [Theory]
    [InlineData("Hello there, nice weather today.")]
    [InlineData("I have to return it.")]
    [InlineData("May I return it?")]
    [InlineData("This island looks big; Isaac wills it.")]
    public void Input_with_nothing_to_negate_is_returned_unchanged_without_a_note(string input)
    {
        RelationRun run = RelationRun.Of(_negation, input);

        run.Output.Should().Be(input);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _negation.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _negation.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_text_is_kept_around_the_negation()
    {
        _negation.Transform("Ångström café 東京", RowIdSet.Context("row")).Should().Be("Ångström café 東京");
        _negation.Transform("Das Café is closed, 東京", RowIdSet.Context("row")).Should().Be("Das Café is not closed, 東京");
    }

    [Fact]
    public void A_very_long_input_gets_exactly_one_negation_quickly()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_negation, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().StartWith("Customers may not return most items").And.HaveLength(input.Length + " not".Length);
    }
}
