using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1010_RelationParameterNotStringTests
{
    [Fact]
    public async Task Int_parameter_is_reported_on_the_Parameter_argument_with_its_type()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} x {product}")]
                [Case("laptop", 2)]
                [Invariant<Typos>({|#0:Parameter = "quantity"|})]
                public Task<string> PlaceOrder(EvalInput input, string product, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationParameterNotString).WithLocation(0).WithArguments("OrderEvals.PlaceOrder", "typos", "quantity", "int"));
    }

    [Fact]
    public async Task Enum_parameter_is_reported_with_its_type()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Support
            {
                public enum Tone { Formal, Casual }

                public partial class ToneEvals
                {
                    [Eval]
                    [Prompt("plain", "Reply in a {tone} tone to: {message}")]
                    [Case(Tone.Casual, "hey, where's my parcel")]
                    [Invariant<Lowercase>(Name = "tone-case", {|#0:Parameter = "tone"|})]
                    public Task<string> Reply(EvalInput input, Tone tone, string message) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.RelationParameterNotString).WithLocation(0).WithArguments("ToneEvals.Reply", "tone-case", "tone", "Support.Tone"));
    }
}
