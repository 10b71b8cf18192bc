using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class CharacterSwapTests
{
    private const string Question = "Please tell me how many days I have to return my broken Laptop COMPUTER";

    private readonly CharacterSwap _swap = new();

    private static List<int> ChangedPositions(string input, string output) =>
        Enumerable.Range(0, input.Length).Where(i => input[i] != output[i]).ToList();

    /// <summary>Whether <paramref name="changed"/> is <paramref name="word"/> with one adjacent pair of letters swapped, case kept per position.</summary>
    private static bool IsOneTransposition(string word, string changed)
    {
        List<int> diff = ChangedPositions(word, changed);
        return diff.Count == 2
            && diff[1] == diff[0] + 1
            && char.ToLowerInvariant(changed[diff[0]]) == char.ToLowerInvariant(word[diff[1]])
            && char.ToLowerInvariant(changed[diff[1]]) == char.ToLowerInvariant(word[diff[0]])
            && char.IsUpper(changed[diff[0]]) == char.IsUpper(word[diff[0]])
            && char.IsUpper(changed[diff[1]]) == char.IsUpper(word[diff[1]]);
    }

    [Fact]
    public void The_same_row_always_gets_the_same_swaps()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            RelationRun first = RelationRun.Of(_swap, Question, rowId);
            RelationRun second = RelationRun.Of(_swap, Question, rowId);

            second.Output.Should().Be(first.Output);
            second.NotesText.Should().Be(first.NotesText);
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_swaps()
    {
        RowIdSet.TransformForEachRow(_swap, Question).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void Every_changed_word_has_exactly_two_adjacent_letters_swapped_and_its_case_pattern_kept()
    {
        string[] words = Question.Split(' ');
        foreach (string output in RowIdSet.TransformForEachRow(_swap, Question))
        {
            string[] swapped = output.Split(' ');
            swapped.Should().HaveSameCount(words);
            for (int w = 0; w < words.Length; w++)
            {
                if (swapped[w] != words[w])
                {
                    IsOneTransposition(words[w], swapped[w]).Should().BeTrue($"\"{words[w]}\" -> \"{swapped[w]}\"");
                }
            }
        }
    }

    [Fact]
    public void Swaps_always_change_the_input()
    {
        RowIdSet.TransformForEachRow(_swap, Question).Should().NotContain(Question);
    }

    [Fact]
    public void About_one_word_in_five_gets_a_swap()
    {
        string[] words = Enumerable.Range(0, 100).Select(i => "word" + new string((char)('a' + i % 26), 1 + i / 26)).ToArray();
        string input = string.Join(" ", words);

        foreach (string output in RowIdSet.TransformForEachRow(_swap, input))
        {
            string[] swapped = output.Split(' ');
            words.Where((word, w) => word != swapped[w]).Count().Should().BeInRange(15, 25);
        }
    }

    [Fact]
    public void The_note_names_each_swapped_word()
    {
        RelationRun run = RelationRun.Of(_swap, "refund");

        run.Notes.Should().ContainKey("swapped").WhoseValue.Should().Be("refund -> " + run.Output);
    }

    [Fact]
    public void Words_shorter_than_three_letters_are_left_alone_and_nothing_is_noted()
    {
        RelationRun[] runs = RelationRun.ForEachRow(_swap, "I am at it, so do go on.");

        runs.Should().OnlyContain(run => run.Output == "I am at it, so do go on." && run.Notes.Count == 0);
    }

    [Fact]
    public void Words_made_of_one_repeated_letter_are_left_alone()
    {
        RowIdSet.TransformForEachRow(_swap, "zzz Aaa mmmm").Should().OnlyContain(output => output == "zzz Aaa mmmm");
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
    public void Non_ASCII_words_are_swapped_and_a_two_letter_CJK_word_is_kept()
    {
        const string input = "Ångström café 東京";

        foreach (string output in RowIdSet.TransformForEachRow(_swap, input))
        {
            output.Should().NotBe(input).And.EndWith(" 東京").And.HaveLength(input.Length);
            output.OrderBy(c => char.ToLowerInvariant(c)).Select(char.ToLowerInvariant)
                .Should().Equal(input.OrderBy(c => char.ToLowerInvariant(c)).Select(char.ToLowerInvariant));
        }
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_sanely()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_swap, input, "long-row");

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().HaveLength(input.Length);
        ChangedPositions(input, run.Output).Count.Should().BeGreaterThan(2000, "about one word in five of ~15,000 words gets two letters swapped");
        run.Notes["swapped"].Length.Should().BeLessThan(400, "the note lists a few swaps and counts the rest");
    }
}
