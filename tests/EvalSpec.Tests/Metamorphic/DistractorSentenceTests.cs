using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class DistractorSentenceTests
{
    private const string Question = "How many days do I have to return a laptop?";

    private readonly DistractorSentence _distractor = new();

    private static bool IsQuestionWithOneDistractor(string output, string input) =>
        DistractorSentence.Sentences.Any(sentence => output == sentence + " " + input || output == input + " " + sentence);

    [Fact]
    public void The_same_row_always_gets_the_same_distractor()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _distractor.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_distractor.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_distractors()
    {
        RowIdSet.TransformForEachRow(_distractor, Question).Distinct().Count().Should().BeGreaterThan(20);
    }

    [Fact]
    public void The_output_is_the_input_with_one_listed_sentence_before_or_after_it()
    {
        RowIdSet.TransformForEachRow(_distractor, Question).Should().OnlyContain(output => IsQuestionWithOneDistractor(output, Question));
    }

    [Fact]
    public void The_distractor_comes_first_in_some_rows_and_last_in_others()
    {
        string[] outputs = RowIdSet.TransformForEachRow(_distractor, Question);

        outputs.Should().Contain(output => output.StartsWith(Question, StringComparison.Ordinal));
        outputs.Should().Contain(output => output.EndsWith(Question, StringComparison.Ordinal));
    }

    [Fact]
    public void Distractors_are_plain_statements_without_numbers_questions_or_negations()
    {
        foreach (string sentence in DistractorSentence.Sentences)
        {
            sentence.Should().EndWith(".").And.NotContainAny("?", "not", "n't", "never", "no ");
            sentence.Any(char.IsDigit).Should().BeFalse(sentence);
        }
    }

    [Fact]
    public void The_note_says_where_the_sentence_went_and_which_it_was()
    {
        RelationRun run = RelationRun.Of(_distractor, Question);
        string sentence = DistractorSentence.Sentences.Single(s => run.Output.Contains(s, StringComparison.Ordinal));

        run.Notes["distractor"].Should().Be((run.Output.StartsWith(sentence, StringComparison.Ordinal) ? "prepended: " : "appended: ") + sentence);
    }

    [Fact]
    public void No_extra_space_is_added_next_to_existing_whitespace()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_distractor, " Question\n"))
        {
            DistractorSentence.Sentences.Should().Contain(s => output == s + " Question\n" || output == " Question\n" + s);
        }
    }

    [Fact]
    public void Empty_input_stays_empty_without_a_note()
    {
        RelationRun run = RelationRun.Of(_distractor, string.Empty);

        run.Output.Should().BeEmpty();
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _distractor.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_input_is_kept_whole()
    {
        RowIdSet.TransformForEachRow(_distractor, "Ångström café 東京").Should().OnlyContain(output => IsQuestionWithOneDistractor(output, "Ångström café 東京"));
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_kept_whole()
    {
        string input = RowIdSet.LongText().TrimEnd();

        RelationRun run = RelationRun.Of(_distractor, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        IsQuestionWithOneDistractor(run.Output, input).Should().BeTrue();
    }
}
