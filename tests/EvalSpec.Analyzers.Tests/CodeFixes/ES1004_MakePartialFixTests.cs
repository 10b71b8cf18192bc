using System.Threading.Tasks;
using EvalSpec.CodeFixes;
using FluentAssertions;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer, EvalSpec.CodeFixes.MakePartialCodeFixProvider>;

namespace EvalSpec.Analyzers.Tests.CodeFixes;

public class ES1004_MakePartialFixTests
{
    [Fact]
    public async Task Adds_partial_after_the_existing_modifiers()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public sealed class {|ES1004:RefundEvals|}
            {
                [Eval]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public sealed partial class RefundEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Class_without_modifiers_keeps_its_doc_comment_and_indentation()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Support
            {
                /// <summary>Refund questions.</summary>
                class {|ES1004:RefundEvals|}
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> {|ES1015:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            namespace Support
            {
                /// <summary>Refund questions.</summary>
                partial class RefundEvals
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> {|ES1015:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fixing_the_eval_class_also_makes_its_containing_types_partial()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public static class {|ES1004:SupportSuites|}
            {
                public class {|ES1004:RefundEvals|}
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public static partial class SupportSuites
            {
                public partial class RefundEvals
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        var test = Verify.Create(source, fixedSource);

        // Fixing the inner class fixes both; the framework starts with the outer one, so allow one or two steps.
        test.NumberOfIncrementalIterations = -2;
        await test.RunAsync();
    }

    [Fact]
    public async Task Containing_types_that_are_already_partial_are_left_alone()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public static partial class SupportSuites
            {
                public class {|ES1004:RefundEvals|}
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public static partial class SupportSuites
            {
                public partial class RefundEvals
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_all_makes_every_reported_type_in_the_document_partial_once()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public class {|ES1004:SupportSuites|}
            {
                public class {|ES1004:RefundEvals|}
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }

                public class {|ES1004:ShippingEvals|}
                {
                    [Eval]
                    [Case("Canada")]
                    public Task<string> ShipsTo(EvalInput input, string country) => Task.FromResult(input.Prompt);
                }
            }

            public class {|ES1004:PaymentEvals|}
            {
                [Eval]
                [Case("PayPal")]
                public Task<string> Payment(EvalInput input, string method) => Task.FromResult(input.Prompt);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SupportSuites
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

            public partial class PaymentEvals
            {
                [Eval]
                [Case("PayPal")]
                public Task<string> Payment(EvalInput input, string method) => Task.FromResult(input.Prompt);
            }
            """;

        // Verify.Create checks the fix one diagnostic at a time and Fix All in document, project and solution.
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Title_names_the_type_and_says_when_containing_types_change_too()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public class SupportSuites
            {
                public class RefundEvals
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        var offered = await Verifiers.OfferedCodeFixes.ForAsync<EvalDeclarationAnalyzer, MakePartialCodeFixProvider>(source);

        offered.Should().Equal(
            ("Make 'SupportSuites' partial", MakePartialCodeFixProvider.EquivalenceKey),
            ("Make 'RefundEvals' and its containing types partial", MakePartialCodeFixProvider.EquivalenceKey));
    }
}
