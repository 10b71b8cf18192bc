using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1002_CaseArgumentCountTests
{
    [Fact]
    public async Task Case_with_more_arguments_than_parameters_is_reported_with_the_parameter_list()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                [{|#0:Case("headphones", "EU")|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentCount).WithLocation(0).WithArguments("RefundEvals.RefundWindow", 2, 1, "(string product)"));
    }

    [Fact]
    public async Task Case_with_fewer_arguments_than_parameters_is_reported_with_the_parameter_list()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} x {product}")]
                [{|#0:Case("laptop", Id = "laptop")|}]
                public Task<string> PlaceOrder(EvalInput input, string product, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentCount).WithLocation(0).WithArguments("OrderEvals.PlaceOrder", 1, 2, "(string product, int quantity)"));
    }

    [Fact]
    public async Task Case_with_arguments_for_a_method_without_case_parameters_says_it_takes_none()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SmallTalkEvals
            {
                [Eval]
                [Prompt("greeting", "Say hello.")]
                [{|#0:Case("hello")|}]
                public Task<string> Greeting(EvalInput input) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentCount).WithLocation(0).WithArguments("SmallTalkEvals.Greeting", 1, 0, "none"));
    }

    [Fact]
    public async Task Empty_case_for_a_method_with_a_case_parameter_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [{|#0:Case()|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentCount).WithLocation(0).WithArguments("RefundEvals.RefundWindow", 0, 1, "(string product)"));
    }
}
