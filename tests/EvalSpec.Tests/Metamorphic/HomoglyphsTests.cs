using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class HomoglyphsTests
{
    private const string Question = "Please tell me how many days I have to return my broken Laptop COMPUTER";

    private readonly Homoglyphs _homoglyphs = new();

    private static List<int> ChangedPositions(string input, string output) =>
        Enumerable.Range(0, input.Length).Where(i => input[i] != output[i]).ToList();

    [Fact]
    public void The_same_row_always_gets_the_same_look_alikes()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _homoglyphs.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_homoglyphs.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_look_alikes()
    {
        RowIdSet.TransformForEachRow(_homoglyphs, Question).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void The_output_differs_but_every_replaced_letter_is_a_look_alike_from_the_table()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_homoglyphs, Question))
        {
            output.Should().NotBe(Question).And.HaveLength(Question.Length);
            foreach (int i in ChangedPositions(Question, output))
            {
                Homoglyphs.Table.Should().ContainKey(Question[i]);
                Homoglyphs.Table[Question[i]].Should().Contain(output[i].ToString(), $"position {i} of \"{output}\"");
            }
        }
    }

    [Fact]
    public void Look_alikes_are_Cyrillic_or_Greek_letters_of_the_same_case()
    {
        foreach ((char latin, string lookAlikes) in Homoglyphs.Table)
        {
            foreach (char lookAlike in lookAlikes)
            {
                char.IsLetter(lookAlike).Should().BeTrue();
                (lookAlike is >= '\u0370' and <= '\u03FF' or >= '\u0400' and <= '\u052F').Should().BeTrue($"U+{(int)lookAlike:X4} for '{latin}'");
                char.IsUpper(lookAlike).Should().Be(char.IsUpper(latin), $"U+{(int)lookAlike:X4} for '{latin}'");
            }
        }
    }

    [Fact]
    public void One_letter_is_replaced_in_about_one_word_in_five()
    {
        // Fourteen words, all with a letter in the table (short ones too): 14 / 5 rounds to three replacements.
        RowIdSet.TransformForEachRow(_homoglyphs, Question).Should().OnlyContain(output => ChangedPositions(Question, output).Count == 3);
    }

    [Fact]
    public void The_note_names_the_letter_its_code_point_and_the_word()
    {
        RelationRun run = RelationRun.Of(_homoglyphs, "code");
        int i = ChangedPositions("code", run.Output).Single();

        run.Notes["homoglyphs"].Should().Be($"{"code"[i]} -> U+{(int)run.Output[i]:X4} in \"code\"");
    }

    [Fact]
    public void Input_without_a_letter_of_the_table_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_homoglyphs, "bug fur, 東京 42");

        run.Output.Should().Be("bug fur, 東京 42");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _homoglyphs.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _homoglyphs.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Only_ASCII_letters_of_accented_words_are_replaced()
    {
        const string input = "Ångström café 東京";

        foreach (string output in RowIdSet.TransformForEachRow(_homoglyphs, input))
        {
            output.Should().NotBe(input);
            ChangedPositions(input, output).Should().OnlyContain(i => Homoglyphs.Table.ContainsKey(input[i]));
        }
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_sanely()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_homoglyphs, input, "long-row");

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().HaveLength(input.Length);
        ChangedPositions(input, run.Output).Count.Should().BeGreaterThan(1000);
    }
}
