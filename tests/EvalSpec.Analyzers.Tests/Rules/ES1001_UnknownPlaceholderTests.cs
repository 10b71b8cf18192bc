using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1001_UnknownPlaceholderTests
{
    [Fact]
    public async Task Misspelled_placeholder_is_reported_on_the_template_with_the_valid_placeholders()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|#0:"What is the refund window for {produkt}?"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "produkt", "formal", "{product}", " Did you mean {product}?"));
    }

    [Fact]
    public async Task Valid_placeholders_list_every_case_parameter_in_order()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|#0:"Can I return {product} in {country}?"|})]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string region) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "country", "formal", "{product}, {region}", ""));
    }

    [Fact]
    public async Task Placeholder_naming_the_EvalInput_parameter_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("echo", {|#0:"Answer this: {input}"|})]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("FaqEvals.Answer", "input", "echo", "{question}", ""));
    }

    [Fact]
    public async Task Placeholder_in_a_method_without_case_parameters_suggests_adding_one()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SmallTalkEvals
            {
                [Eval]
                [Prompt("greeting", {|#0:"Say hello about {topic}."|})]
                [Case]
                public Task<string> Greeting(EvalInput input) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments(
                "SmallTalkEvals.Greeting", "topic", "greeting", "none: the method has no parameters after EvalInput; add one named 'topic'", ""));
    }

    [Fact]
    public async Task Unkeyed_prompt_is_named_by_the_content_hash_of_its_template()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class TopicEvals
            {
                [Eval]
                [Prompt({|#0:"Tell me about {topic}."|})]
                [Case("shipping")]
                public Task<string> Explain(EvalInput input, string subject) => Task.FromResult(input.Prompt);
            }
            """;

        // "efef2217" is the variant key of that template (FNV-1a 64 folded to 32 bits): a stable key, pinned here.
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("TopicEvals.Explain", "topic", "efef2217", "{subject}", ""));
    }

    [Fact]
    public async Task Each_unknown_placeholder_is_reported_once_however_often_it_is_used()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|#0:"{item}: can I return {item} bought in {country}? ({product})"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "item", "formal", "{product}", ""),
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "country", "formal", "{product}", ""));
    }

    [Fact]
    public async Task Only_the_variant_with_the_unknown_placeholder_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", {|#0:"how long can i send back my {prodcut}"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "prodcut", "casual", "{product}", " Did you mean {product}?"));
    }

    [Fact]
    public async Task Parameter_differing_only_in_case_is_suggested_before_closer_spellings()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|#0:"What is the refund window for {Product}?"|})]
                [Case("laptop", "laptops")]
                public Task<string> RefundWindow(EvalInput input, string products, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", "Product", "formal", "{products}, {product}", " Did you mean {product} or {products}?"));
    }

    [Fact]
    public async Task At_most_the_three_closest_parameters_are_suggested_closest_first()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class AccountEvals
            {
                [Eval]
                [Prompt("plain", {|#0:"Greet {user}."|})]
                [Case("u-1", "Ann", "ann", "mail")]
                public Task<string> Greeting(EvalInput input, string userId, string users, string usr, string uses) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments(
                "AccountEvals.Greeting", "user", "plain", "{userId}, {users}, {usr}, {uses}", " Did you mean {users}, {usr} or {uses}?"));
    }

    [Fact]
    public async Task Long_placeholder_tolerates_edits_up_to_a_third_of_its_length()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class ShippingEvals
            {
                [Eval]
                [Prompt("plain", {|#0:"Do you ship to {shippingCountry}?"|})]
                [Case("Canada")]
                public Task<string> ShipsTo(EvalInput input, string shipCountry) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments(
                "ShippingEvals.ShipsTo", "shippingCountry", "plain", "{shipCountry}", " Did you mean {shipCountry}?"));
    }

    [Fact]
    public async Task Short_placeholder_does_not_suggest_a_wholly_different_name()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", {|#0:"Where is order {id}?"|})]
                [Case("A-1")]
                public Task<string> Track(EvalInput input, string x) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("OrderEvals.Track", "id", "plain", "{x}", ""));
    }
    [Fact]
    public async Task Misspelled_placeholder_of_a_partial_eval_is_reported_once()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|#0:"What is the refund window for {produkt}?"|})]
                [Case("laptop")]
                public partial Task<string> RefundWindow(EvalInput input, string product);

                public partial Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "produkt", "formal", "{product}", " Did you mean {product}?"));
    }
}
