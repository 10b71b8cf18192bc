using System.Linq;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The eval methods of each class get one generated file, named after the class's namespace and containing types, plus a
/// hash of those exact names (Roslyn compares hint names ignoring case).
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void Hint_name_is_the_namespace_and_the_containing_types()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.NestedTypesAndRecord));

        run.EvalMethodSources.Select(s => s.HintName).Should().SatisfyRespectively(
            name => name.Should().MatchRegex(@"^Bank\.Evals\.Suites\.Cards\.[0-9a-f]{8}\.EvalSpec\.g\.cs$"),
            name => name.Should().MatchRegex(@"^Bank\.Evals\.Suites\.Loans\.Mortgages\.[0-9a-f]{8}\.EvalSpec\.g\.cs$"));
    }

    [Fact]
    public void Classes_whose_names_differ_only_in_case_each_get_a_file()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public partial class FaqEvals
            {
                [Eval] [Prompt("plain", "{question}")] [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }

            public partial class faqEvals
            {
                [Eval] [Prompt("plain", "{question}")] [Case("Can I pay with PayPal?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """);

        run.DriverDiagnostics.Should().BeEmpty();
        run.EvalMethodSources.Should().HaveCount(2);
        run.Tests().Select(t => t.DisplayName).Should().BeEquivalentTo(
            "FaqEvals.Answer [Do you ship to Canada? · plain]",
            "faqEvals.Answer [Can I pay with PayPal? · plain]");
    }

    [Fact]
    public void Methods_of_a_class_declared_in_several_files_share_one_file_in_the_order_of_their_names()
    {
        var first = new SourceFile("B.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public partial class FaqEvals
            {
                [Eval] [Prompt("plain", "{question}")] [Case("Do you ship to Canada?")]
                public Task<string> Zebra(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """);
        var second = new SourceFile("A.cs", """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public partial class FaqEvals
            {
                [Eval] [Prompt("plain", "{question}")] [Case("Can I pay with PayPal?")]
                public Task<string> Apple(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """);

        string Generated(params SourceFile[] files)
        {
            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files));
            run.CompilationWarningsAndErrors().Should().BeEmpty();
            return run.EvalMethodSources.Should().ContainSingle().Subject.SourceText.ToString();
        }

        string text = Generated(first, second);
        DescriptorData.All(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text)).Select(d => d.Data.Method).Should().Equal("Apple", "Zebra");
        Generated(second, first).Should().Be(text, "the file does not depend on the order of the source files");
    }

    [Fact]
    public void Eval_methods_whose_names_differ_only_in_case_each_get_their_rows()
    {
        // Both land in the one file of their class; their rows must stay apart (descriptor and test method names differ in case).
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Shop.Evals;

            public partial class FaqEvals
            {
                [Eval] [Prompt("plain", "{question}")] [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);

                [Eval] [Prompt("plain", "{question}")] [Case("Can I pay with PayPal?")]
                public Task<string> answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """);

        run.DriverDiagnostics.Should().BeEmpty();
        run.Tests().Select(t => t.DisplayName).Should().BeEquivalentTo(
            "FaqEvals.Answer [Do you ship to Canada? · plain]",
            "FaqEvals.answer [Can I pay with PayPal? · plain]");
    }
}
