using System;
using System.Linq;
using EvalSpec.Generators.Parsing;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The analyzers report authoring errors; the generator emits no rows for the broken method (never broken code,
/// never an exception), only a test that fails with the errors where that test compiles, while every valid method
/// of the project still generates.
/// </summary>
public sealed class InvalidEvalMethodTests
{
    public static TheoryData<string> ErrorRules => new(InvalidEvalMethods.All.Select(m => m.Rule.ToString()));

    [Fact]
    public void Every_error_rule_has_an_invalid_method_example()
    {
        // Prompt-file and case-file rules come from resolving [PromptSet] and [CasesFrom] against the files;
        // PromptFileTests and CasesFromTests cover them.
        Enum.GetValues<EvalRule>().Where(IsError).Except(new[] { EvalRule.PromptSetNotFound, EvalRule.PromptFileMalformed, EvalRule.CasesFromFileNotFound, EvalRule.CaseDataInvalid })
            .Should().BeEquivalentTo(InvalidEvalMethods.All.Select(m => m.Rule));
    }

    [Theory]
    [MemberData(nameof(ErrorRules))]
    public void Invalid_method_example_breaks_exactly_its_rule(string rule)
    {
        InvalidEvalMethod example = InvalidEvalMethods.For(Enum.Parse<EvalRule>(rule));

        EvalMethodParseResult result = GeneratorHarness.ParseMethod(example.Source, InvalidEvalMethods.TypeName, InvalidEvalMethods.MethodName);

        result.Problems.Select(p => p.Rule).Should().Equal(example.Rule);
        result.Spec.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(ErrorRules))]
    public void Invalid_method_generates_no_rows_while_a_valid_method_next_to_it_still_generates(string rule)
    {
        InvalidEvalMethod example = InvalidEvalMethods.For(Enum.Parse<EvalRule>(rule));
        SourceFile[] files = Scenarios.NoPrompt.Append(new SourceFile("BrokenEvals.cs", example.Source)).ToArray();

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files));

        run.Result.Exception.Should().BeNull();
        run.DriverDiagnostics.Should().BeEmpty();
        run.EvalMethodSources.Should().ContainSingle().Which.HintName.Should().StartWith("Support.Evals.FaqEvals.");
        DescriptorData.All(run.EvalMethodSources.Single().SyntaxTree).Select(d => d.Data.Method).Should().Equal("Answer");
        run.EvalMethodSources.Should().NotContain(s => s.SourceText.ToString().Contains("BrokenEvals"));
    }

    [Theory]
    [MemberData(nameof(ErrorRules))]
    public void Invalid_method_gets_a_compiling_test_that_fails_with_its_error_where_its_class_can_take_one(string rule)
    {
        EvalRule broken = Enum.Parse<EvalRule>(rule);
        InvalidEvalMethod example = InvalidEvalMethods.For(broken);
        SourceFile[] files = Scenarios.NoPrompt.Append(new SourceFile("BrokenEvals.cs", example.Source)).ToArray();

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files));

        // A class that is not partial, or a struct, cannot take generated members: the analyzer's error is all there is.
        bool declarable = broken is not (EvalRule.ClassNotPartial or EvalRule.UnsupportedContainingType);
        run.NotGeneratedTestSources.Should().HaveCount(declarable ? example.MethodCount : 0);
        foreach (GeneratedSourceResult source in run.NotGeneratedTestSources)
        {
            source.SourceText.ToString().Should().Contain("\\n" + EvalRuleText.For(broken).Id + ": ");
        }

        run.CompilationWarningsAndErrors().Select(d => d.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Method_without_cases_is_only_warned_about_and_generates_no_tests()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public partial class DraftEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """);

        run.DriverDiagnostics.Should().BeEmpty();
        run.Tests().Should().BeEmpty();
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }

    [Theory]
    [InlineData("internal partial class RefundEvals", "Task<string> RefundWindow")]
    [InlineData("file partial class RefundEvals", "Task<string> RefundWindow")]
    [InlineData("public partial class RefundEvals : IRefundShape", "Task<string> IRefundShape.RefundWindow")]
    public void Eval_method_xunit_could_not_run_generates_nothing_and_the_build_stays_clean(string type, string method)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public interface IRefundShape
            {
                Task<string> RefundWindow(EvalInput input, string product);
            }

            {{type}}
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                {{(method.Contains('.') ? string.Empty : "public ")}}{{method}}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """);

        run.Result.Exception.Should().BeNull();
        run.DriverDiagnostics.Should().BeEmpty();
        run.EvalMethodSources.Should().BeEmpty();
        run.NotGeneratedTestSources.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Select(d => d.ToString()).Should().BeEmpty();
    }

    private static bool IsError(EvalRule rule) => new EvalProblem(rule, null).IsError;
}
