using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Snapshots;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// A resumed run counts the rows it takes over as the uninterrupted run counted them, so its summary reads as one run: the
/// snapshot counts (each results line says what was counted of its row's snapshot: <c>snapshot</c>), rows whose rubric was
/// not checked (their note) and rows fixed since the baseline (their outcome and <c>baseline</c>).
/// </summary>
public sealed class ResumedCountTests : IDisposable
{
    private static readonly string SnapshotFolder = Path.Combine(Path.GetTempPath(), "evalspec-resume-snapshots-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Calls of this class's evals: a resumed run must not call a taken-over row's method again.</summary>
    private static int s_calls;

    /// <summary>A snapshotted eval whose verified file matches its output (written by the constructor), with a rubric no judge of this assembly reads.</summary>
    internal static readonly EvalMethodDescriptor Snapshotted =
        ResumableRuns.OneRowEval(typeof(ResumedCountTests), nameof(Snapshotted), "Answers politely.", "30 days", CountedAnswer, snapshotDirectory: SnapshotFolder);

    /// <summary>The same eval without [Snapshot].</summary>
    internal static readonly EvalMethodDescriptor NotSnapshotted =
        ResumableRuns.OneRowEval(typeof(ResumedCountTests), nameof(NotSnapshotted), rubric: null, "30 days", CountedAnswer);

    /// <summary>An eval with a rubric no judge of this assembly reads and a wrong answer: it fails, so a resumed run takes it over.</summary>
    internal static readonly EvalMethodDescriptor FailingWithRubric =
        ResumableRuns.OneRowEval(typeof(ResumedCountTests), nameof(FailingWithRubric), "Answers politely.", "14 days", CountedAnswer);

    private static ValueTask<object?> CountedAnswer(EvalInput input)
    {
        Interlocked.Increment(ref s_calls);
        return ValueTask.FromResult<object?>("You can return it within 30 days.");
    }

    private readonly string _root = Directory.CreateTempSubdirectory("evalspec-resume-counts-").FullName;

    public ResumedCountTests()
    {
        Directory.CreateDirectory(SnapshotFolder);
        File.WriteAllText(
            Path.Combine(SnapshotFolder, "ResumedCountTests.Snapshotted.laptop.formal.identity.verified.txt"),
            "## Prompt\nWhat is the refund window for laptop?\n\n## Output\nYou can return it within 30 days.\n");
    }

    public void Dispose() => ResumableRuns.Delete(_root, SnapshotFolder);

    private EvalRunHost Host(string runId, string? resume = null) => ResumableRuns.Host(_root, runId, resume);

    private static JsonElement Summary(EvalRunHost host) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(host.RunDirectory, "summary.json"))).RootElement;

    private static string? Section(EvalRunHost host, string name) =>
        Summary(host).TryGetProperty(name, out JsonElement section) ? section.GetRawText() : null;

    /// <summary>Runs the row in a run that is then interrupted, lets <paramref name="edit"/> change its results line, and resumes it.</summary>
    private async Task<EvalRunHost> InterruptedAndResumed(EvalMethodDescriptor method, Action<JsonObject>? edit = null)
    {
        EvalRunHost interrupted = Host("nightly");
        await EvalRowRunner.RunAsync(interrupted, null, method, "laptop", "formal", "identity");
        interrupted.Dispose();
        if (edit is not null)
        {
            string results = Path.Combine(interrupted.RunDirectory, "results.jsonl");
            JsonObject line = JsonNode.Parse(File.ReadAllLines(results).Single())!.AsObject();
            edit(line);
            File.WriteAllText(results, line.ToJsonString() + "\n");
        }

        int calls = Volatile.Read(ref s_calls);
        EvalRunHost resumed = Host("nightly", resume: "nightly");
        await EvalRowRunner.RunAsync(resumed, null, method, "laptop", "formal", "identity");
        resumed.Complete();
        Volatile.Read(ref s_calls).Should().Be(calls, "the resumed run takes the row over instead of running it again");
        return resumed;
    }

    [Fact]
    public async Task A_row_taken_over_counts_its_snapshot_and_unchecked_rubric_as_the_uninterrupted_run_counted_them()
    {
        EvalRunHost whole = Host("whole");
        await EvalRowRunner.RunAsync(whole, null, Snapshotted, "laptop", "formal", "identity");
        whole.Complete();
        string? snapshots = Section(whole, "snapshots");
        string? unjudged = Section(whole, "unjudgedRubric");
        whole.Dispose();
        snapshots.Should().MatchRegex("\"matched\":\\s*1,", "the uninterrupted run counts the row's matched snapshot");
        unjudged.Should().MatchRegex("\"rows\":\\s*1", "no judge of this assembly reads rubrics");

        EvalRunHost resumed = await InterruptedAndResumed(Snapshotted);
        File.ReadAllText(Path.Combine(resumed.RunDirectory, "results.jsonl")).Should().Contain("\"snapshot\":\"matched\"", "the row's line says what was counted");

        Section(resumed, "snapshots").Should().Be(snapshots, "a resumed run reads as one run");
        Section(resumed, "unjudgedRubric").Should().Be(unjudged);
        resumed.Dispose();
    }

    // Review: with UnjudgedRubric=inconclusive (a build server's default) the row carries a "rubric coverage" check instead
    // of the note; a row that fails as well is taken over, and was not counted in unjudgedRubric.
    [Fact]
    [Trait("Review", "Finding")]
    public async Task A_failing_row_taken_over_counts_its_unchecked_rubric_where_the_rubric_makes_rows_inconclusive()
    {
        async Task<EvalRunHost> Run(string runId, string? resume = null)
        {
            EvalRunHost host = ResumableRuns.Host(_root, runId, resume, unjudgedRubric: "inconclusive");
            Func<Task> row = () => EvalRowRunner.RunAsync(host, null, FailingWithRubric, "laptop", "formal", "identity");
            await row.Should().ThrowAsync<EvalRowFailedException>("the expected answer is wrong");
            return host;
        }

        EvalRunHost whole = await Run("whole");
        whole.Complete();
        string? unjudged = Section(whole, "unjudgedRubric");
        whole.Dispose();
        unjudged.Should().MatchRegex("\"rows\":\\s*1", "no judge of this assembly reads rubrics");

        (await Run("nightly")).Dispose();
        EvalRunHost resumed = ResumableRuns.Host(_root, "nightly", resume: "nightly", unjudgedRubric: "inconclusive");
        Func<Task> again = () => EvalRowRunner.RunAsync(resumed, null, FailingWithRubric, "laptop", "formal", "identity");
        (await again.Should().ThrowAsync<EvalRowFailedException>()).Which.Message.Should().Contain("not run again", "the failed row is taken over");
        resumed.Complete();

        Section(resumed, "unjudgedRubric").Should().Be(unjudged, "a resumed run reads as one run");
        resumed.Dispose();
    }

    [Fact]
    public async Task A_line_of_a_match_by_meaning_counts_as_one()
    {
        EvalRunHost resumed = await InterruptedAndResumed(Snapshotted, line => line["snapshotByMeaning"] = true);

        Summary(resumed).GetProperty("snapshots").GetProperty("matchedByMeaning").GetInt32().Should().Be(1);
        resumed.Dispose();
    }

    [Fact]
    public async Task A_line_without_snapshot_written_before_it_existed_counts_no_snapshot()
    {
        EvalRunHost resumed = await InterruptedAndResumed(Snapshotted, line => line.Remove("snapshot"));

        Section(resumed, "snapshots").Should().BeNull("nothing was counted: the section is left out");
        resumed.Dispose();
    }

    [Fact]
    public async Task A_line_saying_a_snapshot_of_a_method_without_Snapshot_counts_none()
    {
        EvalRunHost resumed = await InterruptedAndResumed(NotSnapshotted, line => line["snapshot"] = "matched");

        Section(resumed, "snapshots").Should().BeNull("the method has no [Snapshot] (any more)");
        resumed.Dispose();
    }

    [Fact]
    public async Task A_passing_row_the_interrupted_runs_baseline_records_as_failing_counts_as_fixed()
    {
        EvalRunHost resumed = await InterruptedAndResumed(NotSnapshotted, line => line["baseline"] = "fail");

        Summary(resumed).GetProperty("baseline").GetProperty("fixedSinceBaseline").GetInt32().Should().Be(1);
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
