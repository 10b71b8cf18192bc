using System;
using System.Text.Json;
using EvalSpec.Agents;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;
using static EvalSpec.Judges.Tests.Agents.AgentRuns;

namespace EvalSpec.Judges.Tests.Agents;

public sealed class ArgumentMatcherTests
{
    private static JsonElement Arguments(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("{\"id\":\"A-17\"}", true)]
    [InlineData("{\"id\":\"a-17\"}", false)]
    [InlineData("{\"id\":\"A\u201117\"}", false)] // non-breaking hyphen
    [InlineData("{\"id\":17}", false)]
    [InlineData("{\"ID\":\"A-17\"}", false)] // argument names are exact
    [InlineData("{}", false)]
    public void Equal_to_compares_strings_ordinally(string arguments, bool matched)
    {
        ArgumentMatcher.EqualTo("id", "A-17").Match(Arguments(arguments)).Matched.Should().Be(matched);
    }

    [Theory]
    [InlineData("{\"n\":2}", true)]
    [InlineData("{\"n\":2.0}", true)]
    [InlineData("{\"n\":2e0}", true)]
    [InlineData("{\"n\":\"2\"}", false)]
    [InlineData("{\"n\":2.0000001}", false)]
    public void Equal_to_compares_numbers_by_value(string arguments, bool matched)
    {
        ArgumentMatcher.EqualTo("n", 2).Match(Arguments(arguments)).Matched.Should().Be(matched);
    }

    [Fact]
    public void Equal_to_compares_objects_deeply_and_exactly()
    {
        ArgumentMatcher matcher = ArgumentMatcher.EqualTo("address", new { city = "Oslo", zip = "0150" });

        matcher.Match(Arguments("{\"address\":{\"zip\":\"0150\",\"city\":\"Oslo\"}}")).Matched.Should().BeTrue();
        matcher.Match(Arguments("{\"address\":{\"zip\":\"0150\",\"city\":\"Oslo\",\"extra\":1}}")).Matched.Should().BeFalse();
    }

    [Fact]
    public void Equal_to_compares_property_names_as_written()
    {
        ArgumentMatcher matcher = ArgumentMatcher.EqualTo("address", new { City = "Oslo" });

        matcher.Match(Arguments("{\"address\":{\"City\":\"Oslo\"}}")).Matched.Should().BeTrue();
        matcher.Match(Arguments("{\"address\":{\"city\":\"Oslo\"}}")).Matched.Should().BeFalse();
    }

    [Fact]
    public void A_missing_argument_says_so()
    {
        ArgumentMatch match = ArgumentMatcher.EqualTo("id", "A-17").Match(Arguments("{\"order\":\"A-17\"}"));

        match.Matched.Should().BeFalse();
        match.Detail.Should().Be("no argument \"id\"");
    }

    [Fact]
    public void With_duplicate_argument_names_the_last_one_counts()
    {
        ArgumentMatcher.EqualTo("id", "A-17").Match(Arguments("{\"id\":\"A-17\",\"id\":\"B-1\"}")).Matched.Should().BeFalse();
    }

    [Theory]
    [InlineData("{\"reason\":\"Item damaged on arrival\"}", false, true)]
    [InlineData("{\"reason\":\"DAMAGED\"}", false, false)]
    [InlineData("{\"reason\":\"DAMAGED\"}", true, true)]
    [InlineData("{\"reason\":\"d\u0430maged\"}", true, false)] // Cyrillic a
    [InlineData("{\"reason\":42}", false, false)]
    public void Contains_finds_text_in_a_string_argument(string arguments, bool ignoreCase, bool matched)
    {
        ArgumentMatcher.Contains("reason", "damaged", ignoreCase).Match(Arguments(arguments)).Matched.Should().Be(matched);
    }

    [Fact]
    public void Contains_on_a_value_that_is_not_a_string_says_so()
    {
        ArgumentMatcher.Contains("reason", "x").Match(Arguments("{\"reason\":[1]}")).Detail.Should().Be("reason is not a string: [1]");
    }

    [Theory]
    [InlineData("{\"id\":\"A-17\"}", true)]
    [InlineData("{\"id\":\"A-17x\"}", false)]
    [InlineData("{\"id\":\"A-\u0661\u0667\"}", false)] // Arabic-Indic digits: \d is not used, [0-9] is ASCII
    [InlineData("{\"id\":null}", false)]
    public void Matches_applies_the_pattern_to_a_string_argument(string arguments, bool matched)
    {
        ArgumentMatcher.Matches("id", "^A-[0-9]+$").Match(Arguments(arguments)).Matched.Should().Be(matched);
    }

    [Fact]
    public void An_invalid_pattern_is_refused_naming_the_argument()
    {
        FluentActions.Invoking(() => ArgumentMatcher.Matches("id", "(")).Should().Throw<ArgumentException>().WithMessage("*argument 'id'*");
    }

    [Theory]
    [InlineData("{\"id\":\"A-17\",\"amount\":19.99,\"extra\":true}", "{\"id\":\"A-17\"}", true)]
    [InlineData("{\"order\":{\"id\":\"A-17\",\"lines\":[1,2]}}", "{\"order\":{\"lines\":[1,2]}}", true)]
    [InlineData("{\"order\":{\"id\":\"A-17\",\"lines\":[1,2,3]}}", "{\"order\":{\"lines\":[1,2]}}", false)]
    [InlineData("{\"order\":{\"id\":\"A-18\"}}", "{\"order\":{\"id\":\"A-17\"}}", false)]
    [InlineData("{\"amount\":20}", "{\"amount\":20.0}", true)]
    [InlineData("{}", "{\"id\":null}", false)]
    public void Json_subset_accepts_extra_properties_at_every_depth(string arguments, string subset, bool matched)
    {
        ArgumentMatcher.JsonSubset(subset).Match(Arguments(arguments)).Matched.Should().Be(matched);
    }

    [Fact]
    public void Json_subset_on_one_argument_reads_only_that_argument()
    {
        ArgumentMatcher.JsonSubset("{\"city\":\"Oslo\"}", "address").Match(Arguments("{\"address\":{\"city\":\"Oslo\",\"zip\":\"0150\"}}")).Matched.Should().BeTrue();
        ArgumentMatcher.JsonSubset("{\"city\":\"Oslo\"}", "address").Match(Arguments("{\"city\":\"Oslo\"}")).Matched.Should().BeFalse();
    }

    [Fact]
    public void An_invalid_json_subset_is_refused()
    {
        FluentActions.Invoking(() => ArgumentMatcher.JsonSubset("{id: }")).Should().Throw<ArgumentException>().WithMessage("*not valid JSON*");
    }

    [Theory]
    [InlineData("{\"amount\":19.99}", true)]
    [InlineData("{\"amount\":20.0}", true)]
    [InlineData("{\"amount\":20.02}", false)]
    [InlineData("{\"amount\":\"19.995\"}", true)]
    [InlineData("{\"amount\":\"19,99\"}", false)]
    [InlineData("{\"amount\":\"NaN\"}", false)]
    [InlineData("{\"amount\":1e400}", false)]
    [InlineData("{\"amount\":true}", false)]
    public void Near_accepts_numbers_within_the_tolerance(string arguments, bool matched)
    {
        ArgumentMatcher.Near("amount", 19.99, 0.01).Match(Arguments(arguments)).Matched.Should().Be(matched);
    }

    [Fact]
    public void Near_refuses_a_negative_or_infinite_tolerance()
    {
        FluentActions.Invoking(() => ArgumentMatcher.Near("amount", 1, -0.1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ArgumentMatcher.Near("amount", 1, double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ArgumentMatcher.Near("amount", double.NaN, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Matchers_read_the_canonical_arguments_of_a_real_trajectory()
    {
        AgentTrajectory run = Run(("refund", Args(("id", "A-17"), ("amount", 19.99m))));

        ArgumentMatcher.Near("amount", 19.99, 0).Match(run.ToolCalls[0].Arguments).Matched.Should().BeTrue();
        ArgumentMatcher.EqualTo("id", "A-17").Match(run.ToolCalls[0].Arguments).Matched.Should().BeTrue();
    }
}
