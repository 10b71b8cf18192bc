using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class TyposTests
{
    private const string Question = "Please tell me how many days I have to return my broken Laptop COMPUTER";

    private readonly Typos _typos = new();

    private static List<int> ChangedPositions(string input, string output) =>
        Enumerable.Range(0, input.Length).Where(i => input[i] != output[i]).ToList();

    [Fact]
    public void The_same_row_always_gets_the_same_typos()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _typos.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_typos.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_typos()
    {
        string[] outputs = RowIdSet.TransformForEachRow(_typos, Question);

        outputs.Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void Typos_change_the_input()
    {
        RowIdSet.TransformForEachRow(_typos, Question).Should().NotContain(Question);
    }

    [Fact]
    public void Typos_keep_the_length_of_the_input()
    {
        RowIdSet.TransformForEachRow(_typos, Question).Should().OnlyContain(output => output.Length == Question.Length);
    }

    [Fact]
    public void Typos_replace_letters_only_by_neighbouring_QWERTY_keys()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_typos, Question))
        {
            foreach (int i in ChangedPositions(Question, output))
            {
                char.IsLetter(Question[i]).Should().BeTrue($"only letters may change, but position {i} did in \"{output}\"");
                QwertyKeyboard.AreNeighbours(Question[i], output[i]).Should().BeTrue(
                    $"'{output[i]}' is not a QWERTY neighbour of '{Question[i]}' (\"{output}\")");
            }
        }
    }

    [Fact]
    public void Typos_keep_the_case_of_the_replaced_letter()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_typos, Question))
        {
            foreach (int i in ChangedPositions(Question, output))
            {
                char.IsUpper(output[i]).Should().Be(char.IsUpper(Question[i]), $"position {i} of \"{output}\"");
            }
        }
    }

    [Fact]
    public void Upper_case_words_can_get_typos_too()
    {
        // "COMPUTER" is one of the ten eligible words; over fifty rows it is picked at least once.
        int start = Question.IndexOf("COMPUTER", StringComparison.Ordinal);

        RowIdSet.TransformForEachRow(_typos, Question)
            .Should().Contain(output => ChangedPositions(Question, output).Any(i => i >= start));
    }

    [Fact]
    public void Words_shorter_than_three_letters_are_left_alone()
    {
        const string shortWords = "I am at it, so do go on.";

        RowIdSet.TransformForEachRow(_typos, shortWords).Should().OnlyContain(output => output == shortWords);
    }

    [Fact]
    public void About_one_word_in_five_gets_exactly_one_typo()
    {
        string[] words = Enumerable.Range(0, 100).Select(i => "word" + new string((char)('a' + i % 26), 1 + i / 26)).ToArray();
        string input = string.Join(" ", words);

        foreach (string output in RowIdSet.TransformForEachRow(_typos, input))
        {
            string[] typed = output.Split(' ');
            int[] typosPerWord = words.Select((word, w) => word.Zip(typed[w]).Count(pair => pair.First != pair.Second)).ToArray();

            typosPerWord.Should().OnlyContain(n => n <= 1, "a word gets at most one typo");
            typosPerWord.Count(n => n == 1).Should().BeInRange(15, 25, "about one word in five of a hundred");
        }
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _typos.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _typos.Transform(" \t\n  ", RowIdSet.Context("row")).Should().Be(" \t\n  ");
    }

    [Fact]
    public void Non_ASCII_letters_and_scripts_without_a_QWERTY_key_are_never_changed()
    {
        const string input = "Ångström café 東京";

        foreach (string output in RowIdSet.TransformForEachRow(_typos, input))
        {
            output.Should().HaveLength(input.Length);
            foreach (int i in ChangedPositions(input, output))
            {
                QwertyKeyboard.IsKey(input[i]).Should().BeTrue($"'{input[i]}' has no QWERTY key, yet it changed in \"{output}\"");
                QwertyKeyboard.AreNeighbours(input[i], output[i]).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void Input_with_accented_words_still_gets_a_typo_in_their_ASCII_letters()
    {
        const string input = "Ångström café 東京";

        RowIdSet.TransformForEachRow(_typos, input).Should().NotContain(input);
    }

    [Fact]
    public void Typos_always_perturb_an_input_that_has_a_word_they_can_misspell()
    {
        // "東京都" is three letters long but has no QWERTY key; "café" can get a typo. A relation row whose
        // follow-up input equals its source input checks nothing, so the typo must land where it can.
        const string input = "東京都 café";

        RowIdSet.TransformForEachRow(_typos, input).Should().NotContain(input);
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_sanely()
    {
        string input = RowIdSet.LongText();
        var clock = Stopwatch.StartNew();

        string output = _typos.Transform(input, RowIdSet.Context("long-row"));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        output.Should().HaveLength(input.Length);
        output.Split(' ').Length.Should().Be(input.Split(' ').Length);
        ChangedPositions(input, output).Should().OnlyContain(i => QwertyKeyboard.AreNeighbours(input[i], output[i]));
        ChangedPositions(input, output).Count.Should().BeGreaterThan(1000, "about one word in five of ~15,000 words gets a typo");
    }

    [Fact]
    public void Null_input_is_rejected()
    {
        Action transform = () => _typos.Transform(null!, RowIdSet.Context("row"));

        transform.Should().Throw<ArgumentNullException>();
    }
}
