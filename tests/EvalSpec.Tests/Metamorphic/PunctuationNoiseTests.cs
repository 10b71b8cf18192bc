using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class PunctuationNoiseTests
{
    private const string Marks = ".,?!;:";
    // Eleven sentence marks: 2^11 ways to drop or double them.
    private const string Question = "Hi, quick question: can I return it? It's broken; the screen flickers, buzzes, and dims. Help! Thanks, really. Ok?";

    private readonly PunctuationNoise _noise = new();

    private static string WithoutMarks(string text) => string.Concat(text.Where(c => Marks.IndexOf(c, StringComparison.Ordinal) < 0));

    /// <summary>A pattern where every sentence mark of <paramref name="input"/> is either gone or doubled.</summary>
    private static Regex DroppedOrDoubled(string input)
    {
        var pattern = new StringBuilder("^");
        foreach (char c in input)
        {
            string literal = Regex.Escape(c.ToString());
            pattern.Append(Marks.Contains(c) ? $"(?:{literal}{literal})?" : literal);
        }

        return new Regex(pattern.Append('$').ToString());
    }

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
    public void Letters_and_everything_else_but_sentence_marks_are_kept()
    {
        RowIdSet.TransformForEachRow(_noise, Question).Should().OnlyContain(output => WithoutMarks(output) == WithoutMarks(Question));
    }

    [Fact]
    public void Each_sentence_mark_is_either_dropped_or_doubled()
    {
        Regex expected = DroppedOrDoubled(Question);

        RowIdSet.TransformForEachRow(_noise, Question).Should().OnlyContain(output => expected.IsMatch(output));
    }

    [Fact]
    public void Marks_are_dropped_in_some_rows_and_doubled_in_others()
    {
        string[] outputs = RowIdSet.TransformForEachRow(_noise, Question);

        outputs.Should().Contain(output => output.Contains("??", StringComparison.Ordinal));
        outputs.Should().Contain(output => !output.Contains('?', StringComparison.Ordinal));
    }

    [Fact]
    public void Input_with_marks_always_changes()
    {
        RowIdSet.TransformForEachRow(_noise, Question).Should().NotContain(Question);
    }

    [Fact]
    public void Input_without_marks_gets_a_trailing_question_mark_or_ellipsis()
    {
        const string input = "tell me the refund window";

        string[] outputs = RowIdSet.TransformForEachRow(_noise, input);

        outputs.Should().OnlyContain(output => output == input + "?" || output == input + "...");
        outputs.Should().Contain(input + "?").And.Contain(input + "...");
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _noise.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _noise.Transform("  \t ", RowIdSet.Context("row")).Should().Be("  \t ");
    }

    [Fact]
    public void Non_ASCII_letters_are_kept()
    {
        const string input = "Ångström, café. 東京!";

        foreach (string output in RowIdSet.TransformForEachRow(_noise, input))
        {
            WithoutMarks(output).Should().Be("Ångström café 東京");
            DroppedOrDoubled(input).IsMatch(output).Should().BeTrue(output);
        }
    }

    [Fact]
    public void A_very_long_input_keeps_its_letters()
    {
        string input = RowIdSet.LongText();

        string output = _noise.Transform(input, RowIdSet.Context("long-row"));

        WithoutMarks(output).Should().Be(WithoutMarks(input));
        output.Should().NotBe(input);
    }

    [Fact]
    public void Null_input_is_rejected()
    {
        Action transform = () => _noise.Transform(null!, RowIdSet.Context("row"));

        transform.Should().Throw<ArgumentNullException>();
    }
}
