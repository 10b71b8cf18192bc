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

    [Theory]
    [InlineData("Trials = 0", "Trials", "0", "every row runs at least once")]
    [InlineData("Trials = 3, TrialRule = TrialRule.PassRate, PassRate = 1.2", "PassRate", "1.2", ThresholdRange)]
    [InlineData("Trials = 3, TrialRule = (TrialRule)7", "TrialRule", "7", "use a named TrialRule value")]
    public async Task Trial_settings_out_of_range_are_reported_on_the_argument(string arguments, string property, string shown, string why)
    {
        string marked = arguments.Replace(property + " = ", "{|#0:" + property + " = ", System.StringComparison.Ordinal);
        int end = marked.IndexOf(',', marked.IndexOf("{|#0:", System.StringComparison.Ordinal));
        marked = end < 0 ? marked + "|}" : marked.Insert(end, "|}");
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval({{marked}})]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithArguments(property, shown, "RefundEvals.RefundWindow", why));
    }

    [Theory]
    [InlineData("MaxTokens = 0", "MaxTokens", "0", "a token budget must be above 0 (leave it out for no budget)")]
    [InlineData("MaxTokens = -5", "MaxTokens", "-5", "a token budget must be above 0 (leave it out for no budget)")]
    [InlineData("MaxLatencyMs = 0", "MaxLatencyMs", "0", "a latency budget is in milliseconds and must be above 0 (leave it out for no budget)")]
    [InlineData("MaxCostUsd = -0.5", "MaxCostUsd", "-0.5", "a cost budget is in US dollars and must be above 0 (leave it out for no budget)")]
    [InlineData("MaxCostUsd = 0", "MaxCostUsd", "0", "a cost budget is in US dollars and must be above 0 (leave it out for no budget)")]
    public async Task Budgets_of_zero_or_less_are_reported_on_the_argument(string arguments, string property, string shown, string why)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval({|#0:{{arguments}}|})]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithArguments(property, shown, "RefundEvals.RefundWindow", why));
    }

    [Fact]
    public async Task Budgets_above_zero_are_accepted()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval(MaxTokens = 2000, MaxLatencyMs = 1500, MaxCostUsd = 0.01)]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Trials_with_a_pass_rate_rule_in_range_are_accepted()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval(Trials = 10, TrialRule = TrialRule.PassRate, PassRate = 0.7)]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
