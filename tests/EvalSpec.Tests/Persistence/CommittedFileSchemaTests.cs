using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvalSpec.Judging;
using EvalSpec.Persistence;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using EvalSpec.Snapshots;
using EvalSpec.Tests.Reporting;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Persistence;

/// <summary>
/// The committed files in the repository, and files written by EvalSpec here, satisfy the JSON Schemas in docs/schemas;
/// the format table, the schemas and docs/schemas/README.md agree. (Recordings written by a real run are validated in
/// RecordingFormatTests and by the crash harness.)
/// </summary>
public sealed class CommittedFileSchemaTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    public static IEnumerable<object[]> CommittedBaselines() => CommittedFileSchemas.RepositoryFiles("evalspec.baseline.json").Select(f => new object[] { f });

    public static IEnumerable<object[]> CommittedJsonSnapshots() => CommittedFileSchemas.RepositoryFiles("*.verified.json").Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(CommittedBaselines))]
    public void Every_committed_baseline_satisfies_the_baseline_schema_and_loads(string relativePath)
    {
        string path = Path.Combine(CommittedFileSchemas.RepositoryRoot, relativePath);

        CommittedFileSchemas.Errors(CommittedFileFormats.Baseline.Schema, File.ReadAllText(path)).Should().BeEmpty();
        Baseline.Load(path).Rows.Should().NotBeEmpty();
    }

    [Fact]
    public void The_example_baselines_are_found()
    {
        CommittedBaselines().Select(f => ((string)f[0]).Replace('\\', '/')).Should().Contain("examples/FaqBot.Evals/evalspec.baseline.json");
    }

    [Fact]
    public void Every_committed_recordings_file_satisfies_the_recordings_schema()
    {
        foreach (string relativePath in CommittedFileSchemas.RepositoryFiles("*.recordings.json"))
        {
            CommittedFileSchemas.Errors(CommittedFileFormats.Recordings.Schema, File.ReadAllText(Path.Combine(CommittedFileSchemas.RepositoryRoot, relativePath)))
                .Should().BeEmpty(relativePath);
        }
    }

    [Theory]
    [MemberData(nameof(CommittedJsonSnapshots))]
    public void Every_committed_json_snapshot_is_json_and_a_row_snapshot_satisfies_the_row_schema(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(CommittedFileSchemas.RepositoryRoot, relativePath));
        using JsonDocument document = JsonDocument.Parse(text);

        // Row snapshots have five name segments (<Class>.<Method>.<case>.<variant>.<relation>); others are a test's own value.
        SnapshotNames.TryParseFileName(Path.GetFileName(relativePath), out string baseName, out _, out _).Should().BeTrue();
        if (baseName.Split('.').Length == 5)
        {
            CommittedFileSchemas.Errors("snapshot-row.schema.json", text).Should().BeEmpty();
        }
    }

    [Fact]
    public void A_baseline_written_now_satisfies_the_schema()
    {
        string path = _folder.Combine(Baseline.FileName);
        BaselineUpdate.Apply(Baseline.Empty(path), Run([
            Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass, score: 0.75),
            Row("RefundWindow", "laptop", "casual", VerdictOutcome.Fail, score: 0.2),
            Row("RefundWindow", "phone", "formal", VerdictOutcome.Inconclusive),
            Row("RefundWindow", "laptop", "formal", VerdictOutcome.Fail, relation: "typos", score: 0.1),
        ]), replace: false);

        CommittedFileSchemas.Errors(CommittedFileFormats.Baseline.Schema, File.ReadAllText(path)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "format": 5, "rows": {} }""", "format")]
    [InlineData("""{ "format": 2, "version": 2, "rows": {} }""", "both")]
    [InlineData("""{ "format": 2, "rows": { "S.M/a/p/identity": { "outcome": "passed" } } }""", "outcome")]
    [InlineData("""{ "format": 2, "rows": {}, "extra": 1 }""", "extra")]
    public void The_baseline_schema_rejects_what_EvalSpec_does_not_write(string json, string because)
    {
        CommittedFileSchemas.Errors(CommittedFileFormats.Baseline.Schema, json).Should().NotBeEmpty(because);
    }

    [Fact]
    public void A_recordings_file_written_now_with_every_optional_field_satisfies_the_schema()
    {
        static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
        var entries = new[]
        {
            new EvalSpec.Recording.RecordingEntry("S.M/a/p/identity/judge/0", "judge", "chat", new string('a', 64), 0, Json("""{"model":"m"}"""), Json("""{"messages":[]}""")) { Unusable = "no readable verdict" },
            new EvalSpec.Recording.RecordingEntry("S.M/a/p/identity/source/0", "embedder", "embeddings", new string('b', 64), 1, default, Json("""{"embeddings":[{"vector":[0.5,-1]}]}""")),
        };

        string text = System.Text.Encoding.UTF8.GetString(EvalSpec.Recording.RecordingFile.Serialize("S", entries, assembly: "S.Tests"));

        text.Should().Contain("\"unusable\": ").And.Contain("\"request\": null").And.Contain("\"assembly\": \"S.Tests\"");
        CommittedFileSchemas.Errors(CommittedFileFormats.Recordings.Schema, text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "format": 2, "suite": "S", "entries": [] }""", "format")]
    [InlineData("""{ "format": 1, "suite": "S", "entries": [], "extra": 1 }""", "extra")]
    [InlineData("""{ "format": 1, "suite": "S", "entries": [ { "context": "c", "client": "sut", "kind": "chat", "hash": "HASH", "occurrence": -1, "response": {} } ] }""", "occurrence")]
    [InlineData("""{ "format": 1, "suite": "S", "entries": [ { "context": "c", "client": "sut", "kind": "chat", "hash": "HASH", "occurrence": 0 } ] }""", "response")]
    [InlineData("""{ "format": 1, "suite": "S", "entries": [ { "context": "c", "client": "sut", "kind": "chat", "hash": "HASH", "occurrence": 0, "response": {}, "note": "" } ] }""", "extra entry property")]
    [InlineData("""{ "format": 1, "suite": "S", "entries": [ { "context": "c", "client": "sut", "kind": "chat", "hash": "HASH", "occurrence": 0, "response": {}, "unusable": "" } ] }""", "empty unusable")]
    public void The_recordings_schema_rejects_what_EvalSpec_does_not_write(string json, string because)
    {
        CommittedFileSchemas.Errors(CommittedFileFormats.Recordings.Schema, json.Replace("HASH", new string('a', 64), StringComparison.Ordinal)).Should().NotBeEmpty(because);
    }

    [Fact]
    public void A_structured_row_snapshot_written_now_satisfies_the_row_schema()
    {
        SnapshotDocument document = SnapshotDocument.ForRow("What is the refund window?", "what is the refund window", new { Window = "30 days", Days = 30 });

        CommittedFileSchemas.Errors("snapshot-row.schema.json", document.Content).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "output": {} }""", "no prompt")]
    [InlineData("""{ "prompt": "p" }""", "no output")]
    [InlineData("""{ "prompt": "p", "followUpPrompt": null, "output": {} }""", "a null follow-up prompt is left out, never written")]
    [InlineData("""{ "prompt": "p", "output": {}, "format": 1 }""", "extra")]
    public void The_row_snapshot_schema_rejects_what_EvalSpec_does_not_write(string json, string because)
    {
        CommittedFileSchemas.Errors("snapshot-row.schema.json", json).Should().NotBeEmpty(because);
    }

    [Fact]
    public void Each_format_in_the_table_has_its_schema_its_row_in_the_schemas_readme_and_the_schema_accepts_exactly_the_readable_formats()
    {
        string readme = File.ReadAllText(CommittedFileSchemas.SchemaPath("README.md"));
        foreach (CommittedFileFormat format in new[] { CommittedFileFormats.Recordings, CommittedFileFormats.Baseline })
        {
            File.Exists(CommittedFileSchemas.SchemaPath(format.Schema)).Should().BeTrue(format.Schema);
            foreach (KeyValuePair<string, string> row in format.FirstWrittenBy.Select(f => new KeyValuePair<string, string>(f.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Value)))
            {
                Regex.IsMatch(readme, $@"\| `""format""` \| {row.Key} \| EvalSpec {Regex.Escape(row.Value)}[ |]").Should().BeTrue($"docs/schemas/README.md lists {format.Description} format {row.Key} as first written by EvalSpec {row.Value}");
            }

            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(CommittedFileSchemas.SchemaPath(format.Schema)));
            JsonElement formatProperty = schema.RootElement.GetProperty("properties").GetProperty("format");
            int[] accepted = formatProperty.TryGetProperty("const", out JsonElement single) ? [single.GetInt32()] : formatProperty.GetProperty("enum").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            accepted.Should().Equal(format.Readable, $"{format.Schema} accepts the formats EvalSpec reads");
        }

        CommittedFileFormats.Recordings.Current.Should().Be(EvalSpec.Recording.RecordingFile.Format);
    }
}
