using System.Linq;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Prompts;

public sealed class PromptTemplateParserTests
{
    [Fact]
    public void Placeholders_are_reported_in_template_order()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("Is {product} returnable in {country} after {days} days?");

        result.Error.Should().BeNull();
        result.PlaceholderNames.Should().Equal("product", "country", "days");
    }

    [Fact]
    public void A_placeholder_segment_starts_at_its_opening_brace()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("Hi {name}!");

        PromptTemplateSegment placeholder = result.Segments.Single(s => s.IsPlaceholder);
        placeholder.Text.Should().Be("name");
        placeholder.Offset.Should().Be(3);
    }

    [Fact]
    public void Literal_text_between_placeholders_is_kept_as_literal_segments()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("a{x}b");

        result.Segments.Select(s => (s.IsPlaceholder, s.Text)).Should().Equal((false, "a"), (true, "x"), (false, "b"));
    }

    [Fact]
    public void Escaped_braces_are_literal_text_not_placeholders()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("{{x}}");

        result.Error.Should().BeNull();
        result.PlaceholderNames.Should().BeEmpty();
        string.Concat(result.Segments.Select(s => s.Text)).Should().Be("{x}");
    }

    [Fact]
    public void A_placeholder_may_sit_directly_inside_escaped_braces()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("{{{x}}}");

        result.Error.Should().BeNull();
        result.Segments.Select(s => (s.IsPlaceholder, s.Text)).Should().Equal((false, "{"), (true, "x"), (false, "}"));
    }

    [Theory]
    [InlineData("{_private}", "_private")]
    [InlineData("{item2}", "item2")]
    [InlineData("{größe}", "größe")]
    public void Placeholder_names_follow_CSharp_identifier_rules(string template, string name)
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse(template);

        result.Error.Should().BeNull();
        result.PlaceholderNames.Should().Equal(name);
    }

    [Fact]
    public void An_unclosed_brace_is_an_error_giving_its_position()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("Tell me about {product");

        result.Error.Should().Contain("never closed").And.Contain("position 14");
    }

    [Fact]
    public void An_unclosed_brace_error_suggests_escaping_it()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("{");

        result.Error.Should().Contain("{{");
    }

    [Fact]
    public void A_closing_brace_without_an_opening_one_is_an_error_giving_its_position()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("Price} now");

        result.Error.Should().Contain("'}'").And.Contain("position 5").And.Contain("}}");
    }

    [Fact]
    public void A_stray_closing_brace_after_a_valid_placeholder_is_reported_at_its_own_position()
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse("{a} and }");

        result.Error.Should().Contain("position 8");
    }

    [Theory]
    [InlineData("{1st} item", "{1st}", 0)]
    [InlineData("Say {} now", "{}", 4)]
    [InlineData("The {product name}", "{product name}", 4)]
    [InlineData("x{a-b}", "{a-b}", 1)]
    public void A_placeholder_that_is_not_an_identifier_is_an_error_quoting_it_with_its_position(string template, string quoted, int position)
    {
        PromptTemplateParseResult result = PromptTemplateParser.Parse(template);

        result.Error.Should().Contain(quoted).And.Contain("position " + position).And.Contain("not a placeholder");
    }
}
