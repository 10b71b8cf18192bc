using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class AccentsTests
{
    private const string Question = "Please tell me how many days I have to return my broken Laptop COMPUTER";

    private readonly Accents _accents = new();

    [Fact]
    public void Accents_are_stripped_when_the_input_has_some()
    {
        _accents.Transform("Ångström's café is naïve, señor", RowIdSet.Context("row")).Should().Be("Angstrom's cafe is naive, senor");
    }

    [Fact]
    public void Combining_accents_after_a_Latin_letter_are_stripped_too()
    {
        _accents.Transform("cafe\u0301 nai\u0308ve", RowIdSet.Context("row")).Should().Be("cafe naive");
    }

    [Fact]
    public void Stripping_notes_each_changed_word_once()
    {
        RelationRun.Of(_accents, "café, café and crème").Notes["accents"].Should().Be("stripped: café -> cafe; crème -> creme");
    }

    [Fact]
    public void Letters_that_do_not_decompose_are_kept()
    {
        string output = _accents.Transform("Ørsted straße Łódź", RowIdSet.Context("row"));

        output.Should().Be("Ørsted straße Łodz");
    }

    [Fact]
    public void Stripping_is_the_same_for_every_row()
    {
        RowIdSet.TransformForEachRow(_accents, "Ångström café 東京").Distinct().Should().Equal("Angstrom cafe 東京");
    }

    [Fact]
    public void Without_accents_the_same_row_always_gets_the_same_added_accents()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _accents.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_accents.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_added_accents()
    {
        RowIdSet.TransformForEachRow(_accents, Question).Distinct().Count().Should().BeGreaterThan(40);
    }

    [Fact]
    public void Added_accents_come_from_the_table_and_keep_the_case()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_accents, Question))
        {
            output.Should().NotBe(Question).And.HaveLength(Question.Length);
            for (int i = 0; i < Question.Length; i++)
            {
                if (output[i] != Question[i])
                {
                    Accents.Table[char.ToLowerInvariant(Question[i])].Should().Contain(char.ToLowerInvariant(output[i]).ToString());
                    char.IsUpper(output[i]).Should().Be(char.IsUpper(Question[i]));
                }
            }
        }
    }

    [Fact]
    public void Stripping_the_added_accents_gives_the_input_back()
    {
        RowIdSet.TransformForEachRow(_accents, Question).Should().OnlyContain(output => _accents.Transform(output, RowIdSet.Context("row")) == Question);
    }

    [Fact]
    public void One_letter_gets_an_accent_in_about_one_word_in_five()
    {
        // Fourteen words, each with an accentable letter (short ones too): 14 / 5 rounds to three accents.
        RowIdSet.TransformForEachRow(_accents, Question).Should().OnlyContain(output => output.Count(c => c > '\u007F') == 3);
    }

    [Fact]
    public void Adding_notes_each_changed_word()
    {
        RelationRun run = RelationRun.Of(_accents, "refund");

        run.Notes["accents"].Should().Be("added: refund -> " + run.Output);
    }

    [Fact]
    public void Input_with_neither_accents_nor_accentable_letters_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_accents, "bfg klm, 東京 42");

        run.Output.Should().Be("bfg klm, 東京 42");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _accents.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _accents.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void A_very_long_input_is_transformed_quickly_and_sanely()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_accents, input, "long-row");

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().HaveLength(input.Length);
        _accents.Transform(run.Output, RowIdSet.Context("row")).Should().Be(input);
    }
}
