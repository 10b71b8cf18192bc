using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1009_RelationParameterNotFoundTests
{
    [Fact]
    public async Task Misspelled_parameter_is_reported_on_the_Parameter_argument_with_the_parameters()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("plain", "{question} ({context})")]
                [Case("Do you ship to Canada?", "order page")]
                [Invariant<Typos>({|#0:Parameter = "questoin"|})]
                public Task<string> Answer(EvalInput input, string question, string context) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationParameterNotFound).WithLocation(0).WithArguments("FaqEvals.Answer", "typos", "questoin", "question, context"));
    }

    [Fact]
    public async Task Relation_is_named_by_its_explicit_name()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("plain", "{question}")]
                [Case("Do you ship to Canada?")]
                [Invariant<Typos>(Name = "question-typos", {|#0:Parameter = "query"|})]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationParameterNotFound).WithLocation(0).WithArguments("FaqEvals.Answer", "question-typos", "query", "question"));
    }

    [Fact]
    public async Task EvalInput_parameter_is_not_a_relation_target()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("plain", "{question}")]
                [Case("Do you ship to Canada?")]
                [Invariant<Lowercase>({|#0:Parameter = "input"|})]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationParameterNotFound).WithLocation(0).WithArguments("FaqEvals.Answer", "lowercase", "input", "question"));
    }

    [Fact]
    public async Task Method_without_case_parameters_lists_none()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class SmallTalkEvals
            {
                [Eval]
                [Prompt("greeting", "Say hello.")]
                [Case]
                [Directional<PunctuationNoise>({|#0:Parameter = "greeting"|})]
                public Task<string> Greeting(EvalInput input) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationParameterNotFound).WithLocation(0).WithArguments("SmallTalkEvals.Greeting", "punctuation-noise", "greeting", "none"));
    }
}
