using System;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class NameSwapTests
{
    private const string Question = "Maria said she wants to return her laptop because her husband broke it.";

    private readonly NameSwap _swap = new();

    /// <summary>The new name that replaced the first word of the output, checked against the expected text.</summary>
    private static string NewFirstName(string output) => output.Substring(0, output.IndexOf(' ', StringComparison.Ordinal));

    [Fact]
    public void A_female_name_and_her_pronouns_become_male_consistently()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_swap, Question))
        {
            string name = NewFirstName(output);
            NameLexicon.Male.Should().Contain(name);
            output.Should().Be($"{name} said he wants to return his laptop because his wife broke it.");
        }
    }

    [Fact]
    public void The_note_lists_every_swap_once()
    {
        RelationRun run = RelationRun.Of(_swap, Question);

        run.Notes["swapped"].Should().Be($"Maria -> {NewFirstName(run.Output)}; she -> he; her -> his; husband -> wife");
    }

    [Fact]
    public void A_male_name_becomes_female_and_a_neutral_name_stays_neutral()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_swap, "James met Alex."))
        {
            Match names = Regex.Match(output, @"^(\w+) met (\w+)\.$");
            NameLexicon.Female.Should().Contain(names.Groups[1].Value);
            NameLexicon.Neutral.Should().Contain(names.Groups[2].Value);
            names.Groups[2].Value.Should().NotBe("Alex");
        }
    }

    [Fact]
    public void The_same_name_always_becomes_the_same_new_name()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_swap, "Maria called. Later Maria wrote. MARIA is upset."))
        {
            string name = NewFirstName(output);
            output.Should().Be($"{name} called. Later {name} wrote. {name.ToUpperInvariant()} is upset.");
        }
    }

    [Fact]
    public void Two_people_never_merge_into_one()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_swap, "Maria and James bought a laptop; Maria paid."))
        {
            Match names = Regex.Match(output, @"^(\w+) and (\w+) bought a laptop; (\w+) paid\.$");
            names.Success.Should().BeTrue(output);
            names.Groups[1].Value.Should().NotBe("James").And.NotBe(names.Groups[2].Value);
            names.Groups[2].Value.Should().NotBe("Maria");
            names.Groups[3].Value.Should().Be(names.Groups[1].Value);
        }
    }

    [Fact]
    public void The_same_row_always_gets_the_same_names()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _swap.Transform(Question, RowIdSet.Context(rowId)).Should().Be(_swap.Transform(Question, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_usually_get_different_names()
    {
        RowIdSet.TransformForEachRow(_swap, Question).Distinct().Count().Should().BeGreaterThan(25);
    }

    [Theory]
    [InlineData("She asked. SHE waited. she left.", "He asked. HE waited. he left.")]
    [InlineData("Ms Smith and Mrs. Jones met Mr Brown.", "Mr Smith and Mr. Jones met Ms Brown.")]
    [InlineData("My wife and my son", "My husband and my daughter")]
    [InlineData("The men and boys", "The women and girls")]
    [InlineData("He did it himself", "She did it herself")]
    public void Gendered_words_swap_and_keep_their_case(string input, string expected)
    {
        _swap.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("I told her the price.", "I told him the price.")]
    [InlineData("I called her yesterday.", "I called him yesterday.")]
    [InlineData("Give it to her.", "Give it to him.")]
    [InlineData("It is her laptop.", "It is his laptop.")]
    [InlineData("His order is late.", "Her order is late.")]
    [InlineData("The laptop is his.", "The laptop is hers.")]
    [InlineData("The laptop is hers.", "The laptop is his.")]
    public void Her_and_his_become_object_or_possessive_forms_by_the_word_that_follows(string input, string expected)
    {
        _swap.Transform(input, RowIdSet.Context("row")).Should().Be(expected);
    }

    [Theory]
    [InlineData("maria wrote to us.")]
    [InlineData("It takes 500 ms.")]
    [InlineData("Install MS Office.")]
    [InlineData("The laptop is broken.")]
    public void Text_without_capitalised_names_or_gendered_words_is_returned_unchanged_without_a_note(string input)
    {
        RelationRun run = RelationRun.Of(_swap, input);

        run.Output.Should().Be(input);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Names_are_not_found_inside_longer_words()
    {
        _swap.Transform("Samsung and Alexa", RowIdSet.Context("row")).Should().Be("Samsung and Alexa");
    }

    [Fact]
    public void A_possessive_s_stays_on_the_new_name()
    {
        string output = _swap.Transform("Maria's laptop", RowIdSet.Context("row"));

        output.Should().EndWith("'s laptop");
        NameLexicon.Male.Should().Contain(output.Substring(0, output.IndexOf('\'', StringComparison.Ordinal)));
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
    public void Non_ASCII_text_is_kept_around_the_swap()
    {
        _swap.Transform("Ångström café 東京", RowIdSet.Context("row")).Should().Be("Ångström café 東京");
        _swap.Transform("Ångström says she loves 東京", RowIdSet.Context("row")).Should().Be("Ångström says he loves 東京");
    }

    [Fact]
    public void A_very_long_input_is_swapped_quickly_and_consistently()
    {
        string input = string.Concat(Enumerable.Repeat("Maria says she is happy with her laptop. ", 2500));

        RelationRun run = RelationRun.Of(_swap, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        string name = NewFirstName(run.Output);
        run.Output.Should().Be(string.Concat(Enumerable.Repeat($"{name} says he is happy with his laptop. ", 2500)));
        run.Notes["swapped"].Should().Be($"Maria -> {name}; she -> he; her -> his");
    }

    [Fact]
    public void The_name_lists_share_no_name()
    {
        NameLexicon.Female.Concat(NameLexicon.Male).Concat(NameLexicon.Neutral).Should().OnlyHaveUniqueItems();
    }
}
