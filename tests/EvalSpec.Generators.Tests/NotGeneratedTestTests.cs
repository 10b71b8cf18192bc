using System;
using System.Linq;
using System.Reflection;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// An [Eval] method with errors gets no rows; in their place one test fails with the errors, worded as the analyzer
/// words them, so that an error whose severity was turned down in .editorconfig never makes rows vanish from a green
/// run. Where that test could not compile (a type that is not partial, a generic type, a struct, no xUnit), nothing
/// is emitted and the analyzer's error is all there is.
/// </summary>
public sealed class NotGeneratedTestTests
{
    private const string Closing = "Fix the errors (they are build errors unless their severity was changed).";

    [Fact]
    public void Method_with_an_unknown_placeholder_gets_one_test_that_fails_with_the_analyzer_message()
    {
        GeneratorRun run = GeneratorHarness.Run(InvalidEvalMethods.For(Parsing.EvalRule.UnknownPlaceholder).Source);

        run.DriverDiagnostics.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Select(d => d.ToString()).Should().BeEmpty();
        run.Tests().Should().BeEmpty();
        run.NotGeneratedTests().Select(t => t.ToString()).Should().Equal(
            "__EvalSpecNotGenerated_RefundWindow | BrokenEvals.RefundWindow [not generated] | Category=Eval; EvalMethod=RefundWindow");
        FailureOf(run, InvalidEvalMethods.TypeName, "__EvalSpecNotGenerated_RefundWindow").Should().Be(
            "EvalSpec did not generate the tests of BrokenEvals.RefundWindow:\n" +
            "ES1001: Prompt 'formal' of BrokenEvals.RefundWindow uses the placeholder {produkt}, but BrokenEvals.RefundWindow has no parameter of that name. Valid placeholders: {product}.\n" +
            Closing);
    }

    [Fact]
    public void Quotes_backslashes_braces_and_newlines_reach_the_failure_message_unchanged()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.MethodsWithErrors));

        run.CompilationWarningsAndErrors().Select(d => d.ToString()).Should().BeEmpty();
        FailureOf(run, "Shop.Evals.Suites+RefundEvals", "__EvalSpecNotGenerated_RefundWindow").Should().Be(
            "EvalSpec did not generate the tests of Suites.RefundEvals.RefundWindow:\n" +
            "ES1001: Prompt 'say \"hi\" \\ {x}\nnext' of RefundEvals.RefundWindow uses the placeholder {produkt}, but RefundEvals.RefundWindow has no parameter of that name. Valid placeholders: {product}.\n" +
            Closing);
    }

    [Fact]
    public void Two_invalid_methods_sharing_a_name_get_a_test_each_and_compile_together()
    {
        GeneratorRun run = GeneratorHarness.Run(InvalidEvalMethods.For(Parsing.EvalRule.DuplicateEvalMethodName).Source);

        run.DriverDiagnostics.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Select(d => d.ToString()).Should().BeEmpty();
        run.NotGeneratedTestSources.Select(s => s.HintName).Should().OnlyHaveUniqueItems().And.HaveCount(2);
        run.NotGeneratedTests().Select(t => t.MethodName + " | " + t.DisplayName).Should().BeEquivalentTo(
            "__EvalSpecNotGenerated_RefundWindow | BrokenEvals.RefundWindow [not generated]",
            "__EvalSpecNotGenerated2_RefundWindow | BrokenEvals.RefundWindow [not generated \u00B7 2]");
        string duplicate = "ES1017: 'BrokenEvals' has more than one [Eval] method named 'RefundWindow'. Rename one: the method name is part of every test name and result key.";
        FailureOf(run, InvalidEvalMethods.TypeName, "__EvalSpecNotGenerated_RefundWindow").Should().Contain("\n" + duplicate + "\n");
        FailureOf(run, InvalidEvalMethods.TypeName, "__EvalSpecNotGenerated2_RefundWindow").Should().Contain("\n" + duplicate + "\n");
    }

    [Fact]
    public void Same_named_methods_are_numbered_in_declaration_order()
    {
        // The first declared keeps the plain name, whatever its parameters: "Answer(string)" is declared first here.
        GeneratorRun run = GeneratorHarness.Run(Suite("""
            [Eval] [Case("a")]
            public Task<string> Answer(EvalInput input, string question) => Task.FromResult("first");

            [Eval] [Case(1)]
            public Task<string> Answer(EvalInput input, int number) => Task.FromResult("second");
            """));

        run.NotGeneratedTestSources.Select(s => s.SourceText.ToString()).Should().SatisfyRespectively(
            first => first.Should().Contain("[not generated]").And.Contain("__EvalSpecNotGenerated_Answer()"),
            second => second.Should().Contain("[not generated \u00B7 2]").And.Contain("__EvalSpecNotGenerated2_Answer()"));
    }

    [Fact]
    public void Each_error_is_a_line_of_the_message_in_the_order_found_and_warnings_are_left_out()
    {
        // ES1011 (template), then ES1007 (cases); [Case] present, so no ES1013. Then without cases: ES1013 is only a warning.
        GeneratorRun run = GeneratorHarness.Run(Suite("""
            [Eval]
            [Prompt("formal", "Refund for {product")]
            [Case("laptop")] [Case("laptop")]
            public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);

            [Eval]
            [Prompt("formal", "Refund for {product")]
            public Task<string> NoCases(EvalInput input, string product) => Task.FromResult(input.Prompt);
            """));

        string[] refundLines = FailureOf(run, "Shop.Evals.FaqEvals", "__EvalSpecNotGenerated_RefundWindow").Split('\n');
        refundLines.Select(l => l.Split(':')[0]).Should().Equal("EvalSpec did not generate the tests of FaqEvals.RefundWindow", "ES1011", "ES1007", Closing);
        string[] noCasesLines = FailureOf(run, "Shop.Evals.FaqEvals", "__EvalSpecNotGenerated_NoCases").Split('\n');
        noCasesLines.Select(l => l.Split(':')[0]).Should().Equal("EvalSpec did not generate the tests of FaqEvals.NoCases", "ES1011", Closing);
    }

    public static TheoryData<string, string> UndeclarableSuites => new()
    {
        { "not partial", "public class FaqEvals" },
        { "generic", "public partial class FaqEvals<T>" },
        { "struct", "public partial struct FaqEvals" },
        { "record struct", "public partial record struct FaqEvals" },
    };

    [Theory]
    [MemberData(nameof(UndeclarableSuites))]
    public void Nothing_is_emitted_for_a_method_whose_type_cannot_take_generated_members(string reason, string declaration)
    {
        GeneratorRun run = GeneratorHarness.Run(Suite(InvalidBody, declaration));

        run.DriverDiagnostics.Should().BeEmpty();
        run.Result.GeneratedSources.Should().BeEmpty("a partial declaration of a type that is {0} would not compile", reason);
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }

    [Theory]
    [InlineData("public class Suites")]
    [InlineData("public partial class Suites<T>")]
    public void Nothing_is_emitted_for_a_method_of_a_partial_class_nested_in_a_type_that_cannot_take_generated_members(string outer)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            {{outer}}
            {
                public partial class FaqEvals
                {
            {{InvalidBody}}
                }
            }
            """);

        run.Result.GeneratedSources.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }

    [Fact]
    public void Nothing_is_emitted_without_xunit()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(new[] { new SourceFile("FaqEvals.cs", Suite(InvalidBody)) }, referenceXunit: false));

        run.DriverDiagnostics.Should().BeEmpty();
        run.NotGeneratedTestSources.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Should().BeEmpty();
    }

    [Fact]
    public void A_record_class_takes_the_test()
    {
        GeneratorRun run = GeneratorHarness.Run(Suite(InvalidBody, "public partial record FaqEvals"));

        run.NotGeneratedTests().Should().ContainSingle();
        run.CompilationWarningsAndErrors().Select(d => d.ToString()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Valid_methods_get_rows_and_no_not_generated_test(string scenario)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.All[scenario]));

        run.EvalMethodSources.Should().NotBeEmpty();
        run.NotGeneratedTestSources.Should().BeEmpty();
    }

    public static TheoryData<string> ScenarioNames => Scenarios.Names;

    private const string InvalidBody = """
            [Eval]
            [Prompt("formal", "Refund window for {produkt}?")]
            [Case("laptop")]
            public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
        """;

    private static string Suite(string members, string declaration = "public partial class FaqEvals") => $$"""
        using System.Threading.Tasks;
        using EvalSpec;

        namespace Shop.Evals;

        {{declaration}}
        {
        {{members}}
        }
        """;

    /// <summary>Compiles the run's output, calls the generated test and returns the message of the exception it throws.</summary>
    private static string FailureOf(GeneratorRun run, string typeMetadataName, string testMethodName)
    {
        string message = string.Empty;
        LoadedDescriptors.Load(run, typeMetadataName, type =>
        {
            MethodInfo test = type.GetMethod(testMethodName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                ?? throw new InvalidOperationException($"'{typeMetadataName}' has no public method '{testMethodName}'.");
            object? instance = test.IsStatic ? null : Activator.CreateInstance(type);
            Action call = () => test.Invoke(instance, null);
            message = call.Should().Throw<TargetInvocationException>()
                .WithInnerException<EvalConfigurationException>()
                .Which.Message;
        });
        return message;
    }
}
