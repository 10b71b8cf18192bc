using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// A resumed run counts the model calls and eval method calls of the rows it takes over, so its summary's <c>recording</c>
/// counts and <c>systemUnderTestCalls</c> read as one run's. A case's rows share one source run, and each of their results
/// lines includes it (<c>modelCalls.source</c>, <c>evalMethodCalls.source</c>): it counts once. The system under test is
/// the real OpenAI client against the fake OpenAI server, recorded by EvalSpec.
/// </summary>
public sealed class ResumedCallCountTests : IAsyncLifetime
{
    private static readonly string[] Rows = ["laptop/identity", "laptop/lowercase", "phone/identity", "phone/lowercase"];

    /// <summary>The system under test's client (the test class's server); the descriptor below is static, as generated ones are.</summary>
    private static IChatClient? s_client;

    /// <summary>Calls of the eval method: a resumed run must not call a taken-over row's method again.</summary>
    private static int s_calls;

    /// <summary>Two cases, each with its identity row and a lowercase relation row that shares the case's source run.</summary>
    internal static readonly EvalMethodDescriptor Asking = new(
        typeof(ResumedCallCountTests),
        nameof(Asking),
        null,
        0.5,
        timeoutMilliseconds: 0,
        new[] { "product" },
        new[] { new PromptVariant("formal", "What is the refund window for {product}?") },
        new[] { new EvalCaseDescriptor("laptop", new object?[] { "laptop" }, "answer"), new EvalCaseDescriptor("phone", new object?[] { "phone" }, "answer") },
        new[] { new RelationDescriptor("lowercase", RelationKind.Invariant, static () => new Lowercase(), null, 0.5, Change.Differs) },
        async (_, input, _) =>
        {
            Interlocked.Increment(ref s_calls);
            ChatResponse response = await s_client!.GetResponseAsync(input.Prompt, cancellationToken: input.CancellationToken).ConfigureAwait(false);
            return response.Text;
        });

    /// <summary>
    /// Three trials of one case, a formal variant and a casual one already in lowercase, whose lowercase relation row does not
    /// apply (decided before anything is called).
    /// </summary>
    internal static readonly EvalMethodDescriptor Trialled = new(
        typeof(ResumedCallCountTests),
        nameof(Trialled),
        null,
        0.5,
        timeoutMilliseconds: 0,
        new[] { "product" },
        new[] { new PromptVariant("formal", "What is the refund window for {product}?"), new PromptVariant("casual", "how long can i return a {product}") },
        new[] { new EvalCaseDescriptor("laptop", new object?[] { "laptop" }, "answer") },
        new[] { new RelationDescriptor("lowercase", RelationKind.Invariant, static () => new Lowercase(), null, 0.5, Change.Differs) },
        Asking.Invoke)
    {
        Trials = 3,
    };

    private static readonly string[] TrialledRows = ["laptop/formal/identity", "laptop/formal/lowercase", "laptop/casual/identity", "laptop/casual/lowercase"];

    private readonly string _root = Directory.CreateTempSubdirectory("evalspec-resume-calls-").FullName;
    private FakeOpenAIServer? _server;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = request => ScriptedResponse.Completion("answer to " + request.LastUserMessage, new ScriptedUsage(12, 3)),
        });
        s_client = _server.CreateChatClient("gpt-test", "test-key").WithEvalSpecRecording("sut");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        ResumableRuns.Delete(_root);
    }

    /// <summary>
    /// Runs <paramref name="rows"/> ("case/relation" of <see cref="Asking"/>'s formal variant, or "case/variant/relation" of
    /// <see cref="Trialled"/>) in <paramref name="host"/>; a failing row is fine (the counts are the point).
    /// </summary>
    private static async Task RunRows(EvalRunHost host, params string[] rows)
    {
        foreach (string row in rows)
        {
            string[] parts = row.Split('/');
            try
            {
                await (parts.Length == 3
                    ? EvalRowRunner.RunAsync(host, null, Trialled, parts[0], parts[1], parts[2])
                    : EvalRowRunner.RunAsync(host, null, Asking, parts[0], "formal", parts[1]));
            }
            catch (Exception ex) when (ex is EvalRowFailedException or EvalRowSkippedException)
            {
                // Decided (failed, or its relation did not apply): a resumed run takes it over like a passing row.
            }
        }
    }

    /// <summary>The summary's call counts: the eval method calls and the recording section's counts of model calls.</summary>
    private static (int MethodCalls, int Replayed, int Recorded, int Live, int Misses, int Failed) Counts(EvalRunHost host)
    {
        JsonElement summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(host.RunDirectory, "summary.json"))).RootElement;
        JsonElement recording = summary.GetProperty("recording");
        int Count(string name) => recording.TryGetProperty(name, out JsonElement value) ? value.GetInt32() : 0;
        return (summary.GetProperty("systemUnderTestCalls").GetInt32(), Count("replayed"), Count("recorded"), Count("live"), Count("misses"), Count("failed"));
    }

    /// <summary>
    /// A run of <paramref name="runFirst"/> that is then interrupted (its results lines as <paramref name="edit"/> leaves them),
    /// resumed with every row: the resumed run's counts, and how many times it called the eval method itself.
    /// </summary>
    private async Task<((int, int, int, int, int, int) Counts, int CallsAfterResume)> InterruptedAndResumed(string mode, string[] runFirst, Action<JsonObject>? edit = null, string[]? all = null, string? resumeMode = null)
    {
        EvalRunHost interrupted = ResumableRuns.Host(_root, "nightly", recording: mode);
        await RunRows(interrupted, runFirst);
        interrupted.Dispose();
        if (edit is not null)
        {
            string results = Path.Combine(interrupted.RunDirectory, "results.jsonl");
            string[] edited = File.ReadAllLines(results).Select(l =>
            {
                JsonObject line = JsonNode.Parse(l)!.AsObject();
                edit(line);
                return line.ToJsonString();
            }).ToArray();
            File.WriteAllLines(results, edited);
        }

        int before = Volatile.Read(ref s_calls);
        EvalRunHost resumed = ResumableRuns.Host(_root, "nightly", resume: "nightly", recording: resumeMode ?? mode);
        await RunRows(resumed, all ?? Rows);
        resumed.Complete();
        var counts = Counts(resumed);
        foreach (string line in File.ReadAllLines(Path.Combine(resumed.RunDirectory, "results.jsonl")))
        {
            Persistence.CommittedFileSchemas.Errors("results-line.schema.json", line).Should().BeEmpty(line);
        }

        resumed.Dispose();
        return (counts, Volatile.Read(ref s_calls) - before);
    }

    private async Task<(int, int, int, int, int, int)> Uninterrupted(string mode, string[]? all = null)
    {
        EvalRunHost whole = ResumableRuns.Host(_root, "whole", recording: mode);
        await RunRows(whole, all ?? Rows);
        whole.Complete();
        var counts = Counts(whole);
        whole.Dispose();
        return counts;
    }

    [Fact]
    public async Task A_resumed_run_counts_the_calls_of_the_rows_it_took_over_once_per_shared_source_run()
    {
        var whole = await Uninterrupted("live");
        whole.Should().Be((4, 0, 0, 4, 0, 0), "two source runs and two follow-up runs, each one live model call");

        // The laptop case's two rows share one source run, and both of their lines include its call.
        var (resumed, callsAfterResume) = await InterruptedAndResumed("live", ["laptop/identity", "laptop/lowercase"]);

        callsAfterResume.Should().Be(2, "only the phone case's source and follow-up runs ran again");
        string laptopRelation = File.ReadAllLines(Path.Combine(_root, "nightly", "results.jsonl")).Single(l => l.Contains("/laptop/formal/lowercase\"", StringComparison.Ordinal));
        laptopRelation.Should().Contain("\"modelCalls\":{\"mode\":\"live\",\"replayed\":0,\"recorded\":0,\"live\":2,\"failed\":0,\"source\":{\"replayed\":0,\"recorded\":0,\"live\":1,\"failed\":0}}")
            .And.Contain("\"evalMethodCalls\":{\"total\":2,\"source\":1}", "the relation row's line says its follow-up run and the source run it shares");
        resumed.Should().Be(whole, "a resumed run reads as one run: the laptop case's source run counts once");
    }

    [Fact]
    public async Task A_resumed_run_counts_the_replay_misses_of_the_rows_it_took_over()
    {
        // Replay with no recordings: each source run's call misses, which fails the case's rows (a failed source run leaves
        // nothing for a follow-up to be compared with: it is not called).
        var whole = await Uninterrupted("replay");
        whole.Should().Be((2, 0, 0, 0, 2, 0));

        var (resumed, _) = await InterruptedAndResumed("replay", ["laptop/identity", "laptop/lowercase"]);

        resumed.Should().Be(whole);
    }

    [Fact]
    public async Task A_source_run_the_resumed_run_makes_again_counts_again_since_both_were_made()
    {
        var whole = await Uninterrupted("live");

        // The relation row was decided, its case's identity row not: the resumed run calls the source run again.
        var (resumed, callsAfterResume) = await InterruptedAndResumed("live", ["laptop/lowercase"]);

        callsAfterResume.Should().Be(3, "the laptop source run, and the phone case's source and follow-up runs");
        resumed.Should().Be((5, 0, 0, 5, 0, 0), "the laptop case's source run was made by both runs: " + whole);
    }

    [Fact]
    public async Task Lines_of_an_EvalSpec_before_the_source_runs_part_was_written_count_no_calls()
    {
        var (resumed, _) = await InterruptedAndResumed("live", ["laptop/identity", "laptop/lowercase"], line =>
        {
            line["modelCalls"]!.AsObject().Remove("source");
            line.Remove("evalMethodCalls");
        });

        resumed.Should().Be((2, 0, 0, 2, 0, 0), "a line's own calls cannot be told from its source run's: only the rows run after the resume count");
    }

    [Fact]
    public async Task Trials_and_a_relation_row_that_does_not_apply_count_as_in_the_uninterrupted_run()
    {
        var whole = await Uninterrupted("live", TrialledRows);
        whole.Should().Be((9, 0, 0, 9, 0, 0), "three trials of two source runs (formal, casual) and of the formal follow-up; the casual relation does not apply");

        var (resumed, callsAfterResume) = await InterruptedAndResumed("live", ["laptop/formal/identity", "laptop/formal/lowercase", "laptop/casual/lowercase"], all: TrialledRows);

        callsAfterResume.Should().Be(3, "only the casual source run's three trials ran again");
        resumed.Should().Be(whole);
    }

    [Fact]
    public async Task A_run_resumed_twice_counts_each_source_run_each_attempt_made()
    {
        // The run decides the laptop relation row (its source run S1); the first resume the laptop identity row (S2, made
        // again) and the phone identity row (S3), and is interrupted too; the second runs the phone relation row (S4, and its
        // follow-up run). Every one of these calls was made: 2 + 2 + 2.
        EvalRunHost first = ResumableRuns.Host(_root, "nightly", recording: "live");
        await RunRows(first, "laptop/lowercase");
        first.Dispose();
        EvalRunHost second = ResumableRuns.Host(_root, "nightly", resume: "nightly", recording: "live");
        await RunRows(second, "laptop/identity", "phone/identity");
        second.Dispose();

        EvalRunHost third = ResumableRuns.Host(_root, "nightly", resume: "nightly", recording: "live");
        await RunRows(third, Rows);
        third.Complete();
        var counts = Counts(third);
        string[] lines = File.ReadAllLines(Path.Combine(third.RunDirectory, "results.jsonl"));
        third.Dispose();

        counts.Should().Be((6, 0, 0, 6, 0, 0), "the laptop identity row's source run is not the one the laptop relation row used");
        lines.Select(l => JsonNode.Parse(l)!["attempt"]?.GetValue<int>() ?? 0).Should().BeEquivalentTo([0, 1, 1, 2], "each line says which attempt wrote it");
    }

    [Fact]
    public async Task Calls_of_rows_taken_over_from_a_run_in_another_recording_mode_are_counted_and_the_summary_names_that_mode()
    {
        var (resumed, _) = await InterruptedAndResumed("live", ["laptop/identity", "laptop/lowercase"], resumeMode: "replay");

        resumed.Should().Be((3, 0, 0, 2, 1, 0), "the laptop case's calls were live; the phone case's source run missed its recording");
        JsonElement recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "nightly", "summary.json"))).RootElement.GetProperty("recording");
        recording.GetProperty("mode").GetString().Should().Be("replay");
        recording.GetProperty("takenOverModes").EnumerateArray().Select(m => m.GetString()).Should().Equal("live");
    }

    [Theory]
    [InlineData("evalMethodCalls", """{"total":1,"source":50}""")]
    [InlineData("evalMethodCalls", """{"total":-1,"source":0}""")]
    [InlineData("evalMethodCalls", """{"total":2147483647,"source":0}""")]
    [InlineData("modelCalls", """{"mode":"live","replayed":0,"recorded":0,"live":1,"failed":0,"source":{"replayed":0,"recorded":0,"live":50,"failed":0}}""")]
    [InlineData("modelCalls", """{"mode":"live","replayed":0,"recorded":0,"live":-3,"failed":0,"source":{"replayed":0,"recorded":0,"live":0,"failed":0}}""")]
    [InlineData("modelCalls", """{"mode":"live","replayed":0,"recorded":0,"live":2147483647,"failed":0,"source":{"replayed":0,"recorded":0,"live":0,"failed":0}}""")]
    [InlineData("attempt", "-1")]
    [InlineData("attempt", "2147483647")]
    public async Task A_line_whose_counts_are_not_counts_refuses_the_resume_and_changes_nothing(string field, string value)
    {
        EvalRunHost interrupted = ResumableRuns.Host(_root, "nightly", recording: "live");
        await RunRows(interrupted, "laptop/identity", "laptop/lowercase");
        interrupted.Dispose();
        string results = Path.Combine(interrupted.RunDirectory, "results.jsonl");
        string[] lines = File.ReadAllLines(results);
        JsonObject damaged = JsonNode.Parse(lines[0])!.AsObject();
        damaged[field] = JsonNode.Parse(value);
        File.WriteAllLines(results, [damaged.ToJsonString(), .. lines.Skip(1)]);
        byte[] before = File.ReadAllBytes(results);

        Action resume = () => ResumableRuns.Host(_root, "nightly", resume: "nightly", recording: "live");

        resume.Should().Throw<EvalConfigurationException>()
            .WithMessage($"*results.jsonl*{damaged["rowId"]}*{field}*changed by hand*Start a new run*");
        File.ReadAllBytes(results).Should().Equal(before, "a refused resume changes nothing");
    }

    [Theory]
    [InlineData("unsharded")]
    [InlineData("unreadable")]
    public async Task Lines_of_shards_joined_in_one_folder_count_each_shards_source_run(string summary)
    {
        // Two shards of one run: the identity row in one, the relation row in the other, which makes the case's source run
        // again (as evalspec merge leaves them: each line keeps its shard). Both source runs were made: 1 + 2 calls.
        async Task<string[]> Shard(string shard, string row)
        {
            EvalRunHost host = ResumableRuns.Host(_root, "sharded-" + shard[0], recording: "live");
            await RunRows(host, row);
            host.Dispose();
            return File.ReadAllLines(Path.Combine(host.RunDirectory, "results.jsonl")).Select(l =>
            {
                JsonObject line = JsonNode.Parse(l)!.AsObject();
                line["runId"] = "merged";
                line["shard"] = shard;
                return line.ToJsonString();
            }).ToArray();
        }

        string[] lines = [.. await Shard("1/2", "laptop/identity"), .. await Shard("2/2", "laptop/lowercase")];
        Directory.CreateDirectory(Path.Combine(_root, "merged"));
        File.WriteAllLines(Path.Combine(_root, "merged", "results.jsonl"), lines);

        // A merged run's summary.json is unsharded (evalspec merge writes one); when it cannot be read (torn, or written by a
        // newer evalspec merge), the lines of two shards still resume unsharded, instead of being taken for a killed shard.
        string merged = Path.Combine(_root, "merged", "summary.json");
        if (summary == "unsharded")
        {
            File.Copy(Path.Combine(_root, "sharded-1", "summary.json"), merged);
        }
        else
        {
            File.WriteAllText(merged, "{");
        }

        EvalRunHost resumed = ResumableRuns.Host(_root, "merged", resume: "merged", recording: "live");
        await RunRows(resumed, "laptop/identity", "laptop/lowercase");
        resumed.Complete();
        var counts = Counts(resumed);
        resumed.Dispose();

        counts.Should().Be((3, 0, 0, 3, 0, 0), "each shard made the laptop case's source run");
    }

    [Fact]
    public async Task The_lines_of_a_sharded_run_say_its_shard_and_those_of_a_resume_its_attempt()
    {
        var shards = new[] { "1/2", "2/2" };
        foreach (string shard in shards)
        {
            EvalRunHost host = ResumableRuns.Host(_root, "shard-" + shard[0], recording: "live", shard: shard);
            await RunRows(host, Rows);
            host.Dispose();
        }

        string[] lines = shards.SelectMany(s => File.ReadAllLines(Path.Combine(_root, "shard-" + s[0], "results.jsonl"))).ToArray();
        lines.Should().HaveCount(Rows.Length, "every row is in one shard");
        lines.Select(l => JsonNode.Parse(l)!).Should().AllSatisfy(l => l["shard"]!.GetValue<string>().Should().Be(shards[l["runId"]!.GetValue<string>()[^1] - '1']));

        EvalRunHost resumed = ResumableRuns.Host(_root, "shard-1", resume: "shard-1", recording: "live", shard: "1/2");
        resumed.Attempt.Should().Be(1);
        resumed.Dispose();
    }
}
