using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Prompts;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// A resumed run counts the snapshots of the rows it takes over, so its summary's <c>snapshots</c> section reads as the
/// uninterrupted run's: each results line says what the counts recorded of its row's snapshot (<c>snapshot</c>).
/// </summary>
public sealed class ResumedSnapshotCountTests : IDisposable
{
    private static readonly string SnapshotFolder = Path.Combine(Path.GetTempPath(), "evalspec-resume-snapshots-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A snapshotted eval whose verified file matches its output: each run counts one matched snapshot.</summary>
    internal static readonly EvalMethodDescriptor Snapshotted = new(
        typeof(ResumedSnapshotCountTests),
        nameof(Snapshotted),
        null,
        0.5,
        timeoutMilliseconds: 0,
        new[] { "product" },
        new[] { new PromptVariant("formal", "What is the refund window for {product}?") },
        new[] { new EvalCaseDescriptor("laptop", new object?[] { "laptop" }, "30 days") },
        Array.Empty<RelationDescriptor>(),
        (_, _, _) => ValueTask.FromResult<object?>("You can return it within 30 days."))
    {
        SnapshotOutput = SnapshotOutput.Exact,
        SnapshotDirectory = SnapshotFolder,
    };

    private readonly string _root = Directory.CreateTempSubdirectory("evalspec-resume-snapshot-counts-").FullName;

    public ResumedSnapshotCountTests()
    {
        Directory.CreateDirectory(SnapshotFolder);
        File.WriteAllText(
            Path.Combine(SnapshotFolder, "ResumedSnapshotCountTests.Snapshotted.laptop.formal.identity.verified.txt"),
            "## Prompt\nWhat is the refund window for laptop?\n\n## Output\nYou can return it within 30 days.\n");
    }

    public void Dispose() => ResumableRuns.Delete(_root, SnapshotFolder);

    private EvalRunHost Host(string runId, string? resume = null) => ResumableRuns.Host(_root, runId, resume);

    private static string? SnapshotSection(EvalRunHost host) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(host.RunDirectory, "summary.json"))).RootElement.TryGetProperty("snapshots", out JsonElement section)
            ? section.GetRawText()
            : null;

    [Fact]
    public async Task A_row_taken_over_counts_its_snapshot_as_the_uninterrupted_run_counted_it()
    {
        EvalRunHost whole = Host("whole");
        await EvalRowRunner.RunAsync(whole, null, Snapshotted, "laptop", "formal", "identity");
        whole.Complete();
        string? uninterrupted = SnapshotSection(whole);
        whole.Dispose();
        uninterrupted.Should().MatchRegex("\"matched\":\\s*1,", "the uninterrupted run counts the row's matched snapshot");

        EvalRunHost interrupted = Host("nightly");
        await EvalRowRunner.RunAsync(interrupted, null, Snapshotted, "laptop", "formal", "identity");
        interrupted.Dispose();
        File.ReadAllText(Path.Combine(interrupted.RunDirectory, "results.jsonl")).Should().Contain("\"snapshot\":\"matched\"", "the row's line says what was counted");

        EvalRunHost resumed = Host("nightly", resume: "nightly");
        await EvalRowRunner.RunAsync(resumed, null, Snapshotted, "laptop", "formal", "identity");
        resumed.Complete();

        SnapshotSection(resumed).Should().Be(uninterrupted, "a resumed run reads as one run");
        resumed.Dispose();
    }

    [Theory]
    [InlineData(nameof(SnapshotOutcome.Matched), "matched")]
    [InlineData(nameof(SnapshotOutcome.Accepted), "accepted")]
    [InlineData(nameof(SnapshotOutcome.Missing), "missing")]
    [InlineData(nameof(SnapshotOutcome.Mismatched), "mismatched")]
    [InlineData(nameof(SnapshotOutcome.InvalidVerifiedFile), "invalid")]
    public void Each_counted_outcome_is_written_with_the_summarys_name_and_read_back(string counted, string name)
    {
        SnapshotOutcome outcome = Enum.Parse<SnapshotOutcome>(counted);
        RowPersistence.SnapshotName(outcome).Should().Be(name);
        RowPersistence.SnapshotOutcomeOf(name).Should().Be(outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Matched")]
    [InlineData("promptMatched")]
    [InlineData("matched ")]
    public void A_name_the_line_never_writes_counts_no_snapshot(string? name) =>
        RowPersistence.SnapshotOutcomeOf(name).Should().BeNull();
}
