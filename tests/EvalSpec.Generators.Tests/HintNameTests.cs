using System.Linq;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// Each eval method gets its own generated file, named after its namespace, containing types and name, plus a
/// hash of those exact names (Roslyn compares hint names ignoring case).
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void Hint_name_is_the_namespace_the_containing_types_and_the_method()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Scenarios.NestedTypesAndRecord));

        run.EvalMethodSources.Select(s => s.HintName).Should().SatisfyRespectively(
            name => name.Should().MatchRegex(@"^Bank\.Evals\.Suites\.Cards\.Limit\.[0-9a-f]{8}\.EvalSpec\.g\.cs$"),
            name => name.Should().MatchRegex(@"^Bank\.Evals\.Suites\.Loans\.Mortgages\.Rate\.[0-9a-f]{8}\.EvalSpec\.g\.cs$"));
    }

    [Fact]
    public void Eval_methods_whose_names_differ_only_in_case_each_get_a_file()
    {
        // Roslyn compares hint names case-insensitively (file systems may), so "Answer" and "answer" must not clash.
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
