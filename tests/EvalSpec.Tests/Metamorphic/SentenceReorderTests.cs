using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class SentenceReorderTests
{
    private const string Question = "I bought a laptop last week. The screen flickers. The battery drains fast. Can I return it?";

    private static readonly string[] Statements = { "I bought a laptop last week.", "The screen flickers.", "The battery drains fast." };

    private readonly SentenceReorder _reorder = new();

    private static string[] Sentences(string text) =>
        SentenceReorder.Split(text).Select(sentence => text.Substring(sentence.Start, sentence.End - sentence.Start)).ToArray();

    [Fact]
    public void The_same_row_always_gets_the_same_order()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _reorder.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_reorder.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_get_every_other_order()
    {
        // Three statements: five orders other than the original one.
        RowIdSet.TransformForEachRow(_reorder, Question).Distinct().Should().HaveCount(5);
    }

    [Fact]
    public void The_statements_are_reordered_and_the_final_question_stays_last()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_reorder, Question))
        {
            output.Should().NotBe(Question).And.EndWith(" Can I return it?");
            Sentences(output).Take(3).Should().BeEquivalentTo(Statements);
        }
    }

    [Fact]
    public void A_sentence_that_points_back_moves_with_the_sentence_before_it()
    {
        const string input = "I bought a laptop. It arrived broken. My friend recommended the shop. Can I get a refund?";

        foreach (string output in RowIdSet.TransformForEachRow(_reorder, input))
        {
            output.Should().Be("My friend recommended the shop. I bought a laptop. It arrived broken. Can I get a refund?");
        }
    }

    [Fact]
    public void A_final_sentence_without_end_punctuation_is_the_ask_and_stays_last()
    {
        const string input = "The laptop is broken. The charger is missing. how do I return it";

        _reorder.Transform(input, RowIdSet.Context("row")).Should().Be("The charger is missing. The laptop is broken. how do I return it");
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence()
    {
        const string input = "Mr. J. Smith bought a laptop, e.g. the X1. The screen flickers.";

        _reorder.Transform(input, RowIdSet.Context("row")).Should().Be("The screen flickers. Mr. J. Smith bought a laptop, e.g. the X1.");
    }

    [Fact]
    public void The_whitespace_between_sentences_stays_in_place()
    {
        _reorder.Transform("  A laptop broke.   A mouse broke. ", RowIdSet.Context("row")).Should().Be("  A mouse broke.   A laptop broke. ");
    }

    [Fact]
    public void The_note_gives_the_new_order()
    {
        RelationRun run = RelationRun.Of(_reorder, "A laptop broke. A mouse broke. Can I return both?");

        run.Notes["reordered"].Should().Be("sentence order 2, 1 (final question kept last)");
    }

    [Theory]
    [InlineData("Can I return it? I bought it last week. It is broken.")]
    [InlineData("My laptop is broken. Can I return it?")]
    [InlineData("First, unplug the laptop. Next, hold the power button. The light blinks.")]
    [InlineData("I bought a laptop.\nThe screen flickers.\nCan I return it?")]
    [InlineData("I bought a laptop. It flickers. Then it died.")]
    [InlineData("How long do I have to return a laptop?")]
    public void Input_that_is_not_safe_to_reorder_is_returned_unchanged_without_a_note(string input)
    {
        RelationRun run = RelationRun.Of(_reorder, input);

        run.Output.Should().Be(input);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _reorder.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _reorder.Transform("  \t ", RowIdSet.Context("row")).Should().Be("  \t ");
    }

    [Fact]
    public void Non_ASCII_sentences_are_reordered_whole()
    {
        _reorder.Transform("Ångström café 東京", RowIdSet.Context("row")).Should().Be("Ångström café 東京");
        _reorder.Transform("Das Café ist zu. 東京 ist groß.", RowIdSet.Context("row")).Should().Be("東京 ist groß. Das Café ist zu.");
    }

    [Fact]
    public void A_very_long_input_is_reordered_quickly_and_keeps_every_sentence()
    {
        string input = string.Join(" ", Enumerable.Range(0, 5000).Select(i => $"Order {i} ships today.")) + " When will mine arrive?";

        RelationRun run = RelationRun.Of(_reorder, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().NotBe(input).And.HaveLength(input.Length).And.EndWith(" When will mine arrive?");
        Sentences(run.Output).Order(StringComparer.Ordinal).Should().Equal(Sentences(input).Order(StringComparer.Ordinal));
        run.Notes["reordered"].Should().EndWith(", ... (final question kept last)");
    }

    [Fact]
    public void A_very_long_input_with_a_question_in_the_middle_is_returned_unchanged_quickly()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_reorder, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().Be(input);
    }
}
