using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1013_NoCasesTests
{
    [Fact]
    public async Task Eval_method_without_cases_is_a_warning_on_its_name()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.NoCases).WithLocation(0).WithArguments("RefundEvals.RefundWindow"));
    }

    [Fact]
    public async Task Eval_method_whose_only_case_is_invalid_is_not_also_reported_as_caseless()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [{|#0:Case("laptop", "EU")|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentCount).WithLocation(0).WithArguments("RefundEvals.RefundWindow", 2, 1, "(string product)"));
    }
}
