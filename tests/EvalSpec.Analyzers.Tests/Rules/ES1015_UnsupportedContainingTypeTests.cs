using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1015_UnsupportedContainingTypeTests
{
    [Fact]
    public async Task Eval_method_in_a_generic_class_is_reported_on_the_method()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals<TModel>
            {
                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", "'RefundEvals' is generic; declare [Eval] methods in non-generic types"));
    }

    [Fact]
    public async Task Eval_method_nested_in_a_generic_class_is_reported_once_naming_the_generic_class()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class Suites<TModel>
            {
                public partial class RefundEvals
                {
                    [Eval]
                    [Case("laptop")]
                    public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", "'Suites' is generic; declare [Eval] methods in non-generic types"));
    }

    [Theory]
    [InlineData("struct")]
    [InlineData("record struct")]
    public async Task Eval_method_in_a_struct_is_reported(string keyword)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial {{keyword}} RefundEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", "'RefundEvals' is a struct; xUnit tests live in classes"));
    }

    [Fact]
    public async Task Eval_method_in_an_interface_is_reported_in_plain_english()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial interface IRefundEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "IRefundEvals.RefundWindow", "'IRefundEvals' is an interface; xUnit tests live in classes"));
    }

    [Fact]
    public async Task Eval_method_in_a_record_class_is_accepted()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial record RefundEvals(string Model)
            {
                [Eval]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt + Model);
            }
            """;

        await Verify.VerifyAsync(source);
    }
    [Fact]
    public async Task Explicit_interface_implementation_is_reported_with_the_method_to_declare_instead()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public interface IRefundShape
            {
                Task<string> RefundWindow(EvalInput input, string product);
            }

            public partial class RefundEvals : IRefundShape
            {
                [Eval]
                [Case("laptop")]
                Task<string> IRefundShape.{|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.IRefundShape.RefundWindow",
                "it implements IRefundShape.RefundWindow explicitly, so generated tests cannot call it; make it a public method named RefundWindow"));
    }

    [Fact]
    public async Task Eval_method_in_a_file_local_class_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            file partial class RefundEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", "'RefundEvals' is file-local and generated tests are in another file; replace 'file' with 'public'"));
    }

    [Theory]
    [InlineData("internal", "internal")]
    [InlineData("", "internal")]
    public async Task Eval_method_in_a_non_public_class_is_reported(string modifier, string accessibility)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            {{modifier}} partial class RefundEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", $"'RefundEvals' is {accessibility} and xUnit runs tests only in public classes; make it public"));
    }

    [Theory]
    [InlineData("private")]
    [InlineData("protected")]
    [InlineData("private protected")]
    [InlineData("protected internal")]
    public async Task Eval_method_in_a_public_class_nested_in_a_non_public_one_is_reported_naming_that_one(string accessibility)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class Suites
            {
                {{accessibility}} partial class Refunds
                {
                    public partial class RefundEvals
                    {
                        [Eval]
                        [Case("laptop")]
                        public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
                    }
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", $"'Refunds' is {accessibility} and xUnit runs tests only in public classes; make it public"));
    }

    [Fact]
    public async Task Eval_local_function_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                public void Declare()
                {
                    [Eval]
                    [Case("laptop")]
                    static Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedContainingType).WithLocation(0).WithArguments(
                "RefundEvals.RefundWindow", "it is a local function; declare [Eval] methods as members of a public partial class"));
    }
}
