using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1012_ValueOutOfRangeTests
{
    private const string ThresholdRange = "it must be between 0 and 1";

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("double.NaN", "NaN")]
    public async Task Eval_threshold_outside_zero_to_one_is_reported_on_the_argument(string threshold, string shown)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval(Rubric = "States the refund window.", {|#0:Threshold = {{threshold}}|})]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithArguments("Threshold", shown, "RefundEvals.RefundWindow", ThresholdRange));
    }

    [Fact]
    public async Task Negative_timeout_is_reported_on_the_argument()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval({|#0:Timeout = -1|})]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithArguments(
                "Timeout", "-1", "RefundEvals.RefundWindow", "it is in milliseconds and must be 0 (the default) or more"));
    }

    [Fact]
    public async Task Relation_threshold_outside_zero_to_one_is_reported_with_the_relation_key()
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
                [Invariant<Typos>({|#0:Threshold = 2|})]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithArguments(
                "Threshold", "2", "RefundEvals.RefundWindow (relation 'typos')", ThresholdRange));
    }

    [Fact]
    public async Task Thresholds_of_exactly_zero_and_one_and_a_zero_timeout_are_in_range()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval(Threshold = 1, Timeout = 0)]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                [Invariant<Typos>(Threshold = 0)]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
