using System.IO;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Reporting;

/// <summary>The rows report.html embeds for its explorer: redacted and cut where the text is too long.</summary>
public sealed class HtmlReportDataTests : System.IDisposable
{
    private const string Key = "sk-proj-CutCanary0123456789abcdefghijklmnop";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteReport(string output, RunRowDetails.ModelCallCounts? modelCalls = null)
    {
        string directory = _folder.Combine("TestResults", "evalspec", "run-1");
        Directory.CreateDirectory(directory);
        RunRow row = Row("RefundWindow", "laptop", "formal", VerdictOutcome.Fail) with { Details = new RunRowDetails { Output = output, Prompt = "What is the refund window?", ModelCalls = modelCalls } };
        RunReportFiles files = RunReports.Write(Run([row], directory), new ReportOptions(), stepSummaryPath: null);
        return File.ReadAllText(files.HtmlPath);
    }

    [Theory]
    [InlineData(11)] // "sk-proj-Cut": shorter than a key of its shape, so the page-wide pass cannot tell it is one
    [InlineData(20)]
    [InlineData(9)]
    public void A_key_cut_in_two_by_the_length_limit_is_redacted_before_it_is_cut(int kept)
    {
        // The key straddles the limit: without redacting the whole text first, its first characters stay in the page
        // (JSON-escaped, followed by the cut note, where the page-wide redaction sees no ellipsis right after them).
        string output = new string('a', HtmlReportData.MaxTextLength - kept - 1) + " " + Key + " and more text after it";

        string html = WriteReport(output);

        html.Should().NotContain(Key[..kept]).And.Contain("[REDACTED", "the marker, cut where the key was").And.Contain("more characters: see results.jsonl, line");
    }

    [Fact]
    public void A_long_output_is_cut_with_a_note_of_how_much_was_left_out_and_where_the_whole_text_is()
    {
        string output = string.Concat(Enumerable.Repeat("0123456789", 3_000));

        string html = WriteReport(output);

        html.Should().Contain(output[..HtmlReportData.MaxTextLength] + "\\n\\u2026 [10,000 more characters: see results.jsonl, line 0]").And.NotContain(output[..(HtmlReportData.MaxTextLength + 1)]);
    }

    [Fact]
    public void Row_text_cannot_end_the_script_element_that_holds_it()
    {
        string html = WriteReport("</script><script>alert(1)</script><!-- & \u2028");

        html.Should().NotContain("</script><script>alert").And.NotContain("<!-- &").And.Contain("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)");
    }

    [Fact]
    public void A_row_whose_model_calls_missed_their_recordings_says_how_many()
    {
        string html = WriteReport("no answer", new RunRowDetails.ModelCallCounts("replay", 1, 0, 0, 0, Missing: 2));

        html.Should().Contain("\"replayed\":1,\"recorded\":0,\"live\":0,\"failed\":0,\"missing\":2}")
            .And.Contain("t.mc.missing + \" missing from the recordings\"", "the explorer shows it");
    }

    [Fact]
    public void A_results_line_s_missing_model_calls_are_read()
    {
        using var line = System.Text.Json.JsonDocument.Parse("""{"rowId":"S.M/a/p/identity","outcome":"fail","modelCalls":{"mode":"replay","replayed":0,"recorded":0,"live":0,"failed":0,"missing":1}}""");

        RunRowDetails.Read(line.RootElement).ModelCalls.Should().Be(new RunRowDetails.ModelCallCounts("replay", 0, 0, 0, 0, 1));
    }
}
