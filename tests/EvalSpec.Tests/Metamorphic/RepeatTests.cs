using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class RepeatTests
{
    private readonly Repeat _repeat = new();

    [Theory]
    [InlineData("How many days do I have to return a laptop?")]
    [InlineData("")]
    [InlineData(" \t\n ")]
    [InlineData("Ångström café 東京")]
    public void The_input_is_sent_again_unchanged_with_a_note_that_marks_the_relation_as_applied(string input)
    {
        RelationRun run = RelationRun.Of(_repeat, input);

        run.Output.Should().Be(input);
        run.Notes.Should().ContainSingle().Which.Should().Be(new System.Collections.Generic.KeyValuePair<string, string>("repeat", "same input sent again"));
    }

    [Fact]
    public void Every_row_gets_the_same_input_back()
    {
        RowIdSet.TransformForEachRow(_repeat, "Refund?").Distinct().Should().Equal("Refund?");
    }

    [Fact]
    public void A_very_long_input_is_returned_as_is_and_quickly()
    {
        string input = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_repeat, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        run.Output.Should().BeSameAs(input);
    }
}
