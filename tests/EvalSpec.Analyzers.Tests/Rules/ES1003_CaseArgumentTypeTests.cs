using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1003_CaseArgumentTypeTests
{
    [Fact]
    public async Task String_argument_for_an_int_parameter_is_reported_on_the_argument()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} x {product}")]
                [Case("laptop", {|#0:"three"|})]
                public Task<string> PlaceOrder(EvalInput input, string product, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "OrderEvals.PlaceOrder", 2, "three", "int quantity", "string does not convert to int"));
    }

    [Fact]
    public async Task Null_argument_for_an_int_parameter_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} x {product}")]
                [Case("laptop", {|#0:null|})]
                public Task<string> PlaceOrder(EvalInput input, string product, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "OrderEvals.PlaceOrder", 2, "null", "int quantity", "null cannot be converted to a non-nullable value type"));
    }

    [Fact]
    public async Task Lone_null_argument_for_an_int_parameter_is_reported()
    {
        // [Case(null)] passes a null params array, not an array holding null: the parser treats it as one null argument.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} laptops")]
                [Case({|#0:null|})]
                public Task<string> PlaceOrder(EvalInput input, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "OrderEvals.PlaceOrder", 1, "null", "int quantity", "null cannot be converted to a non-nullable value type"));
    }

    [Fact]
    public async Task Array_argument_is_reported_as_unsupported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class ShippingEvals
            {
                [Eval]
                [Prompt("plain", "Do you ship {product} to {regions}?")]
                [Case("laptop", {|#0:new[] { "EU", "US" }|})]
                public Task<string> ShipsTo(EvalInput input, string product, string regions) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "ShippingEvals.ShipsTo", 2, "{ EU, US }", "string regions", "arrays are not supported as case arguments; pass the elements as separate parameters or a delimited string"));
    }

    [Fact]
    public async Task Typeof_argument_is_reported_as_unsupported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class ParsingEvals
            {
                [Eval]
                [Prompt("plain", "Parse {target}")]
                [Case({|#0:typeof(string)|})]
                public Task<string> Parse(EvalInput input, string target) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "ParsingEvals.Parse", 1, "typeof(string)", "string target", "typeof(...) is not supported as a case argument"));
    }

    [Fact]
    public async Task Fractional_double_argument_for_an_int_parameter_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} laptops")]
                [Case({|#0:2.5|})]
                public Task<string> PlaceOrder(EvalInput input, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "OrderEvals.PlaceOrder", 1, "2.5", "int quantity", "double does not convert to int"));
    }

    [Fact]
    public async Task Long_argument_that_overflows_an_int_parameter_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} laptops")]
                [Case({|#0:5000000000L|})]
                public Task<string> PlaceOrder(EvalInput input, int quantity) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "OrderEvals.PlaceOrder", 1, "5000000000", "int quantity", "long does not convert to int"));
    }

    [Fact]
    public async Task Character_argument_for_a_string_parameter_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class GradingEvals
            {
                [Eval]
                [Prompt("plain", "Explain grade {grade}")]
                [Case({|#0:'A'|})]
                public Task<string> Explain(EvalInput input, string grade) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "GradingEvals.Explain", 1, "A", "string grade", "char does not convert to string"));
    }

    [Fact]
    public async Task Every_mismatched_argument_of_a_case_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class OrderEvals
            {
                [Eval]
                [Prompt("plain", "Order {quantity} x {product} at {discount}")]
                [Case({|#0:42|}, "laptop", {|#1:"ten percent"|})]
                public Task<string> PlaceOrder(EvalInput input, string product, string quantity, double discount) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(0).WithArguments(
                "OrderEvals.PlaceOrder", 1, "42", "string product", "int does not convert to string"),
            Verify.Diagnostic(DiagnosticDescriptors.CaseArgumentType).WithLocation(1).WithArguments(
                "OrderEvals.PlaceOrder", 3, "ten percent", "double discount", "string does not convert to double"));
    }
}
