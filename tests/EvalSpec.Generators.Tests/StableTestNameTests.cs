using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// Row identities (xUnit v2: the generated method and the row's keys), display names and traits come from stable keys (case id,
/// variant key, relation key), never from positions: adding a prompt, case or relation anywhere only adds tests,
/// so test history, filters and baselines of the existing rows survive.
/// </summary>
public sealed class StableTestNameTests
{
    private const string Formal = """[Prompt("formal", "What is the refund window for {product}?")]""";
    private const string Casual = """[Prompt("casual", "how long can i send back my {product}")]""";
    private const string Laptop = """[Case("laptop", Expected = "30 days")]""";
    private const string Headphones = """[Case("headphones", Expected = "14 days")]""";
    private const string Typos = "[Invariant<Typos>]";
    private const string Lowercase = "[Invariant<Lowercase>]";

    [Fact]
    public void Inserting_a_keyed_prompt_variant_between_existing_ones_only_adds_tests()
    {
        IReadOnlyList<GeneratedTest> before = Tests(Formal, Casual, Laptop, Headphones, Typos, Lowercase);
        IReadOnlyList<GeneratedTest> after = Tests(Formal, """[Prompt("story", "I bought {product} last week. Can I return it?")]""", Casual, Laptop, Headphones, Typos, Lowercase);

        ShouldOnlyAdd(before, after, added: 2 * 3);
    }

    [Fact]
    public void Inserting_an_unkeyed_prompt_variant_before_another_unkeyed_one_only_adds_tests()
    {
        const string unkeyed = """[Prompt("Refund window for {product}?")]""";
        IReadOnlyList<GeneratedTest> before = Tests(unkeyed, Laptop, Typos);
        IReadOnlyList<GeneratedTest> after = Tests("""[Prompt("Can I still return {product}?")]""", unkeyed, Laptop, Typos);

        ShouldOnlyAdd(before, after, added: 2);
    }

    [Fact]
    public void Inserting_a_case_between_existing_ones_only_adds_tests()
    {
        IReadOnlyList<GeneratedTest> before = Tests(Formal, Casual, Laptop, Headphones, Typos);
        IReadOnlyList<GeneratedTest> after = Tests(Formal, Casual, Laptop, """[Case("a tablet", Expected = "30 days")]""", Headphones, Typos);

        ShouldOnlyAdd(before, after, added: 2 * 2);
    }

    [Fact]
    public void Inserting_a_relation_between_existing_ones_only_adds_tests()
    {
        IReadOnlyList<GeneratedTest> before = Tests(Formal, Casual, Laptop, Headphones, Typos, Lowercase);
        IReadOnlyList<GeneratedTest> after = Tests(Formal, Casual, Laptop, Headphones, Typos, "[Invariant<WhitespaceNoise>]", Lowercase);

        ShouldOnlyAdd(before, after, added: 2 * 2);
    }

    [Fact]
    public void Reordering_prompts_cases_and_relations_keeps_every_test()
    {
        IReadOnlyList<GeneratedTest> before = Tests(Formal, Casual, Laptop, Headphones, Typos, Lowercase);
        IReadOnlyList<GeneratedTest> after = Tests(Lowercase, Headphones, Casual, Typos, Laptop, Formal);

        after.Should().BeEquivalentTo(before);
    }

    [Fact]
    public void Relation_row_is_displayed_as_class_method_case_variant_and_relation()
    {
        Tests(Formal, Casual, Laptop, Typos).Select(t => t.DisplayName)
            .Should().Contain("RefundEvals.RefundWindow [laptop · casual · typos]");
    }

    [Fact]
    public void Identity_row_is_displayed_without_a_relation_segment()
    {
        Tests(Formal, Casual, Laptop, Typos).Select(t => t.DisplayName)
            .Should().Contain("RefundEvals.RefundWindow [laptop · casual]")
            .And.NotContain(name => name.Contains("identity"));
    }

    [Fact]
    public void Rows_of_a_method_without_prompts_are_displayed_without_a_variant_segment()
    {
        Tests(Laptop, """[Invariant<Typos>(Parameter = "product")]""").Select(t => t.DisplayName)
            .Should().BeEquivalentTo("RefundEvals.RefundWindow [laptop]", "RefundEvals.RefundWindow [laptop · typos]");
    }

    [Fact]
    public void Every_test_carries_category_method_case_variant_and_relation_traits()
    {
        Tests(Formal, Casual, Laptop, Typos).Should().ContainEquivalentOf(new GeneratedTest(
            "RefundWindow__EvalRows(laptop/casual/typos)",
            "RefundEvals.RefundWindow [laptop · casual · typos]",
            "Category=Eval; EvalMethod=RefundWindow; Case=laptop; Variant=casual; Relation=typos"));
    }

    [Fact]
    public void Implicit_variant_and_identity_relation_are_named_in_traits()
    {
        Tests(Laptop).Should().ContainSingle().Which.Traits
            .Should().Be("Category=Eval; EvalMethod=RefundWindow; Case=laptop; Variant=default; Relation=identity");
    }

    [Fact]
    public void A_rows_identity_is_the_generated_method_with_the_rows_keys()
    {
        // xUnit v2 serializes the keys as the test case's arguments; its unique id (Test Explorer history) derives from them.
        Tests(Formal, """[Case("a laptop", Id = "laptop-15")]""", """[Invariant<Typos>(Name = "product-typos")]""").Select(t => t.MethodName)
            .Should().Equal("RefundWindow__EvalRows(laptop-15/formal/identity)", "RefundWindow__EvalRows(laptop-15/formal/product-typos)");
    }

    [Fact]
    public void A_key_whose_characters_cannot_appear_in_an_identifier_is_kept_verbatim()
    {
        Tests(Formal, """[Case("a laptop", Id = "laptop 15\"")]""").Select(t => t.MethodName)
            .Should().ContainSingle().Which.Should().Be("RefundWindow__EvalRows(laptop 15\"/formal/identity)");
    }

    [Fact]
    public void Case_ids_that_sanitise_to_the_same_identifier_get_distinct_method_names()
    {
        IReadOnlyList<GeneratedTest> tests = Tests(Formal, """[Case("a b")]""", """[Case("a-b")]""", """[Case("a.b")]""");

        tests.Select(t => t.MethodName).Should().OnlyHaveUniqueItems().And.HaveCount(3);
        tests.Select(t => t.DisplayName).Should().Equal(
            "RefundEvals.RefundWindow [a b · formal]", "RefundEvals.RefundWindow [a-b · formal]", "RefundEvals.RefundWindow [a.b · formal]");
    }

    [Fact]
    public void Disambiguated_method_names_are_the_same_on_every_run()
    {
        string[] attributes = { Formal, """[Case("a b")]""", """[Case("a-b")]""", Typos };

        Tests(attributes).Should().Equal(Tests(attributes));
    }

    [Fact]
    public void Inserting_a_case_whose_id_sanitises_like_an_existing_one_keeps_the_existing_method_names()
    {
        IReadOnlyList<GeneratedTest> before = Tests(Formal, """[Case("a b")]""", Typos);
        IReadOnlyList<GeneratedTest> after = Tests(Formal, """[Case("a-b")]""", """[Case("a b")]""", Typos);

        ShouldOnlyAdd(before, after, added: 2);
    }

    private static void ShouldOnlyAdd(IReadOnlyList<GeneratedTest> before, IReadOnlyList<GeneratedTest> after, int added)
    {
        after.Should().HaveCount(before.Count + added);
        after.Should().Contain(before, "an existing test must keep its method name, display name and traits");
        after.Select(t => t.MethodName).Should().OnlyHaveUniqueItems();
    }

    private static IReadOnlyList<GeneratedTest> Tests(params string[] attributes)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Shop.Evals;

            public partial class RefundEvals
            {
                [Eval]
                {{string.Join("\n    ", attributes)}}
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        run.DriverDiagnostics.Should().BeEmpty();
        run.EvalMethodSources.Should().ContainSingle("the attributes must describe a valid eval method");
        IReadOnlyList<GeneratedTest> tests = run.Tests();
        tests.Should().NotBeEmpty("the generated tests must be readable, or every comparison here would pass vacuously");
        return tests;
    }
}
