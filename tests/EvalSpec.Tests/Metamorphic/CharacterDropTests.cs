using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class CharacterDropTests
{
    private const string Question = "Please tell me how many days I have to return my broken Laptop COMPUTER";

    private readonly CharacterDrop _drop = new();

    private static bool IsOneLetterShorter(string word, string changed) =>
        changed.Length == word.Length - 1 && Enumerable.Range(0, word.Length).Any(i => word.Remove(i, 1) == changed && char.IsLetter(word[i]));

    [Fact]
    public void The_same_row_always_gets_the_same_drops()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            RelationRun first = RelationRun.Of(_drop, Question, rowId);

            RelationRun.Of(_drop, Question, rowId).Should().BeEquivalentTo(first, options => options.Excluding(run => run.Elapsed));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_drops()
    {
        RowIdSet.TransformForEachRow(_drop, Question).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void Every_changed_word_lost_exactly_one_letter()
    {
        string[] words = Question.Split(' ');
        foreach (string output in RowIdSet.TransformForEachRow(_drop, Question))
        {
            string[] dropped = output.Split(' ');
            dropped.Should().HaveSameCount(words);
            for (int w = 0; w < words.Length; w++)
            {
                if (dropped[w] != words[w])
                {
                    IsOneLetterShorter(words[w], dropped[w]).Should().BeTrue($"\"{words[w]}\" -> \"{dropped[w]}\"");
                }
            }
        }
    }

    [Fact]
    public void The_input_loses_one_letter_per_picked_word()
    {
        // Ten eligible words: two get a letter dropped.
        RowIdSet.TransformForEachRow(_drop, Question).Should().OnlyContain(output => output.Length == Question.Length - 2);
    }

    [Fact]
    public void About_one_word_in_five_loses_a_letter()
    {
        string input = string.Join(" ", Enumerable.Range(0, 100).Select(i => "word" + new string((char)('a' + i % 26), 1 + i / 26)));

        RowIdSet.TransformForEachRow(_drop, input).Should().OnlyContain(output => output.Length == input.Length - 20);
    }

    [Fact]
    public void The_note_names_each_shortened_word()
    {
        RelationRun run = RelationRun.Of(_drop, "laptop");

        run.Notes.Should().ContainKey("dropped").WhoseValue.Should().Be("laptop -> " + run.Output);
    }

    [Fact]
    public void Words_shorter_than_three_letters_are_left_alone_and_nothing_is_noted()
    {
        RelationRun.ForEachRow(_drop, "I am at it, so do go on.").Should().OnlyContain(run => run.Output == "I am at it, so do go on." && run.Notes.Count == 0);
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _drop.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _drop.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_letters_can_be_dropped_and_other_characters_are_kept()
    {
        const string input = "Ångström café 東京";

        foreach (string output in RowIdSet.TransformForEachRow(_drop, input))
        {
            output.Should().HaveLength(input.Length - 1).And.EndWith(" 東京");
        }
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_sanely()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_drop, input, "long-row");

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Split(' ').Length.Should().Be(input.Split(' ').Length);
        (input.Length - run.Output.Length).Should().BeGreaterThan(1000);
    }
}
