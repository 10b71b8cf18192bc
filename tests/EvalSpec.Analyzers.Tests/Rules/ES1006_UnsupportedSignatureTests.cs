using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1006_UnsupportedSignatureTests
{
    private const string AcceptedShapes = "Task<string>, Task<T>, ValueTask<string> or ValueTask<T> Name(EvalInput input, <case parameters>)";

    [Theory]
    [InlineData("string", "returns string")]
    [InlineData("void", "returns void")]
    [InlineData("Task", "returns System.Threading.Tasks.Task")]
    [InlineData("ValueTask", "returns System.Threading.Tasks.ValueTask")]
    [InlineData("List<string>", "returns System.Collections.Generic.List<string>")]
    [InlineData("IAsyncEnumerable<string>", "returns System.Collections.Generic.IAsyncEnumerable<string>")]
    public async Task Unsupported_return_type_is_reported_on_the_method_name_with_the_type(string returnType, string problem)
    {
        string source = $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public {{returnType}} {|#0:Answer|}(EvalInput input, string question) => throw new System.NotImplementedException();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedSignature).WithLocation(0).WithArguments("FaqEvals.Answer", problem, AcceptedShapes));
    }

    [Theory]
    [InlineData("string question")]
    [InlineData("string question, EvalInput input")]
    [InlineData("")]
    public async Task Method_without_EvalInput_as_its_first_parameter_is_reported(string parameters)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> {|#0:Answer|}({{parameters}}) => Task.FromResult("");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedSignature).WithLocation(0).WithArguments(
                "FaqEvals.Answer", "does not take EvalInput as its first parameter", AcceptedShapes));
    }

    [Theory]
    [InlineData("ref string question")]
    [InlineData("out string question")]
    [InlineData("in string question")]
    [InlineData("params string[] question")]
    public async Task Ref_out_in_or_params_parameter_is_reported(string parameter)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> {|#0:Answer|}(EvalInput input, {{parameter}}) => throw new System.NotImplementedException();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedSignature).WithLocation(0).WithArguments(
                "FaqEvals.Answer", "has a ref, out, in or params parameter", AcceptedShapes));
    }

    [Fact]
    public async Task Generic_method_is_reported()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<TAnswer> {|#0:Answer|}<TAnswer>(EvalInput input, string question) => throw new System.NotImplementedException();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedSignature).WithLocation(0).WithArguments("FaqEvals.Answer", "is generic", AcceptedShapes));
    }

    [Fact]
    public async Task Unsupported_signature_stops_the_checks_that_depend_on_the_parameters()
    {
        // The placeholder and case checks bind to the parameters after EvalInput; with no EvalInput they would mislead.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Prompt("plain", "{question}")]
                [Case("Do you ship to Canada?", 3)]
                public string {|#0:Answer|}(string question) => question;
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedSignature).WithLocation(0).WithArguments("FaqEvals.Answer", "returns string", AcceptedShapes));
    }
    [Fact]
    public async Task Partial_eval_is_reported_once_on_its_definition_part()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public partial string {|#0:Answer|}(EvalInput input, string question);

                public partial string Answer(EvalInput input, string question) => question;
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic(DiagnosticDescriptors.UnsupportedSignature).WithLocation(0).WithArguments("FaqEvals.Answer", "returns string", AcceptedShapes));
    }
}
