using System;
using System.Globalization;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class RandomCaseTests
{
    private const string Question = "How many days do I have to return a laptop that I bought online?";

    private readonly RandomCase _randomCase = new();

    private static int Flipped(string input, string output) => input.Zip(output).Count(pair => pair.First != pair.Second);

    [Fact]
    public void The_same_row_always_gets_the_same_flips()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _randomCase.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_randomCase.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_flips()
    {
        RowIdSet.TransformForEachRow(_randomCase, Question).Distinct().Count().Should().BeGreaterThan(45);
    }

    [Fact]
    public void Only_the_case_of_letters_changes()
    {
        RowIdSet.TransformForEachRow(_randomCase, Question)
            .Should().OnlyContain(output => output.ToLowerInvariant() == Question.ToLowerInvariant() && output != Question);
    }

    [Fact]
    public void Letters_are_flipped_both_ways()
    {
        string[] outputs = RowIdSet.TransformForEachRow(_randomCase, Question);

        outputs.Should().Contain(output => output[0] == 'h', "the capital H is lower-cased in some rows");
        outputs.Should().Contain(output => output.Skip(1).Any(char.IsUpper) && output.Count(char.IsUpper) > 3);
    }

    [Fact]
    public void About_one_letter_in_four_is_flipped()
    {
        string input = RowIdSet.LongText();

        string output = _randomCase.Transform(input, RowIdSet.Context("row"));

        double share = (double)Flipped(input, output) / input.Count(char.IsLetter);
        share.Should().BeApproximately(0.25, 0.02);
    }

    [Fact]
    public void At_least_one_letter_is_flipped_even_in_a_one_letter_input()
    {
        RowIdSet.TransformForEachRow(_randomCase, "a ?").Should().OnlyContain(output => output == "A ?");
    }

    [Fact]
    public void The_note_counts_the_flipped_letters()
    {
        RelationRun run = RelationRun.Of(_randomCase, Question);

        int letters = Question.Count(char.IsLetter);
        run.Notes["case"].Should().Be(string.Create(CultureInfo.InvariantCulture, $"flipped {Flipped(Question, run.Output)} of {letters} letters"));
    }

    [Fact]
    public void Input_without_cased_letters_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_randomCase, "東京 30 ...");

        run.Output.Should().Be("東京 30 ...");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _randomCase.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _randomCase.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Accented_letters_can_be_flipped_and_CJK_is_kept()
    {
        const string input = "ångström café 東京";
        string[] outputs = RowIdSet.TransformForEachRow(_randomCase, input);

        outputs.Should().OnlyContain(output => output.ToLowerInvariant() == input && output.EndsWith("東京", StringComparison.Ordinal));
        outputs.Should().Contain(output => output.Contains('Å', StringComparison.Ordinal) || output.Contains('É', StringComparison.Ordinal));
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly()
    {
        RelationRun run = RelationRun.Of(_randomCase, RowIdSet.LongText());

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.ToLowerInvariant().Should().Be(RowIdSet.LongText().ToLowerInvariant());
    }
}
