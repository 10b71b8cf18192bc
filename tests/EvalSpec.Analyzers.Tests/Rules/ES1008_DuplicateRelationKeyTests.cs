using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1008_DuplicateRelationKeyTests
{
    [Fact]
    public async Task Same_relation_applied_twice_without_names_is_reported_on_the_second()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                [Invariant<WhitespaceNoise>]
                [{|#0:Invariant<WhitespaceNoise>|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateRelationKey).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "whitespace-noise"));
    }

    [Fact]
    public async Task Invariant_and_directional_relations_of_one_type_share_the_derived_key()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                [Invariant<Lowercase>, {|#0:Directional<Lowercase>(Expect = Change.Differs)|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateRelationKey).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "lowercase"));
    }

    [Fact]
    public async Task Name_identity_is_reserved()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                [{|#0:Invariant<Typos>(Name = "identity")|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateRelationKey).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "identity"));
    }

    [Fact]
    public async Task Explicit_name_that_equals_a_derived_key_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                [Invariant<Typos>]
                [{|#0:Invariant<Lowercase>(Name = "typos")|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateRelationKey).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "typos"));
    }

    [Fact]
    public async Task Same_relation_type_twice_with_distinct_names_is_accepted()
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
                [Invariant<Typos>, Invariant<Typos>(Parameter = "question", Name = "question-typos")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
