using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1018_ES1019_PromptFileTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using EvalSpec;

        public partial class RefundEvals
        {
            [Eval]
            [{|#0:PromptSet("refund")|}]
            [Case("laptop")]
            public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
        }
        """;

    [Fact]
    public async Task A_prompt_set_without_its_file_is_reported_on_the_attribute_naming_the_files_found()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source,
            new[] { ("/prompts/shipping.prompts", "formal: Ship {product}?") },
            Verify.Diagnostic(DiagnosticDescriptors.PromptSetNotFound).WithLocation(0).WithArguments("RefundEvals.RefundWindow", "refund", "shipping"));
    }

    [Fact]
    public async Task A_malformed_line_is_reported_at_that_line_of_the_prompt_file()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source,
            new[] { ("/prompts/refund.prompts", "# refund phrasings\nformal: Refund window for {product}?\ncasual how long for my {product}") },
            Verify.Diagnostic(DiagnosticDescriptors.PromptFileMalformed).WithSpan("/prompts/refund.prompts", 3, 1, 3, 33).WithArguments("refund.prompts", 3, "a line must be 'key: template' (no colon found)"));
    }

    [Fact]
    public async Task An_unknown_placeholder_in_the_prompt_file_is_reported_at_its_line()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source,
            new[] { ("/prompts/refund.prompts", "formal: Refund window for {produkt}?") },
            Verify.Diagnostic(DiagnosticDescriptors.UnknownPlaceholder).WithSpan("/prompts/refund.prompts", 1, 1, 1, 37).WithArguments("RefundEvals.RefundWindow", "produkt", "formal", "{product}", " Did you mean {product}?"));
    }

    [Fact]
    public async Task A_valid_prompt_file_produces_no_diagnostics()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source.Replace("{|#0:", string.Empty).Replace("|}]", "]"),
            new[] { ("/prompts/refund.prompts", "# ok\nformal: Refund window for {product}?\ncasual: how long for my {product}\n") });
    }
    [Fact]
    public async Task A_prompt_file_listed_twice_under_one_path_is_read_once()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source.Replace("{|#0:PromptSet(\"refund\")|}", "PromptSet(\"refund\")"),
            new[]
            {
                ("/prompts/refund.prompts", "formal: Refund window for {product}?"),
                ("/prompts/refund.prompts", "formal: Refund window for {product}?"),
            });
    }

    [Fact]
    public async Task A_malformed_prompt_file_listed_twice_under_one_path_is_reported_at_its_line()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source.Replace("{|#0:PromptSet(\"refund\")|}", "PromptSet(\"refund\")"),
            new[]
            {
                ("/prompts/refund.prompts", "casual how long for my {product}"),
                ("/prompts/refund.prompts", "casual how long for my {product}"),
            },
            Verify.Diagnostic(DiagnosticDescriptors.PromptFileMalformed).WithSpan("/prompts/refund.prompts", 1, 1, 1, 33).WithArguments("refund.prompts", 1, "a line must be 'key: template' (no colon found)"));
    }
}
