using System.Threading.Tasks;
using EvalSpec.CodeFixes;
using FluentAssertions;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer, EvalSpec.CodeFixes.UseParameterNameCodeFixProvider>;

namespace EvalSpec.Analyzers.Tests.CodeFixes;

public class ES1001_UseParameterNameFixTests
{
    [Fact]
    public async Task Misspelled_placeholder_is_replaced_with_the_closest_parameter_name()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|ES1001:"What is the refund window for {produkt}?"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Every_use_of_the_placeholder_is_replaced_and_escaped_braces_and_spacing_are_kept()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|ES1001:"{produkt}: can I return { produkt } ({{produkt}} is literal)?\n"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "{product}: can I return { product } ({{produkt}} is literal)?\n")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Verbatim_and_raw_string_templates_keep_their_form()
    {
        const string source = """"
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("verbatim", {|ES1001:@"Refund ""window"" for {produkt}?"|})]
                [Prompt("raw", {|ES1001:"""
                    Product: {produkt}
                    Answer briefly.
                    """|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """";
        const string fixedSource = """"
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("verbatim", @"Refund ""window"" for {product}?")]
                [Prompt("raw", """
                    Product: {product}
                    Answer briefly.
                    """)]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """";

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseParameterNameCodeFixProvider.EquivalenceKey("produkt", "product"));
    }

    [Fact]
    public async Task A_later_candidate_can_be_chosen()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|ES1001:"What is the refund window for {Product}?"|})]
                [Case("laptops", "laptop")]
                public Task<string> RefundWindow(EvalInput input, string products, string product) => Task.FromResult(input.Prompt);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {products}?")]
                [Case("laptops", "laptop")]
                public Task<string> RefundWindow(EvalInput input, string products, string product) => Task.FromResult(input.Prompt);
            }
            """;

        var test = Verify.Create(source, fixedSource);
        test.CodeActionIndex = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Parameter_differing_only_in_case_is_offered_first()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {Product}?")]
                [Case("laptops", "laptop")]
                public Task<string> RefundWindow(EvalInput input, string products, string product) => Task.FromResult(input.Prompt);
            }
            """;

        var offered = await Verifiers.OfferedCodeFixes.ForAsync<EvalDeclarationAnalyzer, UseParameterNameCodeFixProvider>(source);

        offered.Should().Equal(
            ("Use {product}", UseParameterNameCodeFixProvider.EquivalenceKey("Product", "product")),
            ("Use {products}", UseParameterNameCodeFixProvider.EquivalenceKey("Product", "products")));
    }

    [Fact]
    public async Task At_most_three_names_are_offered_closest_first()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class AccountEvals
            {
                [Eval]
                [Prompt("plain", "Greet {user}.")]
                [Case("u-1", "Ann", "ann", "mail")]
                public Task<string> Greeting(EvalInput input, string userId, string users, string usr, string uses) => Task.FromResult(input.Prompt);
            }
            """;

        var offered = await Verifiers.OfferedCodeFixes.ForAsync<EvalDeclarationAnalyzer, UseParameterNameCodeFixProvider>(source);

        offered.Should().Equal(
            ("Use {users}", UseParameterNameCodeFixProvider.EquivalenceKey("user", "users")),
            ("Use {usr}", UseParameterNameCodeFixProvider.EquivalenceKey("user", "usr")),
            ("Use {uses}", UseParameterNameCodeFixProvider.EquivalenceKey("user", "uses")));
    }

    [Fact]
    public async Task No_fix_is_offered_when_no_parameter_name_is_close()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class TopicEvals
            {
                [Eval]
                [Prompt("plain", {|ES1001:"Tell me about {topic}."|})]
                [Case("shipping")]
                public Task<string> Explain(EvalInput input, string subject) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task No_fix_is_offered_when_the_template_is_not_a_string_literal()
    {
        // The misspelling lives in the constant's declaration, possibly shared with other evals: not this fix's to change.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                private const string Template = "What is the refund window for {produkt}?";

                [Eval]
                [Prompt("formal", {|ES1001:Template|})]
                [Prompt("casual", {|ES1001:"Can I return " + "my {produkt}?"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyNoCodeFixAsync(source);
    }

    [Fact]
    public async Task Fix_all_replaces_the_same_misspelling_everywhere_and_leaves_other_misspellings()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|ES1001:"What is the refund window for {produkt}?"|})]
                [Prompt("casual", {|ES1001:"can i send back my {produkt}"|})]
                [Prompt("terse", {|#0:"{prodcut} refund?"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);

                [Eval]
                [Prompt("formal", {|ES1001:"Is {produkt} still under warranty?"|})]
                [Case("laptop")]
                public Task<string> Warranty(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", "can i send back my {product}")]
                [Prompt("terse", {|#0:"{prodcut} refund?"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);

                [Eval]
                [Prompt("formal", "Is {product} still under warranty?")]
                [Case("laptop")]
                public Task<string> Warranty(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        var test = Verify.Create(source, fixedSource, UseParameterNameCodeFixProvider.EquivalenceKey("produkt", "product"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments(
            "RefundEvals.RefundWindow", "prodcut", "terse", "{product}", " Did you mean {product}?"));
        test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments(
            "RefundEvals.RefundWindow", "prodcut", "terse", "{product}", " Did you mean {product}?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Placeholder_in_a_prompt_file_gets_no_fix()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [PromptSet("refund")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        var test = Verify.Create(source, source);
        test.TestState.AdditionalFiles.Add(("/prompts/refund.prompts", "formal: Refund window for {produkt}?"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithSpan("/prompts/refund.prompts", 1, 1, 1, 37).WithArguments(
            "RefundEvals.RefundWindow", "produkt", "formal", "{product}", " Did you mean {product}?"));
        await test.RunAsync();
    }
}
