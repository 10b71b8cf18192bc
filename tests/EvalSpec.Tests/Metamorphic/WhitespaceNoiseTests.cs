using System;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class WhitespaceNoiseTests
{
    private const string Question = "Hello, could you tell me: how many days do I have to return a laptop that I bought online last week?";

    private readonly WhitespaceNoise _noise = new();

    private static string[] Tokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void The_same_row_always_gets_the_same_noise()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _noise.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_noise.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_noise()
    {
        RowIdSet.TransformForEachRow(_noise, Question).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void The_sequence_of_words_and_punctuation_is_unchanged()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_noise, Question))
        {
            Tokens(output).Should().Equal(Tokens(Question));
        }
    }

    [Fact]
    public void Only_whitespace_is_added()
    {
        RowIdSet.TransformForEachRow(_noise, Question).Should().OnlyContain(output => WithoutWhitespace(output) == WithoutWhitespace(Question));
    }

    [Fact]
    public void Blanks_are_added_at_both_ends()
    {
        RowIdSet.TransformForEachRow(_noise, Question)
            .Should().OnlyContain(output => char.IsWhiteSpace(output[0]) && char.IsWhiteSpace(output[output.Length - 1]));
    }

    [Fact]
    public void About_one_gap_in_three_between_words_is_widened()
    {
        string input = string.Join(" ", Enumerable.Range(0, 301).Select(i => "w" + i));

        foreach (string output in RowIdSet.TransformForEachRow(_noise, input))
        {
            int widened = Regex.Matches(output.Trim(), @"\s+").Count(gap => gap.Value != " ");
            widened.Should().BeInRange(60, 140, "about a third of 300 gaps");
        }
    }

    [Fact]
    public void Empty_input_becomes_whitespace_only()
    {
        string output = _noise.Transform(string.Empty, RowIdSet.Context("row"));

        output.Should().NotBeEmpty().And.Match(text => text.All(char.IsWhiteSpace));
    }

    [Fact]
    public void Whitespace_only_input_stays_whitespace_only()
    {
        RowIdSet.TransformForEachRow(_noise, "   \t ").Should().OnlyContain(output => output.All(char.IsWhiteSpace));
    }

    [Fact]
    public void Non_ASCII_words_are_kept_intact()
    {
        const string input = "Ångström café 東京 naïve";

        foreach (string output in RowIdSet.TransformForEachRow(_noise, input))
        {
            Tokens(output).Should().Equal("Ångström", "café", "東京", "naïve");
        }
    }

    [Fact]
    public void A_very_long_input_keeps_its_words()
    {
        string input = RowIdSet.LongText();

        string output = _noise.Transform(input, RowIdSet.Context("long-row"));

        Tokens(output).Should().Equal(Tokens(input));
        output.Length.Should().BeGreaterThan(input.Length);
    }

    [Fact]
    public void Null_input_is_rejected()
    {
        Action transform = () => _noise.Transform(null!, RowIdSet.Context("row"));

        transform.Should().Throw<ArgumentNullException>();
    }
}
