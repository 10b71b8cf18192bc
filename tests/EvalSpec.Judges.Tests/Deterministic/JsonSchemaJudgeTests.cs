using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Deterministic;

public sealed class JsonSchemaJudgeTests
{
    private const string OrderSchema = """
        {
          "type": "object",
          "properties": {
            "orderId": { "type": "string", "pattern": "^A[0-9]{4}$" },
            "quantity": { "type": "integer", "minimum": 1 },
            "tags": { "type": "array", "items": { "type": "string" } }
          },
          "required": ["orderId", "quantity"],
          "additionalProperties": false
        }
        """;

    [Fact]
    public async Task Passes_json_that_satisfies_the_schema()
    {
        var judge = new JsonSchemaJudge(OrderSchema);

        Verdict verdict = await judge.JudgeAsync("""{ "orderId": "A1234", "quantity": 2, "tags": ["gift"] }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
        verdict.Rationale.Should().Be("the output is JSON that satisfies the schema");
    }

    [Fact]
    public async Task Lists_every_validation_error_with_the_json_pointer_of_its_value()
    {
        var judge = new JsonSchemaJudge(OrderSchema);

        Verdict verdict = await judge.JudgeAsync("""{ "quantity": 0, "tags": ["gift", 7] }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
        verdict.Rationale.Should().StartWith("the output is JSON but does not satisfy the schema: 3 error(s): ")
            .And.Contain("at \"\" (the root): Required properties [\"orderId\"] are not present [required]")
            .And.Contain("at /quantity: 0 should be at least 1 [minimum]")
            .And.Contain("at /tags/1: Value is \"integer\" but should be \"string\" [type]");
    }

    [Fact]
    public async Task Escapes_property_names_in_pointers_as_rfc_6901_does()
    {
        var judge = new JsonSchemaJudge("""{ "properties": { "a/b": { "type": "number" } } }""");

        Verdict verdict = await judge.JudgeAsync("""{ "a/b": "x" }""");

        verdict.Rationale.Should().Contain("at /a~1b: ");
    }

    [Fact]
    public async Task Fails_unparseable_output_with_the_parse_error()
    {
        var judge = new JsonSchemaJudge(OrderSchema);

        Verdict verdict = await judge.JudgeAsync("""{ "orderId": "A1234", }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().StartWith("the output is not valid JSON (")
            .And.Contain("LineNumber: 0")
            .And.EndWith("); expected a JSON document that satisfies the schema");
    }

    [Fact]
    public async Task Fails_an_empty_output_saying_it_is_empty()
    {
        var judge = new JsonSchemaJudge(OrderSchema);

        Verdict verdict = await judge.JudgeAsync("  ");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Be("the output is empty; expected a JSON document that satisfies the schema");
    }

    [Fact]
    public async Task Rejects_json_wrapped_in_a_code_fence_by_default()
    {
        var judge = new JsonSchemaJudge(OrderSchema);

        Verdict verdict = await judge.JudgeAsync("```json\n{ \"orderId\": \"A1234\", \"quantity\": 2 }\n```");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public async Task Reads_json_from_a_code_fence_when_allowed()
    {
        var judge = new JsonSchemaJudge(OrderSchema) { AllowCodeFence = true };

        Verdict verdict = await judge.JudgeAsync("Here is the order:\n```json\n{ \"orderId\": \"A1234\", \"quantity\": 2 }\n```\nAnything else?");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task An_unresolvable_reference_reached_by_the_output_is_inconclusive()
    {
        var judge = new JsonSchemaJudge("""{ "properties": { "address": { "$ref": "#/$defs/address" } } }""");

        Verdict verdict = await judge.JudgeAsync("""{ "address": "Main Street 1" }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().StartWith("the schema could not be evaluated against the output: Could not resolve");
    }

    [Fact]
    public async Task Judges_outputs_of_many_rows_at_once()
    {
        var judge = new JsonSchemaJudge("""
            { "type": "object", "if": { "properties": { "kind": { "const": "a" } } }, "then": { "required": ["a"] }, "else": { "required": ["b"] } }
            """);

        Verdict[] verdicts = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            judge.JudgeAsync(i % 2 == 0 ? """{ "kind": "a", "a": 1 }""" : """{ "kind": "b", "a": 1 }"""))));

        verdicts.Where((_, i) => i % 2 == 0).Should().OnlyContain(v => v.Outcome == VerdictOutcome.Pass);
        verdicts.Where((_, i) => i % 2 == 1).Should().OnlyContain(v => v.Outcome == VerdictOutcome.Fail && v.Rationale.Contains("[\"b\"]"));
    }

    [Fact]
    public void Two_judges_may_use_schemas_with_the_same_id()
    {
        _ = new JsonSchemaJudge("""{ "$id": "https://example.com/order", "type": "object" }""");
        Action second = () => _ = new JsonSchemaJudge("""{ "$id": "https://example.com/order", "type": "array" }""");

        second.Should().NotThrow();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "type": "strnig" }""")]
    [InlineData("""{ "minimum": "one" }""")]
    [InlineData("[]")]
    public void An_invalid_schema_is_an_argument_exception(string schema)
    {
        Action create = () => _ = new JsonSchemaJudge(schema);

        create.Should().Throw<ArgumentException>()
            .WithMessage("The JSON schema is not valid: *")
            .And.ParamName.Should().Be("schema");
    }
}
