using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1011_MalformedTemplateTests
{
    [Theory]
    [InlineData("What is {product", "'{' at position 8 is never closed; write '{{' for a literal brace")]
    [InlineData("Price in } dollars for {product}", "'}' at position 9 has no opening '{'; write '}}' for a literal brace")]
    [InlineData("Rate {1} for {product}", "'{1}' at position 5 is not a placeholder: write a parameter name between the braces, or '{{' and '}}' for literal braces")]
    [InlineData("Use {} for {product}", "'{}' at position 4 is not a placeholder: write a parameter name between the braces, or '{{' and '}}' for literal braces")]
    public async Task Template_syntax_error_is_reported_on_the_template_with_its_position(string template, string error)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|#0:"{{template}}"|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.MalformedTemplate).WithLocation(0).WithArguments("RefundEvals.RefundWindow", error));
    }

    [Fact]
    public async Task Null_template_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt({|#0:null|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.MalformedTemplate).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "the template is null"));
    }

    [Fact]
    public async Task Null_template_of_a_keyed_variant_is_reported_on_the_template()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", {|#0:null|})]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.MalformedTemplate).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "the template is null"));
    }

    [Fact]
    public async Task Escaped_braces_and_padded_placeholders_are_well_formed()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class JsonEvals
            {
                [Eval]
                [Prompt("json", "Reply as JSON like {{\"days\": 30}} for { product }.")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
