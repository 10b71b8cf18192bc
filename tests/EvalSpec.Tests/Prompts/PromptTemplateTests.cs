using System;
using System.Collections.Generic;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Prompts;

public sealed class PromptTemplateTests
{
    private static Dictionary<string, object?> Values(params (string Name, object? Value)[] values)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((string name, object? value) in values)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    [Fact]
    public void Each_placeholder_is_replaced_by_its_value()
    {
        string rendered = PromptTemplate.Render(
            "What is the refund window for {product} in {country}?",
            Values(("product", "a laptop"), ("country", "France")));

        rendered.Should().Be("What is the refund window for a laptop in France?");
    }

    [Fact]
    public void A_placeholder_used_twice_is_replaced_both_times()
    {
        string rendered = PromptTemplate.Render("{word}, {word}!", Values(("word", "again")));

        rendered.Should().Be("again, again!");
    }

    [Fact]
    public void A_template_without_placeholders_is_returned_unchanged()
    {
        PromptTemplate.Render("Hello there.", Values()).Should().Be("Hello there.");
    }

    [Fact]
    public void Values_that_the_template_does_not_use_are_ignored()
    {
        PromptTemplate.Render("Hi {name}", Values(("name", "Ada"), ("unused", 42))).Should().Be("Hi Ada");
    }

    [Fact]
    public void Doubled_braces_render_as_literal_braces()
    {
        string rendered = PromptTemplate.Render("Answer as JSON: {{\"days\": {days}}}", Values(("days", 30)));

        rendered.Should().Be("Answer as JSON: {\"days\": 30}");
    }

    [Fact]
    public void A_value_containing_braces_is_inserted_verbatim_and_not_parsed_again()
    {
        string rendered = PromptTemplate.Render("Echo {text}", Values(("text", "{country} and }{")));

        rendered.Should().Be("Echo {country} and }{");
    }

    [Fact]
    public void Decimal_numbers_use_the_invariant_culture_whatever_the_current_culture()
    {
        using var culture = new CultureScope("de-DE");

        string rendered = PromptTemplate.Render("{a} {b}", Values(("a", 1234.5), ("b", 0.75m)));

        rendered.Should().Be("1234.5 0.75");
    }

    [Fact]
    public void Negative_numbers_use_the_ascii_minus_sign_whatever_the_current_culture()
    {
        // Swedish formats negative numbers with U+2212 MINUS SIGN and a decimal comma.
        using var culture = new CultureScope("sv-SE");

        string rendered = PromptTemplate.Render("{n}", Values(("n", -1.5)));

        rendered.Should().Be("-1.5");
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Booleans_render_in_lower_case(bool value, string expected)
    {
        PromptTemplate.Render("{flag}", Values(("flag", value))).Should().Be(expected);
    }

    [Fact]
    public void A_null_value_renders_as_empty_text()
    {
        PromptTemplate.Render("[{maybe}]", Values(("maybe", null))).Should().Be("[]");
    }

    [Fact]
    public void A_missing_value_is_a_FormatException_that_names_the_placeholder_and_lists_the_given_values()
    {
        Action render = () => PromptTemplate.Render(
            "Refund window for {product} in {country}?",
            Values(("product", "a laptop"), ("store", "online")));

        FormatException error = render.Should().Throw<FormatException>().Which;
        error.Message.Should().Contain("{country}");
        error.Message.Should().Contain("product").And.Contain("store");
    }

    [Fact]
    public void A_malformed_template_is_a_FormatException_that_shows_the_template_and_the_position()
    {
        Action render = () => PromptTemplate.Render("Tell me about {product", Values(("product", "x")));

        FormatException error = render.Should().Throw<FormatException>().Which;
        error.Message.Should().Contain("Tell me about {product");
        error.Message.Should().Contain("14");
    }

    [Fact]
    public void A_null_template_is_rejected()
    {
        Action render = () => PromptTemplate.Render(null!, Values());

        render.Should().Throw<ArgumentNullException>().WithParameterName("template");
    }

    [Fact]
    public void Null_values_are_rejected()
    {
        Action render = () => PromptTemplate.Render("x", null!);

        render.Should().Throw<ArgumentNullException>().WithParameterName("values");
    }
}
