using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Files;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using EvalSpec.Tests.Execution;
using EvalSpec.Tests.Persistence;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// summary.json, results.jsonl and the gate's JSON are one typed record set each (RunSummaryFile, RowResult, GateReport):
/// files a run writes now and files written before the records (Reporting/Files/WrittenBefore, from a FaqBot.Evals run
/// and its `evalspec gate --json` of EvalSpec before this change) read into the records and write back without losing a
/// field, and satisfy the JSON Schemas in docs/schemas.
/// </summary>
public sealed class RunFileRecordsTests : IClassFixture<EvalRunFixture>
{
    private static readonly string WrittenBefore = Path.Combine(CommittedFileSchemas.RepositoryRoot, "tests", "EvalSpec.Tests", "Reporting", "Files", "WrittenBefore");

    private readonly EvalRunFixture _unused;

    public RunFileRecordsTests(EvalRunFixture unused)
    {
        _unused = unused;
    }

    [Fact]
    public void A_summary_written_before_the_records_reads_and_writes_back_byte_for_byte()
    {
        string before = File.ReadAllText(Path.Combine(WrittenBefore, "summary.json"));

        RunSummaryFile summary = RunSummaryFile.Parse(File.ReadAllBytes(Path.Combine(WrittenBefore, "summary.json")))!;

        summary.Format.Should().BeNull("it was written before summaries had a format");
        summary.ToJson().Should().Be(before);
    }

    [Fact]
    public void Results_lines_written_before_the_records_read_and_write_back_byte_for_byte()
    {
        string[] lines = File.ReadAllLines(Path.Combine(WrittenBefore, "results.jsonl"));

        foreach (string line in lines)
        {
            RowResult row = JsonSerializer.Deserialize(line, RunFilesJson.Compact.RowResult)!;
            string written = JsonSerializer.Serialize(row, RunFilesJson.Compact.RowResult);

            row.Format.Should().BeNull("it was written before results lines had a format");
            written.Should().Be(line);
            JsonSerializer.Serialize(row with { Format = 1 }, RunFilesJson.Compact.RowResult).Should().Be("{\"format\":1," + line[1..], "a line written now starts with its format");
        }
    }

    [Fact]
    public void A_gate_result_written_before_the_records_reads_and_writes_back_byte_for_byte()
    {
        string before = File.ReadAllText(Path.Combine(WrittenBefore, "gate.json"));

        GateReport report = GateJsonWriter.Parse(before)!;

        report.Format.Should().BeNull();
        GateJsonWriter.Serialize(report).Should().Be(before);
    }

    [Fact]
    public void Files_written_before_the_records_are_still_read_by_the_reports_and_the_gate()
    {
        string folder = Directory.CreateTempSubdirectory("evalspec-records-").FullName;
        try
        {
            File.Copy(Path.Combine(WrittenBefore, "summary.json"), Path.Combine(folder, "summary.json"));
            File.Copy(Path.Combine(WrittenBefore, "results.jsonl"), Path.Combine(folder, "results.jsonl"));

            RunData run = RunData.Load(folder);

            run.Rows.Should().HaveCount(6);
            run.Summary!.MultiPrompt!.Keys.Should().Contain("FaqBot.Evals.ReturnsEvals.ReturnWindow");
            run.Summary.Recording!.Mode.Should().Be("auto");
            run.Summary.Judges!["expected-answer"].Pass.Should().Be(58);
            MarkdownReport.Render(RunReportModel.Build(run)).Should().Contain("390 eval method calls · 141.6 s", "the counts and timings come from the summary");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_files_written_before_the_records_satisfy_the_schemas_once_they_have_a_format()
    {
        CommittedFileSchemas.Errors("summary.schema.json", WithFormat(File.ReadAllText(Path.Combine(WrittenBefore, "summary.json")))).Should().BeEmpty();
        CommittedFileSchemas.Errors("gate-result.schema.json", WithFormat(File.ReadAllText(Path.Combine(WrittenBefore, "gate.json")))).Should().BeEmpty();
        foreach (string line in File.ReadAllLines(Path.Combine(WrittenBefore, "results.jsonl")))
        {
            CommittedFileSchemas.Errors("results-line.schema.json", WithFormat(line)).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_run_written_now_round_trips_through_the_records_and_satisfies_the_schemas()
    {
        using var own = new EvalRunFixture();
        EvalMethodDescriptor method = new(
            typeof(RunFileRecordsTests),
            "RefundWindow",
            null,
            threshold: 0.5,
            0,
            ["product"],
            [new PromptVariant("formal", "What is the refund window for {product}?"), new PromptVariant("casual", "how long can i send back my {product}")],
            [new EvalCaseDescriptor("laptop", ["a laptop"], "30 days"), new EvalCaseDescriptor("tablet", ["a tablet"], "30 days")],
            [new RelationDescriptor("lowercase", RelationKind.Invariant, () => new Lowercase(), null, 0.5, Change.Differs)],
            (_, input, _) => ValueTask.FromResult<object?>(input.CaseId == "laptop" ? "You can return it within 30 days." : "No idea."));
        foreach (string @case in new[] { "laptop", "tablet" })
        {
            foreach (string variant in new[] { "formal", "casual" })
            {
                foreach (string relation in new[] { RunRow.IdentityRelation, "lowercase" })
                {
                    try
                    {
                        await EvalRowRunner.RunAsync(own.Host, this, method, @case, variant, relation);
                    }
                    catch (Exception ex) when (ex is EvalRowFailedException or EvalRowSkippedException)
                    {
                        // The tablet rows fail, and lowercasing the casual prompt changes nothing (not applicable): such rows are written too.
                    }
                }
            }
        }

        own.Host.Complete();

        string summaryText = File.ReadAllText(Path.Combine(own.Host.RunDirectory, "summary.json"));
        string[] lines = File.ReadAllLines(Path.Combine(own.Host.RunDirectory, "results.jsonl"));
        lines.Should().HaveCount(8);
        RunSummaryFile summary = RunSummaryFile.Parse(System.Text.Encoding.UTF8.GetBytes(summaryText))!;
        summary.Format.Should().Be(1);
        summary.Rows!.Total.Should().Be(8);
        SameTree(summary.ToJson(), summaryText).Should().BeTrue("every field of summary.json is in the records");
        CommittedFileSchemas.Errors("summary.schema.json", summaryText).Should().BeEmpty();
        foreach (string line in lines)
        {
            RowResult row = JsonSerializer.Deserialize(line, RunFilesJson.Compact.RowResult)!;
            SameTree(JsonSerializer.Serialize(row, RunFilesJson.Compact.RowResult), line).Should().BeTrue("every field of a results line is in the records: " + line);
            CommittedFileSchemas.Errors("results-line.schema.json", line).Should().BeEmpty();
        }
    }

    [Fact]
    public void A_gate_result_written_now_round_trips_and_satisfies_the_schema()
    {
        RunRow[] before = Many("RefundWindow", 30, VerdictOutcome.Pass, score: 0.9).Concat([Row("Greeting", "hi", "formal", VerdictOutcome.Inconclusive)]).ToArray();
        Baseline baseline = Record("/repo/evalspec.baseline.json", before);
        GateResult result = RegressionGate.Evaluate(baseline, Run(With(before, VerdictOutcome.Fail, "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08")), new GateOptions { MinScorePairs = 2 });

        string json = GateJsonWriter.Serialize(result);

        result.Passed.Should().BeFalse("the example must show regressions");
        CommittedFileSchemas.Errors("gate-result.schema.json", json).Should().BeEmpty();
        GateJsonWriter.Serialize(GateJsonWriter.Parse(json)!).Should().Be(json);
    }

    [Fact]
    public void A_summary_of_a_newer_format_is_refused_naming_the_file_and_the_format()
    {
        string folder = Directory.CreateTempSubdirectory("evalspec-records-").FullName;
        try
        {
            string path = Path.Combine(folder, "summary.json");
            File.WriteAllText(path, """{ "format": 2, "runId": "r" }""");

            Action read = () => RunSummaryFile.Read(path);

            read.Should().Throw<RunDataException>().WithMessage($"{path} cannot be read: it is format 2, written by an EvalSpec newer than this one*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_committed_example_baseline_reads_and_writes_back_byte_for_byte_through_the_baseline_records()
    {
        // Written by EvalSpec before the baseline had a source-generated JSON context.
        string before = File.ReadAllText(Path.Combine(CommittedFileSchemas.RepositoryRoot, "examples", "FaqBot.Evals", Baseline.FileName));

        Baseline.BaselineFile file = JsonSerializer.Deserialize(before, BaselineJson.Compact.BaselineFile)!;

        file.Rows.Should().NotBeEmpty();
        (JsonSerializer.Serialize(file, BaselineJson.Indented.BaselineFile) + "\n").Should().Be(before);
    }

    [Fact]
    public void Each_run_file_format_has_its_schema_its_row_in_the_schemas_readme_and_the_schema_accepts_exactly_the_readable_formats()
    {
        string readme = File.ReadAllText(CommittedFileSchemas.SchemaPath("README.md"));
        foreach (EvalSpec.Persistence.CommittedFileFormat format in new[] { RunFileFormats.Summary, RunFileFormats.Results, RunFileFormats.Gate, RunFileFormats.Comparison })
        {
            File.Exists(CommittedFileSchemas.SchemaPath(format.Schema)).Should().BeTrue(format.Schema);
            readme.Should().Contain($"| [{format.Schema}]({format.Schema}) |", $"docs/schemas/README.md lists the {format.Description}");
            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(CommittedFileSchemas.SchemaPath(format.Schema)));
            schema.RootElement.GetProperty("properties").GetProperty("format").GetProperty("enum").EnumerateArray().Select(e => e.GetInt32())
                .Should().Equal(format.Readable, $"{format.Schema} accepts the formats EvalSpec reads");
        }
    }

    [Theory]
    [InlineData("summary.schema.json", """{ "format": 1, "runId": "r", "surprise": 1 }""")]
    [InlineData("results-line.schema.json", """{ "format": 1, "rowId": "S.M/a/p/identity", "outcome": "passed" }""")]
    [InlineData("gate-result.schema.json", """{ "format": 2, "passed": true }""")]
    [InlineData("comparison.schema.json", """{ "format": 1, "runs": [], "methods": {}, "notCompared": {}, "minW": null, "belowMinW": [], "extra": 1 }""")]
    [InlineData("comparison.schema.json", """{ "format": 2, "runs": [], "methods": {}, "notCompared": {}, "minW": null, "belowMinW": [] }""")]
    public void The_schemas_reject_what_EvalSpec_does_not_write(string schema, string json)
    {
        CommittedFileSchemas.Errors(schema, json).Should().NotBeEmpty();
    }

    private static string WithFormat(string json)
    {
        JsonObject node = JsonNode.Parse(json)!.AsObject();
        node.Insert(0, "format", 1);
        return node.ToJsonString();
    }

    private static bool SameTree(string a, string b) => JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
}
