using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1004_ClassNotPartialTests
{
    [Fact]
    public async Task Non_partial_class_is_reported_on_its_name()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public class {|#0:RefundEvals|}
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ClassNotPartial).WithLocation(0).WithArguments("RefundEvals", "RefundWindow"));
    }

    [Fact]
    public async Task Non_partial_class_is_reported_once_however_many_eval_methods_it_declares()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public class {|#0:SupportEvals|}
            {
                [Eval]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);

                [Eval]
                [Case("Canada")]
                public Task<string> Shipping(EvalInput input, string country) => Task.FromResult(input.Prompt);

                [Eval]
                [Case("PayPal")]
                public Task<string> Payment(EvalInput input, string method) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ClassNotPartial).WithLocation(0).WithArguments("SupportEvals", "RefundWindow"));
    }

    [Fact]
    public async Task Non_partial_containing_type_of_a_partial_eval_class_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public static class {|#0:SupportSuites|}
            {
                public partial class RefundEvals
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ClassNotPartial).WithLocation(0).WithArguments("SupportSuites", "RefundWindow"));
    }

    [Fact]
    public async Task Every_non_partial_type_in_the_nesting_chain_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public class {|#1:SupportSuites|}
            {
                public class {|#0:RefundEvals|}
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ClassNotPartial).WithLocation(0).WithArguments("RefundEvals", "RefundWindow"),
            Verify.Diagnostic(DiagnosticDescriptors.ClassNotPartial).WithLocation(1).WithArguments("SupportSuites", "RefundWindow"));
    }

    [Fact]
    public async Task Non_partial_containing_type_is_reported_once_when_two_nested_classes_declare_evals()
    {
        // The containing type is reported once, naming the first [Eval] method found in declaration order.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public class {|#0:SupportSuites|}
            {
                public partial class RefundEvals
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }

                public partial class ShippingEvals
                {
                    [Eval]
                    [Case("Canada")]
                    public Task<string> ShipsTo(EvalInput input, string country) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ClassNotPartial).WithLocation(0).WithArguments("SupportSuites", "RefundWindow"));
    }
}
