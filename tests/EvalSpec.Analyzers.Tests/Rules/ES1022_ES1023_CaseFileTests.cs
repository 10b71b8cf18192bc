using System.Threading.Tasks;
using Xunit;
using Verify = EvalSpec.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<EvalSpec.Analyzers.EvalDeclarationAnalyzer>;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1022_ES1023_CaseFileTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using EvalSpec;

        public partial class TicketEvals
        {
            [Eval]
            [Prompt("Triage: {subject} ({attempts})")]
            [Case("Printer on fire", 1, Id = "fire")]
            [{|#0:CasesFrom("data/tickets.jsonl")|}]
            public Task<string> Triage(EvalInput input, string subject, int attempts) => Task.FromResult(input.Prompt);
        }
        """;

    [Fact]
    public async Task A_missing_case_file_is_reported_on_the_attribute()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source,
            new[] { ("/data/other.jsonl", string.Empty) },
            Verify.Diagnostic(DiagnosticDescriptors.CasesFromFileNotFound).WithLocation(0).WithArguments("TicketEvals.Triage", "data/tickets.jsonl", "looked for data/tickets.jsonl; case files found: /data/other.jsonl"));
    }

    [Fact]
    public async Task A_value_that_does_not_convert_is_reported_at_its_line_and_column_of_the_file()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source.Replace("{|#0:", string.Empty).Replace("|}]", "]"),
            new[] { ("/data/tickets.jsonl", "{\"subject\": \"a\", \"attempts\": 1}\n{\"subject\": \"b\", \"attempts\": \"two\"}") },
            Verify.Diagnostic(DiagnosticDescriptors.CaseDataInvalid).WithSpan("/data/tickets.jsonl", 2, 30, 2, 36)
                .WithArguments("data/tickets.jsonl", 2, 30, "TicketEvals.Triage", "the value \"two\" does not fit the parameter 'int attempts': a JSON string does not convert to int; write the value without quotes"));
    }

    [Fact]
    public async Task A_row_duplicating_an_attribute_case_id_and_a_malformed_csv_record_are_reported()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            Source.Replace("{|#0:CasesFrom(\"data/tickets.jsonl\")|}", "CasesFrom(\"data/tickets.jsonl\"), CasesFrom(\"data/tickets.csv\")"),
            new[]
            {
                ("/data/tickets.jsonl", "{\"id\": \"fire\", \"subject\": \"a\", \"attempts\": 1}"),
                ("/data/tickets.csv", "subject,attempts\r\n\"unclosed,1\r\n"),
            },
            Verify.Diagnostic(DiagnosticDescriptors.CaseDataInvalid).WithSpan("/data/tickets.jsonl", 1, 8, 1, 46)
                .WithArguments("data/tickets.jsonl", 1, 8, "TicketEvals.Triage", "a case with the id 'fire' is already declared (by [Case] or an earlier row); give this row a distinct 'id' column value"),
            Verify.Diagnostic(DiagnosticDescriptors.CaseDataInvalid).WithSpan("/data/tickets.csv", 2, 1, 2, 12)
                .WithArguments("data/tickets.csv", 2, 1, "TicketEvals.Triage", "the quoted field is never closed; end it with a double quote"));
    }

    [Fact]
    public async Task Valid_case_files_produce_no_diagnostics_and_count_as_cases()
    {
        await Verify.VerifyWithAdditionalFilesAsync(
            """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class TicketEvals
            {
                [Eval]
                [Prompt("Triage: {subject} ({attempts})")]
                [CasesFrom("data/tickets.csv")]
                public Task<string> Triage(EvalInput input, string subject, int attempts) => Task.FromResult(input.Prompt);
            }
            """,
            new[] { ("/data/tickets.csv", "id,subject,attempts,tags\nc1,\"a, b\",1,x;y\n") });
    }
}
