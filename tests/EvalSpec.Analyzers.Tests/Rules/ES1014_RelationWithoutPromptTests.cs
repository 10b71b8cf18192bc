using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1014_RelationWithoutPromptTests
{
    [Fact]
    public async Task Prompt_relation_on_a_method_without_prompts_is_reported_on_the_relation()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                [Invariant<Lowercase>(Parameter = "question"), {|#0:Invariant<Typos>|}]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationWithoutPrompt).WithLocation(0).WithArguments("FaqEvals.Answer", "typos"));
    }

    [Fact]
    public async Task Directional_relation_is_reported_with_its_explicit_name()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                [{|#0:Directional<PunctuationNoise>(Name = "noisy", Expect = Change.Differs)|}]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationWithoutPrompt).WithLocation(0).WithArguments("FaqEvals.Answer", "noisy"));
    }

    [Fact]
    public async Task Relation_on_a_method_whose_only_prompt_is_malformed_reports_only_the_template()
    {
        // The method does declare a [Prompt]; saying it declares none would send the author looking for the wrong mistake.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("plain", {|#0:"{question"|})]
                [Case("Do you ship to Canada?")]
                [Invariant<Typos>]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.MalformedTemplate).WithLocation(0).WithArguments(
                "FaqEvals.Answer", "'{' at position 0 is never closed; write '{{' for a literal brace"));
    }

    [Fact]
    public async Task Relations_targeting_a_string_parameter_need_no_prompt()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                [Invariant<Typos>(Parameter = "question"), Directional<Lowercase>(Parameter = "question")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
