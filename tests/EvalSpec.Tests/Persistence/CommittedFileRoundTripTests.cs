using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalSpec.Recording;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Persistence;

/// <summary>
/// Teams commit recordings and snapshots, so a change in how EvalSpec writes them shows as a diff in every repository.
/// Every recordings file and JSON snapshot in this repository (the examples', and samples written by the hand-written
/// writers that came before the typed records, in <c>Persistence/FileSamples</c>) is read through the typed records and
/// written back, and must come out byte for byte as it is on disk.
/// </summary>
public sealed class CommittedFileRoundTripTests
{
    private const string Samples = "tests/EvalSpec.Tests/Persistence/FileSamples";

    public static IEnumerable<object[]> RecordingsFiles() => CommittedFileSchemas.RepositoryFiles("*.recordings.json").Select(f => new object[] { Slashes(f) });

    public static IEnumerable<object[]> JsonSnapshots() => CommittedFileSchemas.RepositoryFiles("*.verified.json").Select(f => new object[] { Slashes(f) });

    public static IEnumerable<object[]> JournalLines() =>
        File.ReadAllText(Sample("journal-samples.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, i) => new object[] { i + 1, line });

    [Fact]
    public void The_round_trip_covers_the_examples_and_the_samples_of_every_part_of_the_formats()
    {
        string[] recordings = RecordingsFiles().Select(f => (string)f[0]).ToArray();
        recordings.Should().Contain("examples/TicketTriage.Evals/recordings/TicketTriage.Evals.TriageEvals.recordings.json")
            .And.Contain($"{Samples}/Samples.Shop.RefundEvals.recordings.json").And.Contain($"{Samples}/_shared.recordings.json");
        JsonSnapshots().Select(f => (string)f[0]).Should().Contain($"{Samples}/RefundEvals.RefundWindow.laptop.formal.typos.verified.json")
            .And.Contain($"{Samples}/RefundEvals.Imperative.verified.json");

        // What the samples hold, so that a sample regenerated without them fails here rather than silently testing less.
        string sample = File.ReadAllText(Sample("Samples.Shop.RefundEvals.recordings.json"));
        sample.Should().Contain("\"kind\": \"embeddings\"").And.Contain("\"vector\": [0.1,-0.25,3E-05,0,1.0,-7]", "an embedding vector stays on one line")
            .And.Contain("\"deep\": [[1,2],[3,4.25]\n", "an array of arrays of numbers: the writer's layout of raw values, kept as it is")
            .And.Contain("\"unusable\": ").And.Contain("\"request\": null").And.Contain("Rückgabe für Kopfhörer? \\uD83D\\uDE00 \\\"quoted\\\"")
            .And.Contain("\\u0001").And.Contain("[REDACTED]");
        File.ReadAllText(Sample("_shared.recordings.json")).Should().NotContain("\"assembly\"");
        File.ReadAllText(Sample("RefundEvals.RefundWindow.phone.formal.identity.verified.json")).Should().Contain("\"output\": null");
        JournalLines().Select(l => (string)l[1]).Should().Contain(l => l.Contains("\"base\":null", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("\"base\":\"", StringComparison.Ordinal)).And.Contain(l => !l.Contains("\"base\"", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("\"unusable\":{", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RecordingsFiles))]
    public void Every_recordings_file_is_read_and_written_back_byte_for_byte(string relativePath)
    {
        string path = Path.Combine(CommittedFileSchemas.RepositoryRoot, relativePath);
        byte[] onDisk = File.ReadAllBytes(path);

        List<RecordingEntry> entries = RecordingFile.Read(path, out string? assembly);
        (string suite, _) = RecordingFile.ReadHeader(path) ?? throw new InvalidOperationException(relativePath + " has no suite");

        AsText(RecordingFile.Serialize(suite, entries, assembly)).Should().Be(AsText(onDisk));
        RecordingFile.Serialize(suite, entries, assembly).Should().Equal(onDisk);
    }

    [Theory]
    [MemberData(nameof(JsonSnapshots))]
    public void Every_json_snapshot_is_read_and_written_back_byte_for_byte(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(CommittedFileSchemas.RepositoryRoot, relativePath), SnapshotText.Utf8);
        SnapshotNames.TryParseFileName(Path.GetFileName(relativePath), out string baseName, out _, out _).Should().BeTrue();

        // A row's snapshot (five name segments) is a row document; any other is a test's own value, free-form JSON.
        string written = baseName.Split('.').Length == 5
            ? SnapshotJson.Write(SnapshotJson.ReadRow(text) ?? throw new InvalidOperationException(relativePath + " is not a row document"))
            : SnapshotJson.Write(JsonNode.Parse(text));

        (written + "\n").Should().Be(text);
    }

    [Theory]
    [MemberData(nameof(JournalLines))]
    public void Every_sample_journal_line_is_read_and_written_back_byte_for_byte(int number, string line)
    {
        RecordingJournalLine read = JsonSerializer.Deserialize(line, RecordingsJson.Line.RecordingJournalLine)!;

        Encoding.UTF8.GetString(RecordingFile.JournalLine(read)).Should().Be(line + "\n", $"line {number}");
    }

    [Fact]
    public void The_versions_named_by_sample_journal_lines_are_those_of_the_sample_entries_as_read_now()
    {
        // A journal left by a killed run names the version of the file's entry it was recorded over; a version computed
        // differently now would set every such answer aside as a conflict.
        Dictionary<RecordingEntryId, RecordingEntry> entries = RecordingFile.Read(Sample("Samples.Shop.RefundEvals.recordings.json")).ToDictionary(e => e.Id);
        int checkedLines = 0;
        foreach (string line in JournalLines().Select(l => (string)l[1]))
        {
            RecordingJournalLine read = JsonSerializer.Deserialize(line, RecordingsJson.Line.RecordingJournalLine)!;
            RecordingEntryId id = read.Entry?.Id ?? new RecordingEntryId(read.Unusable!.Context!, read.Unusable.Hash!, read.Unusable.Occurrence!.Value);
            if (read.Base.Version is { } version)
            {
                RecordingFile.VersionOf(entries[id]).Should().Be(version, line);
                checkedLines++;
            }
        }

        checkedLines.Should().Be(2);
    }

    private static string Sample(string name) => Path.Combine(CommittedFileSchemas.RepositoryRoot, Samples, name);

    private static string Slashes(string path) => path.Replace('\\', '/');

    /// <summary>The bytes as text, so that a difference shows where it is.</summary>
    private static string AsText(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
