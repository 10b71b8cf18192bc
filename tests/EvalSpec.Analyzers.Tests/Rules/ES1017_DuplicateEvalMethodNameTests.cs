using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1017_DuplicateEvalMethodNameTests
{
    [Fact]
    public async Task Overloaded_eval_methods_are_each_reported_on_their_name()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:PlaceOrder|}(EvalInput input, string product) => Task.FromResult(input.Prompt);

                [Eval]
                [Case(3)]
                public Task<string> {|#1:PlaceOrder|}(EvalInput input, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateEvalMethodName).WithLocation(0).WithArguments("OrderEvals", "PlaceOrder"),
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateEvalMethodName).WithLocation(1).WithArguments("OrderEvals", "PlaceOrder"));
    }

    [Fact]
    public async Task Overload_without_Eval_does_not_clash()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> PlaceOrder(EvalInput input, string product) => PlaceOrder(product, 1);

                public Task<string> PlaceOrder(string product, int quantity) => Task.FromResult(product + quantity);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Same_method_name_in_two_classes_does_not_clash()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class LaptopEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }

            public partial class PhoneEvals
            {
                [Eval]
                [Case("phone")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
