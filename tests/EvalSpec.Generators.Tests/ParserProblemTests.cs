using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// What the parser tells the analyzers about each authoring mistake: the rule, the message arguments that name
/// the offending thing (and what would be valid instead), and where it is.
/// </summary>
public sealed class ParserProblemTests
{
    private const string Method = "RefundEvals.RefundWindow";

    [Fact]
    public void Valid_design_example_has_no_problems()
    {
        EvalMethodParseResult result = GeneratorHarness.ParseMethod(Scenarios.DesignExample, "Shop.Evals.RefundEvals", "RefundWindow");

        result.Problems.Should().BeEmpty();
        result.Spec.Should().NotBeNull();
    }

    [Fact]
    public void Unknown_placeholder_names_the_placeholder_the_variant_and_the_valid_placeholders()
    {
        EvalProblem problem = SingleProblem(
            """[Prompt("formal", "Refund window for {produkt} in {region}?")] [Case("laptop", "EU")]""",
            "string product, string region");

        problem.Rule.Should().Be(EvalRule.UnknownPlaceholder);
        problem.MessageArguments.Should().Equal(Method, "produkt", "formal", "{product}, {region}");
        LocatedText(problem).Should().Be("\"Refund window for {produkt} in {region}?\"");
    }

    [Fact]
    public void Unknown_placeholder_in_a_method_without_parameters_suggests_adding_one()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "Refund window for {product}?")] [Case]""", parameters: "");

        problem.Rule.Should().Be(EvalRule.UnknownPlaceholder);
        problem.MessageArguments.Should().Equal(Method, "product", "formal", "none: the method has no parameters after EvalInput; add one named 'product'");
    }

    [Fact]
    public void Case_argument_count_names_both_counts_and_the_parameter_list()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product} {region}")] [Case("laptop")]""", "string product, string region");

        problem.Rule.Should().Be(EvalRule.CaseArgumentCount);
        problem.MessageArguments.Should().Equal(Method, 1, 2, "(string product, string region)");
        LocatedText(problem).Should().Be("Case(\"laptop\")");
    }

    [Fact]
    public void Case_argument_type_names_the_position_value_parameter_and_reason()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product} {years}")] [Case("laptop", "ten")]""", "string product, int years");

        problem.Rule.Should().Be(EvalRule.CaseArgumentType);
        problem.MessageArguments.Should().Equal(Method, 2, "ten", "int years", "string does not convert to int");
        LocatedText(problem).Should().Be("\"ten\"");
    }

    [Fact]
    public void Null_case_argument_for_a_value_type_names_the_parameter()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{years}")] [Case(null)]""", "int years");

        problem.Rule.Should().Be(EvalRule.CaseArgumentType);
        problem.MessageArguments.Should().Equal(Method, 1, "null", "int years", "null cannot be converted to a non-nullable value type");
    }

    [Theory]
    [InlineData("2.5", "2.5", "double does not convert to int")]
    [InlineData("3000000000L", "3000000000", "long does not convert to int")]
    public void Lossy_numeric_case_argument_is_rejected(string argument, string text, string reason)
    {
        EvalProblem problem = SingleProblem($$"""[Prompt("formal", "{years}")] [Case({{argument}})]""", "int years");

        problem.Rule.Should().Be(EvalRule.CaseArgumentType);
        problem.MessageArguments.Should().Equal(Method, 1, text, "int years", reason);
    }

    [Fact]
    public void Exact_numeric_case_argument_is_accepted_for_a_narrower_parameter()
    {
        EvalMethodParseResult result = Parse("""[Prompt("formal", "{years}")] [Case(2.0)] [Case(5L, Id = "five")]""", "int years");

        result.Problems.Should().BeEmpty();
        result.Spec!.Cases.Select(c => c.Arguments[0]).Should().Equal(new CaseValue("int", "2"), new CaseValue("int", "5"));
    }

    [Fact]
    public void Cases_whose_joined_arguments_read_the_same_get_distinct_ids()
    {
        EvalMethodParseResult result = Parse(
            """[Prompt("formal", "{greeting} {question}")] [Case("Hi, there", "refund")] [Case("Hi", "there, refund")] [Case("Hello", null)] [Case("Hello", "null")] [Case("Hey", "refund")]""",
            "string greeting, string? question");

        result.Problems.Should().BeEmpty();
        string[] ids = result.Spec!.Cases.Select(c => c.Id).ToArray();
        ids.Should().OnlyHaveUniqueItems();
        ids[0].Should().StartWith("case-");
        ids[1].Should().StartWith("case-");
        ids[2].Should().Be("Hello, null", "a null argument alone is not ambiguous");
        ids[3].Should().StartWith("case-");
        ids[4].Should().Be("Hey, refund", "unambiguous ids are unchanged");
    }

    [Fact]
    public void Class_not_partial_names_the_class_and_the_method()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")]""", declaration: "public class RefundEvals");

        problem.Rule.Should().Be(EvalRule.ClassNotPartial);
        problem.MessageArguments.Should().Equal("RefundEvals", "RefundWindow");
        LocatedText(problem).Should().Be("RefundEvals");
    }

    [Fact]
    public void Containing_class_not_partial_names_the_containing_class()
    {
        EvalMethodParseResult result = GeneratorHarness.ParseMethod("""
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public class Suites
            {
                public partial class RefundEvals
                {
                    [Eval] [Prompt("formal", "{product}")] [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(product);
                }
            }
            """, "Shop.Evals.Suites+RefundEvals", "RefundWindow");

        EvalProblem problem = result.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(EvalRule.ClassNotPartial);
        problem.MessageArguments.Should().Equal("Suites", "RefundWindow");
    }

    [Fact]
    public void Duplicate_variant_key_names_the_key()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}?")] [Prompt("formal", "Tell me about {product}")] [Case("laptop")]""");

        problem.Rule.Should().Be(EvalRule.DuplicateVariantKey);
        problem.MessageArguments.Should().Equal(Method, "formal");
        LocatedText(problem).Should().Be("\"formal\"");
    }

    [Fact]
    public void Two_unkeyed_prompts_with_the_same_template_share_a_hash_key_and_are_duplicates()
    {
        EvalProblem problem = SingleProblem("""[Prompt("{product}?")] [Prompt("{product}?")] [Case("laptop")]""");

        problem.Rule.Should().Be(EvalRule.DuplicateVariantKey);
        problem.MessageArguments.Should().Equal(Method, KeyNaming.Hash("{product}?"));
    }

    [Theory]
    [InlineData("public string RefundWindow(EvalInput input, string product)", "returns string")]
    [InlineData("public Task RefundWindow(EvalInput input, string product)", "returns System.Threading.Tasks.Task")]
    [InlineData("public Task<string> RefundWindow(string product)", "does not take EvalInput as its first parameter")]
    [InlineData("public Task<string> RefundWindow(EvalInput input, ref string product)", "has a ref, out, in or params parameter")]
    [InlineData("public Task<string> RefundWindow(EvalInput input, params string[] product)", "has a ref, out, in or params parameter")]
    [InlineData("public Task<string> RefundWindow<T>(EvalInput input, string product)", "is generic")]
    public void Unsupported_signature_says_what_is_wrong_and_lists_the_accepted_shapes(string signature, string whatIsWrong)
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")]""", signature: signature);

        problem.Rule.Should().Be(EvalRule.UnsupportedSignature);
        problem.MessageArguments.Should().HaveCount(3);
        problem.MessageArguments[0].Should().Be(Method);
        problem.MessageArguments[1].Should().Be(whatIsWrong);
        problem.MessageArguments[2].Should().BeOfType<string>().Which.Should().Contain("Task<string>").And.Contain("ValueTask<T>").And.Contain("EvalInput input");
        LocatedText(problem).Should().Be("RefundWindow");
    }

    [Fact]
    public void Duplicate_case_id_names_the_id()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")] [Case("a laptop", Id = "laptop")]""");

        problem.Rule.Should().Be(EvalRule.DuplicateCaseId);
        problem.MessageArguments.Should().Equal(Method, "laptop");
        LocatedText(problem).Should().Be("Case(\"a laptop\", Id = \"laptop\")");
    }

    [Fact]
    public void Duplicate_relation_key_names_the_key()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")] [Invariant<Typos>] [Invariant<Lowercase>(Name = "typos")]""");

        problem.Rule.Should().Be(EvalRule.DuplicateRelationKey);
        problem.MessageArguments.Should().Equal(Method, "typos");
        LocatedText(problem).Should().Be("Invariant<Lowercase>(Name = \"typos\")");
    }

    [Fact]
    public void Relation_named_identity_collides_with_the_reserved_identity_row()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")] [Invariant<Typos>(Name = "identity")]""");

        problem.Rule.Should().Be(EvalRule.DuplicateRelationKey);
        problem.MessageArguments.Should().Equal(Method, "identity");
    }

    [Fact]
    public void Relation_parameter_not_found_names_the_relation_the_parameter_and_the_known_parameters()
    {
        EvalProblem problem = SingleProblem(
            """[Prompt("formal", "{product} {region}")] [Case("laptop", "EU")] [Invariant<Typos>(Parameter = "produkt")]""",
            "string product, string region");

        problem.Rule.Should().Be(EvalRule.RelationParameterNotFound);
        problem.MessageArguments.Should().Equal(Method, "typos", "produkt", "product, region");
        LocatedText(problem).Should().Be("Parameter = \"produkt\"");
    }

    [Fact]
    public void Relation_parameter_not_string_names_the_parameter_and_its_type()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{years}")] [Case(10)] [Directional<Lowercase>(Parameter = "years", Name = "years-case")]""", "int years");

        problem.Rule.Should().Be(EvalRule.RelationParameterNotString);
        problem.MessageArguments.Should().Equal(Method, "years-case", "years", "int");
    }

    [Theory]
    [InlineData("What about {product", "'{' at position 11 is never closed; write '{{' for a literal brace")]
    [InlineData("What about product}", "'}' at position 18 has no opening '{'; write '}}' for a literal brace")]
    [InlineData("What about {}?", "'{}' at position 11 is not a placeholder: write a parameter name between the braces, or '{{' and '}}' for literal braces")]
    public void Malformed_template_says_what_is_wrong_and_where(string template, string error)
    {
        EvalProblem problem = SingleProblem($$"""[Prompt("formal", "{{template}}")] [Case("laptop")]""");

        problem.Rule.Should().Be(EvalRule.MalformedTemplate);
        problem.MessageArguments.Should().Equal(Method, error);
        LocatedText(problem).Should().Be("\"" + template + "\"");
    }

    [Fact]
    public void Threshold_out_of_range_names_the_setting_and_the_value()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")]""", eval: "[Eval(Threshold = 1.5)]");

        problem.Rule.Should().Be(EvalRule.ValueOutOfRange);
        problem.MessageArguments.Should().Equal("Threshold", "1.5", Method, "it must be between 0 and 1");
        LocatedText(problem).Should().Be("Threshold = 1.5");
    }

    [Fact]
    public void Negative_timeout_names_the_setting_and_its_unit()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")]""", eval: "[Eval(Timeout = -1)]");

        problem.Rule.Should().Be(EvalRule.ValueOutOfRange);
        problem.MessageArguments.Should().Equal("Timeout", "-1", Method, "it is in milliseconds and must be 0 (the default) or more");
    }

    [Fact]
    public void Relation_threshold_out_of_range_names_the_relation()
    {
        EvalProblem problem = SingleProblem("""[Prompt("formal", "{product}")] [Case("laptop")] [Invariant<Typos>(Threshold = -0.25)]""");

        problem.Rule.Should().Be(EvalRule.ValueOutOfRange);
        problem.MessageArguments.Should().Equal("Threshold", "-0.25", Method + " (relation 'typos')", "it must be between 0 and 1");
    }

    [Fact]
    public void Method_without_cases_is_a_warning_that_keeps_the_spec()
    {
        EvalMethodParseResult result = Parse("""[Prompt("formal", "{product}")]""");

        EvalProblem problem = result.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(EvalRule.NoCases);
        problem.IsError.Should().BeFalse();
        problem.MessageArguments.Should().Equal(Method);
        result.Spec.Should().NotBeNull();
    }

    [Fact]
    public void Relation_without_prompt_or_parameter_names_the_relation()
    {
        EvalProblem problem = SingleProblem("""[Case("laptop")] [Invariant<Typos>]""");

        problem.Rule.Should().Be(EvalRule.RelationWithoutPrompt);
        problem.MessageArguments.Should().Equal(Method, "typos");
        LocatedText(problem).Should().Be("Invariant<Typos>");
    }

    [Theory]
    [InlineData("public partial struct RefundEvals", "Shop.Evals.RefundEvals", "'RefundEvals' is a struct; xUnit tests live in classes")]
    [InlineData("public partial class RefundEvals<T>", "Shop.Evals.RefundEvals`1", "'RefundEvals' is generic; declare [Eval] methods in non-generic types")]
    public void Unsupported_containing_type_says_why_tests_cannot_be_generated(string declaration, string metadataName, string reason)
    {
        EvalMethodParseResult result = GeneratorHarness.ParseMethod(Source("""[Prompt("formal", "{product}")] [Case("laptop")]""", declaration: declaration), metadataName, "RefundWindow");

        EvalProblem problem = result.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(EvalRule.UnsupportedContainingType);
        problem.MessageArguments.Should().Equal(Method, reason);
    }

    [Theory]
    [InlineData("""[Prompt("", "{product}")] [Case("laptop")]""", "prompt variant key", "\"\"")]
    [InlineData("""[Prompt("formal/short", "{product}")] [Case("laptop")]""", "prompt variant key", "\"formal/short\"")]
    [InlineData("""[Prompt("formal", "{product}")] [Case("laptop", Id = " ")]""", "case id", "\" \"")]
    [InlineData("""[Prompt("formal", "{product}")] [Case("laptop")] [Invariant<Typos>(Name = "")]""", "relation name", "\"\"")]
    public void Unusable_key_names_what_kind_of_key_and_quotes_it(string attributes, string kind, string quotedKey)
    {
        EvalProblem problem = SingleProblem(attributes);

        problem.Rule.Should().Be(EvalRule.EmptyKey);
        problem.MessageArguments.Should().Equal(kind, Method, quotedKey);
    }

    [Fact]
    public void Overloaded_eval_methods_name_the_class_and_the_method()
    {
        EvalMethodParseResult result = GeneratorHarness.ParseMethod("""
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public partial class RefundEvals
            {
                [Eval] [Prompt("formal", "{product}")] [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(product);

                [Eval] [Prompt("formal", "{years}")] [Case(1)]
                public Task<string> RefundWindow(EvalInput input, int years) => Task.FromResult("");
            }
            """, "Shop.Evals.RefundEvals", "RefundWindow");

        EvalProblem problem = result.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(EvalRule.DuplicateEvalMethodName);
        problem.MessageArguments.Should().Equal("RefundEvals", "RefundWindow");
    }

    private static EvalProblem SingleProblem(
        string attributes,
        string parameters = "string product",
        string? signature = null,
        string declaration = "public partial class RefundEvals",
        string eval = "[Eval]")
    {
        EvalMethodParseResult result = Parse(attributes, parameters, signature, declaration, eval);
        EvalProblem problem = result.Problems.Should().ContainSingle().Subject;
        problem.IsError.Should().BeTrue();
        result.Spec.Should().BeNull("a method with an error produces no spec, so nothing is generated for it");
        return problem;
    }

    private static EvalMethodParseResult Parse(
        string attributes,
        string parameters = "string product",
        string? signature = null,
        string declaration = "public partial class RefundEvals",
        string eval = "[Eval]") =>
        GeneratorHarness.ParseMethod(Source(attributes, parameters, signature, declaration, eval), "Shop.Evals.RefundEvals", "RefundWindow");

    private static string Source(
        string attributes,
        string parameters = "string product",
        string? signature = null,
        string declaration = "public partial class RefundEvals",
        string eval = "[Eval]") => $$"""
        using System.Threading.Tasks;
        using EvalSpec;
        using EvalSpec.Metamorphic;

        namespace Shop.Evals;

        {{declaration}}
        {
            {{eval}}
            {{attributes}}
            {{signature ?? "public Task<string> RefundWindow(EvalInput input" + (parameters.Length == 0 ? "" : ", " + parameters) + ")"}} => throw new System.NotSupportedException();
        }
        """;

    /// <summary>The source text a problem points at (the analyzer reports the diagnostic there).</summary>
    private static string LocatedText(EvalProblem problem)
    {
        problem.Location.Should().NotBeNull();
        problem.Location!.IsInSource.Should().BeTrue();
        return problem.Location.SourceTree!.GetText().ToString(problem.Location.SourceSpan);
    }
}
