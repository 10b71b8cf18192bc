using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1005_DuplicateVariantKeyTests
{
    [Fact]
    public async Task Repeated_explicit_key_is_reported_on_the_second_key()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt({|#0:"formal"|}, "Within how many days may I return {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateVariantKey).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "formal"));
    }

    [Fact]
    public async Task Repeated_unkeyed_template_is_reported_with_its_content_hash_key()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SummaryEvals
            {
                [Eval]
                [Prompt("Summarise: {text}")]
                [Prompt({|#0:"Summarise: {text}"|})]
                [Case("The parcel left the warehouse on Monday.")]
                public Task<string> Summarise(EvalInput input, string text) => Task.FromResult(input.Prompt);
            }
            """;

        // "b8e70d24" is the stable content hash of "Summarise: {text}".
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateVariantKey).WithLocation(0).WithArguments("SummaryEvals.Summarise", "b8e70d24"));
    }

    [Fact]
    public async Task Keys_that_differ_only_in_case_are_distinct()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("Formal", "Within how many days may I return {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
