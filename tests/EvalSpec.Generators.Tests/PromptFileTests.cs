using System.Collections.Generic;
using System.Linq;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Generators.Tests.Infrastructure;
using EvalSpec.Prompts;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>Prompt variants from <c>.prompts</c> files registered as AdditionalFiles ([PromptSet]).</summary>
public sealed class PromptFileTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using EvalSpec;

        namespace Shop.Evals;

        public partial class RefundEvals
        {
            [Eval]
            [Prompt("inline", "Refund window for {product}?")]
            [PromptSet("refund")]
            [Case("laptop")]
            public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
        }
        """;

    private const string File = """
        # Phrasings of the refund question, reviewed like code.
        formal: What is the refund window for {product}?
        casual: how long can i send back my {product}

        curt: {product} refund: how long?
        """;

    [Fact]
    public void Each_line_of_a_prompt_file_is_a_variant_with_its_key_next_to_the_inline_ones()
    {
        IReadOnlyList<GeneratedTest> tests = Run(File).Tests();

        tests.Select(t => t.DisplayName).Should().Equal(
            "RefundEvals.RefundWindow [laptop · inline]",
            "RefundEvals.RefundWindow [laptop · formal]",
            "RefundEvals.RefundWindow [laptop · casual]",
            "RefundEvals.RefundWindow [laptop · curt]");
        DescriptorData.Of(Run(File).EvalMethodSources.Single().SourceText.ToString()).Variants.Select(v => v.Template).Should().Contain("{product} refund: how long?", "only the first colon ends the key");
    }

    [Theory]
    [InlineData("formal What is it?", "no colon")]
    [InlineData(": What is it?", "non-empty")]
    [InlineData("a/b: What is it?", "must not contain '/'")]
    [InlineData("formal:", "empty")]
    [InlineData("formal: one\nformal: two", "more than once")]
    public void A_malformed_line_is_reported_with_its_line_number(string text, string message)
    {
        PromptFileSpec file = PromptFileSpec.Parse("prompts/refund.prompts", text);

        file.Errors.Should().ContainSingle().Which.Message.Should().Contain(message);
        file.Name.Should().Be("refund");
    }

    [Theory]
    [InlineData("formal: What about {produkt}?", nameof(EvalRule.UnknownPlaceholder))]
    [InlineData("formal: What about {product", nameof(EvalRule.MalformedTemplate))]
    [InlineData("inline: clashes with the inline key {product}", nameof(EvalRule.DuplicateVariantKey))]
    [InlineData("formal", nameof(EvalRule.PromptFileMalformed))]
    public void A_method_whose_prompt_file_has_a_problem_generates_no_rows_but_a_test_failing_with_it(string text, string rule)
    {
        GeneratorRun run = Run(text);

        run.EvalMethodSources.Should().BeEmpty();
        Resolve(text).Should().Contain(p => p.Rule.ToString() == rule);
        run.NotGeneratedTests().Should().ContainSingle().Which.DisplayName.Should().Be("RefundEvals.RefundWindow [not generated]");
        run.NotGeneratedTestSources.Single().SourceText.ToString().Should().Contain(EvalRuleText.For(System.Enum.Parse<EvalRule>(rule)).Id + ": ");
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }

    [Fact]
    public void A_prompt_set_without_its_file_generates_no_rows_and_names_the_files_found()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(additionalTexts: new[] { new InMemoryAdditionalText("prompts/other.prompts", "a: {product}") }), GeneratorHarness.CreateCompilation(Source));

        run.EvalMethodSources.Should().BeEmpty();
        run.NotGeneratedTestSources.Should().ContainSingle().Which.SourceText.ToString().Should().Contain("ES1018: [PromptSet(\\\"refund\\\")] on RefundEvals.RefundWindow: no file refund.prompts");
        EvalProblem problem = Resolve(null, ("prompts/other.prompts", "a: {product}")).Should().ContainSingle().Subject;
        problem.Rule.Should().Be(EvalRule.PromptSetNotFound);
        problem.MessageArguments.Should().Equal("RefundEvals.RefundWindow", "refund", "other");
    }

    [Fact]
    public void Editing_the_prompt_file_regenerates_the_method_and_an_unrelated_file_does_not()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source);
        var file = new InMemoryAdditionalText("prompts/refund.prompts", File);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(additionalTexts: new[] { file });
        driver = driver.RunGenerators(compilation);

        GeneratorDriver unrelated = driver.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("notes/readme.txt", "hello"))).RunGenerators(compilation);
        GeneratorDriver edited = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText("prompts/refund.prompts", File + "\nshort: {product}?")).RunGenerators(compilation);

        Reason(unrelated).Should().BeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Reason(edited).Should().Be(IncrementalStepRunReason.Modified);
        DescriptorData.Of(edited.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains(".RefundEvals.")).ToString(), "RefundWindow").Variants.Select(v => v.Key).Should().Contain("short");
    }

    private static GeneratorRun Run(string file) =>
        GeneratorHarness.Run(GeneratorHarness.CreateDriver(additionalTexts: new[] { new InMemoryAdditionalText("prompts/refund.prompts", file) }), GeneratorHarness.CreateCompilation(Source));

    private static List<EvalProblem> Resolve(string? file, params (string Path, string Text)[] others)
    {
        EvalMethodParseResult parsed = GeneratorHarness.ParseMethod(Source, "Shop.Evals.RefundEvals", "RefundWindow");
        var files = others.Select(o => PromptFileSpec.Parse(o.Path, o.Text)).ToList();
        if (file is not null)
        {
            files.Add(PromptFileSpec.Parse("prompts/refund.prompts", file));
        }

        var problems = new List<EvalProblem>();
        PromptSetResolver.Resolve(parsed.Spec!, files, problems);
        return problems;
    }

    private static IncrementalStepRunReason Reason(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ValidEvalMethods].Single().Outputs.Single().Reason;
}
