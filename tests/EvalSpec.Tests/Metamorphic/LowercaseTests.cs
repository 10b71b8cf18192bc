using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class LowercaseTests
{
    private readonly Lowercase _lowercase = new();

    [Fact]
    public void Upper_case_letters_become_lower_case()
    {
        _lowercase.Transform("How Many DAYS do I have?", RowIdSet.Context("row")).Should().Be("how many days do i have?");
    }

    [Fact]
    public void Every_row_gets_the_same_output()
    {
        RowIdSet.TransformForEachRow(_lowercase, "Refund For A LAPTOP").Distinct().Should().Equal("refund for a laptop");
    }

    [Fact]
    public void Accented_letters_are_lower_cased_and_other_scripts_kept()
    {
        _lowercase.Transform("Ångström CAFÉ 東京", RowIdSet.Context("row")).Should().Be("ångström café 東京");
    }

    [Fact]
    public void The_current_culture_does_not_change_the_result()
    {
        // Turkish lower-cases 'I' to dotless 'ı'; the relation must not depend on the machine's culture.
        using var culture = new CultureScope("tr-TR");

        _lowercase.Transform("TITLE IN ISTANBUL", RowIdSet.Context("row")).Should().Be("title in istanbul");
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _lowercase.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _lowercase.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void A_very_long_input_is_lower_cased_completely()
    {
        string input = RowIdSet.LongText().ToUpperInvariant();

        string output = _lowercase.Transform(input, RowIdSet.Context("row"));

        output.Should().HaveLength(input.Length);
        output.Any(char.IsUpper).Should().BeFalse();
    }

    [Fact]
    public void Null_input_is_rejected()
    {
        Action transform = () => _lowercase.Transform(null!, RowIdSet.Context("row"));

        transform.Should().Throw<ArgumentNullException>();
    }
}
