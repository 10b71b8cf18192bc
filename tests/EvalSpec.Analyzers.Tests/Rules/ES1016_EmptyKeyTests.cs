using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1016_EmptyKeyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("formal/short")]
    public async Task Unusable_variant_key_is_reported_on_the_key(string key)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt({|#0:"{{key}}"|}, "What is the refund window for {product}?")]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.EmptyKey).WithLocation(0).WithArguments("prompt variant key", "RefundEvals.RefundWindow", "\"" + key + "\""));
    }

    [Theory]
    [InlineData("laptop/eu")]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Unusable_case_id_is_reported_on_the_Id_argument(string id)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop", {|#0:Id = "{{id}}"|}, Expected = "30 days")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.EmptyKey).WithLocation(0).WithArguments("case id", "RefundEvals.RefundWindow", "\"" + id + "\""));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    [InlineData("typos/question")]
    public async Task Unusable_relation_name_is_reported_on_the_Name_argument(string name)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("plain", "{question}")]
                [Case("Do you ship to Canada?")]
                [Invariant<Typos>({|#0:Name = "{{name}}"|}, Parameter = "question")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.EmptyKey).WithLocation(0).WithArguments("relation name", "FaqEvals.Answer", "\"" + name + "\""));
    }

    [Fact]
    public async Task Slash_in_an_argument_gives_a_hashed_derived_case_id_rather_than_a_diagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class ShippingEvals
            {
                [Eval]
                [Prompt("plain", "Do you ship {route}?")]
                [Case("EU/US")]
                public Task<string> Ships(EvalInput input, string route) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
