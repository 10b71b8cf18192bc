using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class InstructionParaphraseTests
{
    private const string Prompt = "What is the refund window for a laptop?";

    private static readonly string[] Others = { "how long can i send back my laptop", "Laptop refund window, please.", "State the laptop return period." };

    private readonly InstructionParaphrase _paraphrase = new();

    [Fact]
    public void The_same_row_always_gets_the_same_variant()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            RelationRun.Of(_paraphrase, Prompt, rowId, Others).Output.Should().Be(RelationRun.Of(_paraphrase, Prompt, rowId, Others).Output);
        }
    }

    [Fact]
    public void The_output_is_one_of_the_other_variants_and_every_one_gets_picked()
    {
        string[] outputs = RelationRun.ForEachRow(_paraphrase, Prompt, Others).Select(run => run.Output).ToArray();

        outputs.Should().OnlyContain(output => Others.Contains(output));
        outputs.Distinct().Should().HaveCount(Others.Length);
    }

    [Fact]
    public void A_variant_equal_to_the_input_or_blank_is_never_picked()
    {
        string[] others = { Prompt, "   ", "Laptop refund window, please.", string.Empty };

        RelationRun.ForEachRow(_paraphrase, Prompt, others).Should().OnlyContain(run => run.Output == "Laptop refund window, please.");
    }

    [Fact]
    public void The_note_names_the_variant()
    {
        RelationRun run = RelationRun.Of(_paraphrase, Prompt, "row", new[] { "Laptop refund window, please." });

        run.Notes["paraphrase"].Should().Be("other variant 1 of 1: \"Laptop refund window, please.\"");
    }

    [Fact]
    public void The_note_shortens_a_long_variant_to_one_line()
    {
        string longVariant = "Line one\nline two " + new string('x', 500);

        string note = RelationRun.Of(_paraphrase, Prompt, "row", new[] { longVariant }).Notes["paraphrase"];

        note.Should().NotContain("\n").And.Contain("Line one line two").And.EndWith("...\"");
        note.Length.Should().BeLessThan(120);
    }

    [Fact]
    public void Without_other_variants_the_input_is_returned_unchanged_without_a_note()
    {
        RelationRun run = RelationRun.Of(_paraphrase, Prompt);

        run.Output.Should().Be(Prompt);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void When_every_other_variant_equals_the_input_the_relation_does_not_apply()
    {
        RelationRun run = RelationRun.Of(_paraphrase, Prompt, "row", new[] { Prompt, Prompt });

        run.Output.Should().Be(Prompt);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Empty_input_gets_another_variant()
    {
        RelationRun.Of(_paraphrase, string.Empty, "row", Others).Output.Should().BeOneOf(Others);
    }

    [Fact]
    public void Whitespace_only_input_without_other_variants_is_returned_unchanged()
    {
        _paraphrase.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_variants_are_returned_as_they_are()
    {
        RelationRun.Of(_paraphrase, "Ångström café", "row", new[] { "東京の返品期限は？" }).Output.Should().Be("東京の返品期限は？");
    }

    [Fact]
    public void A_very_long_variant_is_returned_whole_and_quickly()
    {
        string longVariant = RowIdSet.LongText();

        RelationRun run = RelationRun.Of(_paraphrase, Prompt, "row", new[] { longVariant });

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().BeSameAs(longVariant);
    }
}
