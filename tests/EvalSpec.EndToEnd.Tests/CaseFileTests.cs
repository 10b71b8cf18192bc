using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// `dotnet test` on tests/fixtures/CaseFileSuite: one [Case] and the rows of data/tickets.jsonl and data/tickets.csv
/// (a BOM, CRLF line ends, a quoted field with a comma, doubled quotes and a line break) are each a row; the package's
/// targets pick up the files; expected answers are judged; tags are traits a filter can select.
/// </summary>
public sealed class CaseFileTests : IClassFixture<CaseFileTests.Run>
{
    private const string Prefix = "TicketEvals.Triage [";
    private const string Suffix = " · triage]";

    private readonly SuiteRun _run;

    public CaseFileTests(Run run)
    {
        _run = run.Result;
    }

    [Fact]
    public void Every_case_of_the_attribute_and_both_files_is_its_own_row()
    {
        _run.Report.Results.Keys.Should().BeEquivalentTo(
            new[]
            {
                "fire",
                "refund-late",
                "Charged twice, High, 0",
                "Login \"loop\" again, Low, 4",
                "crash",
                "Password reset, Low, 0",
                "wrong-expectation",
            }.Select(id => Prefix + id + Suffix),
            _run.Process.ToString());
    }

    [Fact]
    public void Rows_pass_or_fail_on_the_expected_answers_of_the_files()
    {
        _run.Report.Results.Where(r => r.Key != Prefix + "wrong-expectation" + Suffix)
            .Should().AllSatisfy(r => r.Value.Outcome.Should().Be("Passed", r.Key + ": " + r.Value.Message));
        _run[Prefix + "wrong-expectation" + Suffix].Outcome.Should().Be("Failed", "the CSV row expects an escalation and the service routes to the standard queue");
        _run.Process.ExitCode.Should().NotBe(0);
    }

    [Fact]
    public void The_quoted_csv_field_reaches_the_method_with_its_comma_quotes_and_line_break()
    {
        _run.Rows.Select(r => r.GetRawText()).Should().Contain(r => r.Contains("Crash, then \\u0022reboot\\u0022\\r\\non start") || r.Contains("Crash, then \\\"reboot\\\"\\r\\non start"), "the row's input is recorded as the method saw it");
    }

    [Fact]
    public async Task Tags_are_traits_a_filter_selects()
    {
        SuiteRun filtered = await SuiteRun.RunAsync("CaseFileSuite", null, "--filter", "Tag=billing");

        filtered.Report.Results.Keys.Should().BeEquivalentTo(new[] { Prefix + "refund-late" + Suffix, Prefix + "Charged twice, High, 0" + Suffix }, filtered.Process.ToString());
        filtered.Report.Results.Values.Should().AllSatisfy(r => r.Outcome.Should().Be("Passed"));
    }

    [Fact]
    public async Task A_bad_value_in_a_case_file_fails_the_build_at_the_file_line_and_column()
    {
        string project = ScratchCopy.Of("CaseFileSuite");
        try
        {
            string jsonl = System.IO.Path.Combine(project, "data", "tickets.jsonl");
            System.IO.File.AppendAllText(jsonl, "{\"subject\": \"Broken\", \"priority\": \"Urgent\", \"attempts\": 1, \"expected\": \"x\"}\n");

            ProcessResult build = await DotNet.RunAsync(project, null, "build", project, "-nologo");

            build.ExitCode.Should().NotBe(0, build.ToString());
            build.ToString().Should().Contain("tickets.jsonl(5,35): error ES1023: data/tickets.jsonl(5,35): case data for TicketEvals.Triage is not usable: the value \"Urgent\" does not fit the parameter 'CaseFileSuite.Priority priority': write one of Low, High (as text)");
        }
        finally
        {
            ScratchCopy.Delete(project);
        }
    }

    public sealed class Run : IAsyncLifetime
    {
        internal SuiteRun Result { get; private set; } = null!;

        public async Task InitializeAsync() => Result = await SuiteRun.RunAsync("CaseFileSuite");

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
