using System.Globalization;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.UnusedCaseParameterAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1020_UnusedCaseParameterTests
{
    [Fact]
    public async Task Parameter_in_no_template_and_never_read_is_a_warning_on_the_parameter()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string {|#0:region|}) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(0).WithArguments("region", "RefundEvals.RefundWindow"));
    }

    [Fact]
    public void Message_says_to_use_the_parameter_as_a_placeholder_or_remove_it()
    {
        string message = Diagnostic.Create(DiagnosticDescriptors.UnusedCaseParameter, Location.None, "region", "RefundEvals.RefundWindow")
            .GetMessage(CultureInfo.InvariantCulture);

        message.Should().Be(
            "The case parameter 'region' of RefundEvals.RefundWindow appears in no prompt template and is never read by the method. " +
            "Use it in a template as {region}, or remove it (and its [Case] arguments).");
    }

    [Fact]
    public async Task Each_unused_parameter_is_reported_and_a_parameter_one_variant_uses_is_not()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", "how long can i send back my {product} ({tone})")]
                [Case("laptop", "EU", 3, "calm")]
                public Task<string> RefundWindow(EvalInput input, string product, string {|#0:region|}, int {|#1:quantity|}, string tone) =>
                    Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(0).WithArguments("region", "RefundEvals.RefundWindow"),
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(1).WithArguments("quantity", "RefundEvals.RefundWindow"));
    }

    [Fact]
    public async Task Parameter_only_named_in_nameof_or_assigned_is_not_read()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string {|#0:region|})
                {
                    region = "ignored";
                    return Task.FromResult(input.Prompt + nameof(region));
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(0).WithArguments("region", "RefundEvals.RefundWindow"));
    }

    [Fact]
    public async Task Templates_of_a_prompt_file_count_as_uses()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [PromptSet("refund")]
                [Case("laptop", "EU", "calm")]
                public Task<string> RefundWindow(EvalInput input, string product, string region, string {|#0:tone|}) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyWithAdditionalFilesAsync(
            source,
            new[] { ("/prompts/refund.prompts", "formal: Refund window for {product}?\nregional: Refund window for {product} in {region}?") },
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(0).WithArguments("tone", "RefundEvals.RefundWindow"));
    }

    [Fact]
    public async Task Parameter_the_body_reads_is_not_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU", 2, "calm")]
                public async Task<string> RefundWindow(EvalInput input, string product, string region, int quantity, string tone)
                {
                    Func<string> describe = () => quantity + " items";
                    await Task.Yield();
                    return Local() + describe() + $" in {region}";

                    string Local() => input.Prompt + new[] { tone }.First();
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Parameter_read_through_EvalInput_Arguments_is_not_reported()
    {
        const string source = """
            using System.Linq;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public Task<string> ByKey(EvalInput input, string product, string region) =>
                    Task.FromResult(input.Prompt + input.Arguments["region"]);

                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public Task<string> AllOfThem(EvalInput input, string product, string region) =>
                    Task.FromResult(string.Join(", ", input.Arguments.Values.Select(v => v?.ToString())));
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Reading_another_argument_by_key_does_not_count_for_this_parameter()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window?")]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string {|#0:region|}) =>
                    Task.FromResult(input.Prompt + input.Arguments["product"]);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(0).WithArguments("region", "RefundEvals.RefundWindow"));
    }

    [Fact]
    public async Task EvalInput_is_never_reported_even_when_unread()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult("30 days");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Eval_without_prompts_is_not_analysed()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string region) => Task.FromResult("30 days");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Eval_with_an_authoring_error_is_left_to_the_declaration_rules()
    {
        // {produkt} is ES1001's; 'product' looking unused would only repeat it.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {produkt}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Method_without_Eval_is_not_analysed()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public class RefundHelpers
            {
                [Prompt("formal", "What is the refund window for {product}?")]
                public Task<string> RefundWindow(EvalInput input, string product, string region) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
    [Fact]
    public async Task Partial_eval_whose_implementation_reads_the_parameter_is_not_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public partial Task<string> RefundWindow(EvalInput input, string product, string region);
            }

            public partial class RefundEvals
            {
                public partial Task<string> RefundWindow(EvalInput input, string product, string region) => Task.FromResult(input.Prompt + region);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Partial_eval_whose_implementation_ignores_the_parameter_is_reported_once_on_the_implementation()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public partial Task<string> RefundWindow(EvalInput input, string product, string region);

                public partial Task<string> RefundWindow(EvalInput input, string product, string {|#0:region|}) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(0).WithArguments("region", "RefundEvals.RefundWindow"));
    }

    [Fact]
    public async Task Abstract_eval_has_no_body_and_is_not_analysed()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public abstract partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public abstract Task<string> RefundWindow(EvalInput input, string product, string region);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Extern_eval_has_no_body_and_is_not_analysed()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public static extern Task<string> RefundWindow(EvalInput input, string product, string region);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Theory]
    [InlineData("Bot.AskAsync(input)")]
    [InlineData("Task.FromResult(Bot.Describe(x: input))")]
    [InlineData("Bot.Later(() => input)")]
    [InlineData("Task.FromResult(Bot.Keep(input).Prompt)")]
    public async Task EvalInput_handed_to_other_code_counts_as_reading_every_parameter(string body)
    {
        string source = $$"""
            using System;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string region) => {{body}};
            }

            public static class Bot
            {
                public static Task<string> AskAsync(EvalInput input) => Task.FromResult(input.Prompt + " region=" + input.Arguments["region"]);

                public static string Describe(object x) => x.ToString() ?? "";

                public static Task<string> Later(Func<EvalInput> input) => AskAsync(input());

                public static EvalInput Keep(EvalInput input) => input;
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Member_accesses_on_EvalInput_do_not_count_as_reading_other_parameters()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string {|#0:region|})
                {
                    Func<string> prompt = () => input.Prompt;
                    input.CancellationToken.ThrowIfCancellationRequested();
                    return Task.FromResult(prompt() + input.ToString() + nameof(input));
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnusedCaseParameter).WithLocation(0).WithArguments("region", "RefundEvals.RefundWindow"));
    }
}
