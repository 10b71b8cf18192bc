using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class UppercaseTests
{
    private readonly Uppercase _uppercase = new();

    [Fact]
    public void Lower_case_letters_become_upper_case()
    {
        _uppercase.Transform("How many days do I have?", RowIdSet.Context("row")).Should().Be("HOW MANY DAYS DO I HAVE?");
    }

    [Fact]
    public void Every_row_gets_the_same_output()
    {
        RowIdSet.TransformForEachRow(_uppercase, "Refund for a laptop").Distinct().Should().Equal("REFUND FOR A LAPTOP");
    }

    [Fact]
    public void The_note_says_the_input_was_upper_cased()
    {
        RelationRun.Of(_uppercase, "refund").Notes.Should().Equal(new System.Collections.Generic.Dictionary<string, string> { ["case"] = "upper-cased" });
    }

    [Fact]
    public void The_current_culture_does_not_change_the_result()
    {
        // Turkish upper-cases 'i' to dotted 'İ'; the relation must not depend on the machine's culture.
        using var culture = new CultureScope("tr-TR");

        _uppercase.Transform("title in istanbul", RowIdSet.Context("row")).Should().Be("TITLE IN ISTANBUL");
    }

    [Fact]
    public void Input_without_lower_case_letters_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_uppercase, "REFUND 30 DAYS? 東京");

        run.Output.Should().Be("REFUND 30 DAYS? 東京");
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _uppercase.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _uppercase.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Accented_letters_are_upper_cased_and_other_scripts_kept()
    {
        _uppercase.Transform("Ångström café 東京", RowIdSet.Context("row")).Should().Be("ÅNGSTRÖM CAFÉ 東京");
    }

    [Fact]
    public void A_very_long_input_is_upper_cased_completely_and_quickly()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_uppercase, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().HaveLength(input.Length);
        run.Output.Any(char.IsLower).Should().BeFalse();
    }
}
