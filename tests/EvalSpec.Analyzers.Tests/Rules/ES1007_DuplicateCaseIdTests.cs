using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1007_DuplicateCaseIdTests
{
    [Fact]
    public async Task Repeated_explicit_id_is_reported_on_the_second_case()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("a laptop", Id = "laptop")]
                [{|#0:Case("a notebook", Id = "laptop")|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateCaseId).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "laptop"));
    }

    [Fact]
    public async Task Repeated_arguments_without_ids_are_reported_with_the_derived_id()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} x {product}")]
                [Case("laptop", 2)]
                [{|#0:Case("laptop", 2)|}]
                public Task<string> PlaceOrder(EvalInput input, string product, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateCaseId).WithLocation(0).WithArguments("OrderEvals.PlaceOrder", "laptop, 2"));
    }

    [Fact]
    public async Task Derived_id_that_equals_an_explicit_id_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("a notebook", Id = "laptop")]
                [{|#0:Case("laptop")|}]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateCaseId).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "laptop"));
    }

    [Fact]
    public async Task Repeated_long_argument_is_reported_with_its_hashed_id()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class WarrantyEvals
            {
                [Eval]
                [Prompt("plain", "{question}")]
                [Case("How long is the warranty on a laptop bought in the EU?")]
                [{|#0:Case("How long is the warranty on a laptop bought in the EU?")|}]
                public Task<string> Warranty(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """;

        // Arguments longer than 40 characters get "case-" and their stable content hash as id.
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateCaseId).WithLocation(0).WithArguments("WarrantyEvals.Warranty", "case-68b3433e"));
    }

    [Fact]
    public async Task Arguments_of_different_literal_types_with_the_same_text_share_a_derived_id()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class DiscountEvals
            {
                [Eval]
                [Prompt("plain", "Apply a {discount} discount")]
                [Case(2)]
                [{|#0:Case(2.0)|}]
                public Task<string> Discount(EvalInput input, double discount) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateCaseId).WithLocation(0).WithArguments("DiscountEvals.Discount", "2"));
    }

    [Fact]
    public async Task Ids_that_differ_only_in_case_are_distinct()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("Laptop")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
