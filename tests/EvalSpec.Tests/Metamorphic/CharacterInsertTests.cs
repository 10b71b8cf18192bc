using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class CharacterInsertTests
{
    private const string Question = "Please tell me how many days I have to return my broken Laptop COMPUTER";

    private readonly CharacterInsert _insert = new();

    /// <summary>The letter inserted into <paramref name="word"/> (not before its first letter), or null.</summary>
    private static char? InsertedLetter(string word, string changed)
    {
        if (changed.Length != word.Length + 1)
        {
            return null;
        }

        for (int i = 1; i <= word.Length; i++)
        {
            if (changed.Remove(i, 1) == word)
            {
                return changed[i];
            }
        }

        return null;
    }

    [Fact]
    public void The_same_row_always_gets_the_same_insertions()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            RelationRun first = RelationRun.Of(_insert, Question, rowId);

            RelationRun.Of(_insert, Question, rowId).Should().BeEquivalentTo(first, options => options.Excluding(run => run.Elapsed));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_insertions()
    {
        RowIdSet.TransformForEachRow(_insert, Question).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void Every_changed_word_got_one_ASCII_letter_inside_or_at_its_end()
    {
        string[] words = Question.Split(' ');
        foreach (string output in RowIdSet.TransformForEachRow(_insert, Question))
        {
            string[] changed = output.Split(' ');
            changed.Should().HaveSameCount(words);
            int changedWords = 0;
            for (int w = 0; w < words.Length; w++)
            {
                if (changed[w] != words[w])
                {
                    changedWords++;
                    char? letter = InsertedLetter(words[w], changed[w]);
                    letter.Should().NotBeNull($"\"{words[w]}\" -> \"{changed[w]}\"");
                    char.IsAsciiLetter(letter!.Value).Should().BeTrue();
                }
            }

            changedWords.Should().Be(2, "ten words are eligible and one in five is picked");
        }
    }

    [Fact]
    public void A_word_in_capitals_gets_a_capital_letter()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_insert, "RETURN"))
        {
            output.Should().HaveLength(7).And.Match(text => text.All(char.IsUpper));
        }
    }

    [Fact]
    public void Inserted_letters_cover_the_alphabet_over_many_rows()
    {
        string input = string.Join(" ", Enumerable.Repeat("qqqq", 200));
        string output = _insert.Transform(input, RowIdSet.Context("row"));

        output.Where(c => c != 'q' && c != ' ').Distinct().Count().Should().BeGreaterThan(15);
    }

    [Fact]
    public void The_note_names_each_changed_word()
    {
        RelationRun run = RelationRun.Of(_insert, "refund");

        run.Notes.Should().ContainKey("inserted").WhoseValue.Should().Be("refund -> " + run.Output);
    }

    [Fact]
    public void Words_shorter_than_three_letters_are_left_alone_and_nothing_is_noted()
    {
        RelationRun.ForEachRow(_insert, "I am at it, so do go on.").Should().OnlyContain(run => run.Output == "I am at it, so do go on." && run.Notes.Count == 0);
    }

    [Fact]
    public void Words_in_other_scripts_are_left_alone()
    {
        RowIdSet.TransformForEachRow(_insert, "東京都 Москва").Should().OnlyContain(output => output == "東京都 Москва");
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _insert.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _insert.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Accented_Latin_words_get_a_letter_and_CJK_is_kept()
    {
        const string input = "Ångström café 東京";

        RowIdSet.TransformForEachRow(_insert, input).Should().OnlyContain(output => output.Length == input.Length + 1 && output.EndsWith(" 東京", StringComparison.Ordinal));
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_sanely()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_insert, input, "long-row");

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Split(' ').Length.Should().Be(input.Split(' ').Length);
        (run.Output.Length - input.Length).Should().BeGreaterThan(1000);
    }
}
