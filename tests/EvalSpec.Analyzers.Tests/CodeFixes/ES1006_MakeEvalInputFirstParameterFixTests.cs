using System.Threading.Tasks;
using EvalSpec.CodeFixes;
using FluentAssertions;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer, EvalSpec.CodeFixes.MakeEvalInputFirstParameterCodeFixProvider>;

namespace EvalSpec.Analyzers.Tests.CodeFixes;

public class ES1006_MakeEvalInputFirstParameterFixTests
{
    [Fact]
    public async Task Missing_EvalInput_is_added_in_front_of_the_case_parameters()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> {|ES1006:Answer|}(string question) => Task.FromResult(question);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Missing_EvalInput_is_added_to_an_empty_parameter_list()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SmallTalkEvals
            {
                [Eval]
                [Case]
                public Task<string> {|ES1006:Greeting|}() => Task.FromResult("hello");
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class SmallTalkEvals
            {
                [Eval]
                [Case]
                public Task<string> Greeting(EvalInput input) => Task.FromResult("hello");
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Added_parameter_avoids_a_name_the_method_already_uses()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> {|ES1006:Answer|}(string input)
                {
                    string evalInput = input.Trim();
                    return Task.FromResult(evalInput);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput evalInput2, string input)
                {
                    string evalInput = input.Trim();
                    return Task.FromResult(evalInput);
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Added_parameter_follows_a_one_parameter_per_line_layout()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Case("laptop", "EU")]
                public Task<string> {|ES1006:RefundWindow|}(
                    string product,
                    string region) => Task.FromResult(product + region);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(
                    EvalInput input,
                    string product,
                    string region) => Task.FromResult(product + region);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task EvalInput_further_down_the_list_is_moved_first()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Case("laptop", "EU")]
                public Task<string> {|ES1006:RefundWindow|}(string product, EvalInput input, string region) => Task.FromResult(input.Prompt);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Case("laptop", "EU")]
                public Task<string> RefundWindow(EvalInput input, string product, string region) => Task.FromResult(input.Prompt);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, MakeEvalInputFirstParameterCodeFixProvider.MoveEquivalenceKey);
    }

    [Fact]
    public async Task EvalSpec_namespace_is_imported_when_the_file_does_not_import_it()
    {
        const string source = """
            using System.Threading.Tasks;

            public partial class FaqEvals
            {
                [EvalSpec.Eval]
                [EvalSpec.Case("Do you ship to Canada?")]
                public Task<string> {|ES1006:Answer|}(string question) => Task.FromResult(question);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [EvalSpec.Eval]
                [EvalSpec.Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_all_adds_or_moves_per_its_equivalence_key()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> {|ES1006:Answer|}(string question) => Task.FromResult(question);

                [Eval]
                [Case("Is there a warranty?")]
                public Task<string> {|ES1006:Warranty|}(string question) => Task.FromResult(question);

                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:Refund|}(string product, EvalInput input) => Task.FromResult(product);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(EvalInput input, string question) => Task.FromResult(question);

                [Eval]
                [Case("Is there a warranty?")]
                public Task<string> Warranty(EvalInput input, string question) => Task.FromResult(question);

                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:Refund|}(string product, EvalInput input) => Task.FromResult(product);
            }
            """;

        var test = Verify.Create(source, fixedSource, MakeEvalInputFirstParameterCodeFixProvider.AddEquivalenceKey);
        test.ExpectedDiagnostics.Add(MisplacedEvalInput("FaqEvals.Refund"));
        test.FixedState.ExpectedDiagnostics.Add(MisplacedEvalInput("FaqEvals.Refund"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Titles_say_whether_the_parameter_is_added_or_moved()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public Task<string> Answer(string question) => Task.FromResult(question);

                [Eval]
                [Case("laptop")]
                public Task<string> Refund(string product, EvalInput request) => Task.FromResult(product);
            }
            """;

        var offered = await Verifiers.OfferedCodeFixes.ForAsync<EvalDeclarationAnalyzer, MakeEvalInputFirstParameterCodeFixProvider>(source);

        offered.Should().Equal(
            ("Add 'EvalInput' as the first parameter", MakeEvalInputFirstParameterCodeFixProvider.AddEquivalenceKey),
            ("Move 'request' to the first parameter", MakeEvalInputFirstParameterCodeFixProvider.MoveEquivalenceKey));
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_partial_method()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                public partial Task<string> {|ES1006:Ask|}(string question);

                public partial Task<string> Ask(string question) => Task.FromResult(question);
            }
            """;

        await Verify.VerifyNoCodeFixAsync(source);
    }

    [Theory]
    [InlineData("public string {|ES1006:Answer|}(string question) => question;")]
    [InlineData("public Task<string> {|ES1006:Answer|}(EvalInput input, ref string question) => Task.FromResult(question);")]
    [InlineData("public Task<T> {|ES1006:Answer|}<T>(string question) => throw new System.NotImplementedException();")]
    [InlineData("public Task<string> {|ES1006:Answer|}(string question, EvalInput? input = null) => Task.FromResult(question);")]
    public async Task No_fix_is_offered_for_other_signature_problems_or_an_optional_EvalInput(string method)
    {
        string source = $$"""
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class FaqEvals
            {
                [Eval]
                [Case("Do you ship to Canada?")]
                {{method}}
            }
            """;

        await Verify.VerifyNoCodeFixAsync(source);
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult MisplacedEvalInput(string method) =>
        Verify.Diagnostic(DiagnosticDescriptors.UnsupportedSignature).WithLocation(0).WithArguments(
            method, "does not take EvalInput as its first parameter", "Task<string>, Task<T>, ValueTask<string> or ValueTask<T> Name(EvalInput input, <case parameters>)");
}
