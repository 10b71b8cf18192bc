using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class FillerWordsTests
{
    // No word of the input is a filler word, so inserted fillers can be told apart.
    private const string Question = "How long do we have to return a broken laptop that was bought online last week?";

    private readonly FillerWords _fillers = new();

    /// <summary>The fillers found in <paramref name="output"/> between the words of <paramref name="input"/>, or null if the words differ.</summary>
    private static List<string>? InsertedFillers(string input, string output)
    {
        string[] words = input.Split(' ');
        string[] tokens = output.Split(' ');
        var fillers = new List<string>();
        int t = 0;
        foreach (string word in words)
        {
            while (t < tokens.Length && tokens[t] != word)
            {
                string? filler = FillerWords.Fillers.FirstOrDefault(f => string.Join(" ", tokens.Skip(t).Take(f.Split(' ').Length)) == f);
                if (filler is null || t == 0 || !char.IsLetter(tokens[t - 1][^1]))
                {
                    return null;
                }

                fillers.Add(filler);
                t += filler.Split(' ').Length;
            }

            if (t == tokens.Length)
            {
                return null;
            }

            t++;
        }

        return t == tokens.Length ? fillers : null;
    }

    [Fact]
    public void The_same_row_always_gets_the_same_fillers()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _fillers.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_fillers.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_fillers()
    {
        RowIdSet.TransformForEachRow(_fillers, Question).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void Only_fillers_are_added_and_only_after_a_letter()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_fillers, Question))
        {
            InsertedFillers(Question, output).Should().NotBeNull($"\"{output}\" is the input with fillers after words");
        }
    }

    [Fact]
    public void About_one_gap_in_ten_gets_a_filler()
    {
        string input = string.Join(" ", Enumerable.Range(0, 101).Select(i => "w" + new string((char)('a' + i % 26), 1 + i / 26)));

        foreach (string output in RowIdSet.TransformForEachRow(_fillers, input))
        {
            InsertedFillers(input, output).Should().HaveCount(10, "ten of the hundred gaps get a filler");
        }
    }

    [Fact]
    public void Every_filler_is_used_over_many_rows()
    {
        string input = string.Join(" ", Enumerable.Repeat("word", 60));

        RowIdSet.TransformForEachRow(_fillers, input).SelectMany(output => InsertedFillers(input, output)!).Distinct()
            .Should().BeEquivalentTo(FillerWords.Fillers);
    }

    [Fact]
    public void Fillers_never_follow_punctuation()
    {
        const string input = "Hi, yes. Sure! Fine? Ok: done; no";

        RowIdSet.TransformForEachRow(_fillers, input).Should().OnlyContain(output => output == input, "no gap lies between two letters");
    }

    [Fact]
    public void The_note_names_each_filler_and_the_word_before_it()
    {
        RelationRun run = RelationRun.Of(_fillers, "refund please");
        string filler = InsertedFillers("refund please", run.Output)!.Single();

        run.Notes["fillers"].Should().Be($"{filler} after \"refund\"");
    }

    [Fact]
    public void A_single_word_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_fillers, "Refund?");

        run.Output.Should().Be("Refund?");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _fillers.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _fillers.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_words_are_kept_and_get_fillers_between_them()
    {
        const string input = "Ångström café 東京";

        foreach (string output in RowIdSet.TransformForEachRow(_fillers, input))
        {
            InsertedFillers(input, output).Should().ContainSingle();
        }
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_sanely()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_fillers, input, "long-row");

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        InsertedFillers(input, run.Output)!.Count.Should().BeGreaterThan(500);
    }
}
