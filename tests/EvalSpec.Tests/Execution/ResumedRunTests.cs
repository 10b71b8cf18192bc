using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Prompts;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// EVALSPEC_RESUME: an interrupted run's decided rows are taken over, its undecided ones and the line a crash tore run
/// again, and the folder then reads as one run.
/// </summary>
public sealed class ResumedRunTests : IDisposable
{
    private const string Identity = "identity";

    /// <summary>How many times each case of <see cref="Answer"/> was called.</summary>
    private static readonly Dictionary<string, int> Calls = new(StringComparer.Ordinal);

    /// <summary>Case "slow" waits until the first run is cancelled (inconclusive) and answers at once after.</summary>
    private static volatile bool _slow = true;

    /// <summary>A generated-style descriptor (a static field, as the generator emits): the run finds it among the assembly's eval methods.</summary>
    internal static readonly EvalMethodDescriptor Answer = new(
        typeof(ResumedRunTests),
        nameof(Answer),
        null,
        0.5,
        timeoutMilliseconds: 0,
        new[] { "product" },
        new[] { new PromptVariant("formal", "What is the refund window for {product}?") },
        new[] { "good", "bad", "slow", "torn" }.Select(c => new EvalCaseDescriptor(c, new object?[] { c }, "30 days")).ToArray(),
        Array.Empty<RelationDescriptor>(),
        async (_, input, _) =>
        {
            lock (Calls)
            {
                Calls[input.CaseId] = Calls.GetValueOrDefault(input.CaseId) + 1;
            }

            if (input.CaseId == "slow" && _slow)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, input.CancellationToken).ConfigureAwait(false);
            }

            return input.CaseId == "bad" ? "no idea" : "You can return it within 30 days.";
        });

    private readonly string _root = Directory.CreateTempSubdirectory("evalspec-resume-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private EvalRunHost Host(params (string Key, string Value)[] options) => Host(CancellationToken.None, options);

    private EvalRunHost Host(CancellationToken cancellation, params (string Key, string Value)[] options)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ResultsDirectory"] = _root,
            ["Baseline"] = "ignore",
            ["RecordingsDirectory"] = Path.Combine(_root, "recordings"),
            ["UnjudgedRubric"] = "ignore",
        };
        foreach ((string key, string value) in options)
        {
            all[key] = value;
        }

        return EvalRunHost.Create(new EvalRunSettings(typeof(ResumedRunTests).Assembly) { Options = all, Environment = new Dictionary<string, string>(), Cancellation = cancellation });
    }

    private static bool Called(string caseId)
    {
        lock (Calls)
        {
            return Calls.ContainsKey(caseId);
        }
    }

    private static string RowId(string caseId) => $"{Answer.Id}/{caseId}/formal/{Identity}";

    private static async Task<Exception?> RunAsync(EvalRunHost host, string caseId)
    {
        try
        {
            await EvalRowRunner.RunAsync(host, null, Answer, caseId, "formal", Identity);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task A_resumed_run_takes_over_decided_rows_reruns_the_rest_and_reads_as_one_run()
    {
        // The interrupted run: good passes, bad fails, torn is being written when the process dies, and slow is still
        // running when the run is cancelled (inconclusive).
        _slow = true;
        using var cancel = new CancellationTokenSource();
        EvalRunHost first = Host(cancel.Token, ("RunId", "nightly"));
        string results = Path.Combine(first.RunDirectory, "results.jsonl");
        foreach (string caseId in new[] { "good", "bad", "torn" })
        {
            await RunAsync(first, caseId);
        }

        Task<Exception?> slowRow = RunAsync(first, "slow");
        while (!Called("slow"))
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();
        (await slowRow).Should().BeOfType<EvalRowInconclusiveException>();
        first.Dispose();
        string[] lines = File.ReadAllLines(results);
        string tornLine = lines.Single(l => l.Contains("/torn/", StringComparison.Ordinal));
        File.WriteAllText(results, string.Concat(lines.Where(l => l != tornLine).Select(l => l + "\n")) + tornLine[..(tornLine.Length / 2)]);
        Calls.Clear();
        _slow = false;

        EvalRunHost resumed = Host(("Resume", "nightly"));
        Exception? good = await RunAsync(resumed, "good");
        Exception? bad = await RunAsync(resumed, "bad");
        Exception? slow = await RunAsync(resumed, "slow");
        Exception? torn = await RunAsync(resumed, "torn");
        resumed.Complete();

        good.Should().BeNull();
        bad.Should().BeOfType<EvalRowFailedException>().Which.Message.Should().Contain("Decided in run nightly before it was interrupted");
        slow.Should().BeNull("the row the cancelled run left inconclusive runs again");
        torn.Should().BeNull("the row whose line was torn runs again");
        Calls.Should().NotContainKey("good").And.NotContainKey("bad");
        Calls["slow"].Should().Be(1);
        Calls["torn"].Should().Be(1);

        RunData run = RunData.Load(resumed.RunDirectory);
        run.Rows.Select(r => (r.Case, r.Outcome)).Should().BeEquivalentTo(new[]
        {
            ("bad", VerdictOutcome.Fail), ("good", VerdictOutcome.Pass), ("slow", VerdictOutcome.Pass), ("torn", VerdictOutcome.Pass),
        });
        File.ReadAllLines(Path.Combine(resumed.RunDirectory, "results.jsonl")).Should().HaveCount(4, "one line per row");
        JsonElement summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(resumed.RunDirectory, "summary.json"))).RootElement;
        summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(4);
        summary.GetProperty("rows").GetProperty("pass").GetInt32().Should().Be(3);
        summary.GetProperty("resumed").GetProperty("takenOver").GetInt32().Should().Be(2);
        summary.GetProperty("resumed").GetProperty("tornLines").GetInt32().Should().Be(1);
        summary.GetProperty("resumed").GetProperty("dropped").GetInt32().Should().Be(1, "the inconclusive row's line");

        // The judge statistics count the rows taken over too (from their lines' judgements), as one run would: 4 rows judged.
        JsonElement judge = summary.GetProperty("judges").EnumerateObject().Single().Value;
        judge.GetProperty("pass").GetInt32().Should().Be(3, summary.GetProperty("judges").ToString());
        judge.GetProperty("fail").GetInt32().Should().Be(1);
        summary.GetProperty("panels").EnumerateObject().Single().Value.GetProperty("judgements").GetInt32().Should().Be(4);
    }

    [Fact]
    public void The_review_queue_of_a_resumed_run_is_appended_to_not_refused()
    {
        string path = Path.Combine(_root, "review.jsonl");
        File.WriteAllText(path, "{\"id\":\"earlier\"}\n");
        var item = new ReviewItem { Id = "later", RowId = "S.M/a/p/identity", Reason = "abstained", Cascade = "cascade", Outcome = "inconclusive", Output = "30 days", Tiers = Array.Empty<ReviewTier>() };

        using (var resumed = new EvalSpec.Reporting.ReviewQueueWriter(path, append: true))
        {
            resumed.Append(item);
        }

        File.ReadAllLines(path).Should().HaveCount(2).And.Subject.First().Should().Contain("earlier");
        using var fresh = new EvalSpec.Reporting.ReviewQueueWriter(path);
        FluentActions.Invoking(() => fresh.Append(item)).Should().Throw<IOException>("a new run never writes into another run's queue");
    }

    private static ReviewItem Item(string caseId, string reason) => new()
    {
        Id = EvalSpec.Judging.ReviewQueue.IdOf(RowId(caseId), "output of " + caseId),
        RowId = RowId(caseId),
        Reason = reason,
        Cascade = "cascade",
        Outcome = reason == EvalSpec.Judging.ReviewQueue.Abstained ? "inconclusive" : "pass",
        Output = "output of " + caseId,
        Tiers = new[] { new ReviewTier { Name = "cheap", Judges = new[] { new ReviewJudge { Name = "a", Model = "small", Verdicts = new[] { new ReviewVerdict("pass", "ok", false) } } }, Votes = new[] { new CascadeVote("a", 1, null, VerdictOutcome.Pass) } } },
    };

    [Fact]
    public void A_resumed_run_keeps_one_review_item_per_row_and_drops_a_torn_last_line()
    {
        // The interrupted run: "good" passed against a dissent (contested, decided: taken over), the cascade abstained on
        // "slow" (inconclusive: it runs again), and the process died while writing the item of "torn".
        string folder = Path.Combine(_root, "nightly");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.jsonl"),
            $"{{\"rowId\":\"{RowId("good")}\",\"outcome\":\"pass\"}}\n{{\"rowId\":\"{RowId("slow")}\",\"outcome\":\"inconclusive\"}}\n");
        string queue = Path.Combine(folder, EvalSpec.Judging.ReviewQueue.FileName);
        string tornItem = EvalSpec.Judging.ReviewQueue.ToLine(Item("torn", EvalSpec.Judging.ReviewQueue.Abstained));
        File.WriteAllText(queue,
            EvalSpec.Judging.ReviewQueue.ToLine(Item("good", EvalSpec.Judging.ReviewQueue.Contested)) + "\n"
            + EvalSpec.Judging.ReviewQueue.ToLine(Item("slow", EvalSpec.Judging.ReviewQueue.Abstained)) + "\n"
            + tornItem[..(tornItem.Length / 2)]);

        using (EvalRunHost resumed = Host(("Resume", "nightly")))
        {
            // "slow" runs again and its cascade abstains on the same output (a replayed call): the run appends its item.
            resumed.ReviewQueue.Append(Item("slow", EvalSpec.Judging.ReviewQueue.Abstained));
        }

        IReadOnlyList<ReviewItem> items = EvalSpec.Judging.ReviewQueue.Read(queue);
        items.Select(i => i.RowId).Should().BeEquivalentTo(new[] { RowId("good"), RowId("slow") }, "one item per row: the taken-over row's stays, the row run again has its new one only");
    }

    [Fact]
    public void A_torn_last_line_is_left_out_and_a_malformed_line_before_it_is_refused()
    {
        string path = Path.Combine(_root, "results.jsonl");
        const string Row = "{\"rowId\":\"S.M/a/p/identity\",\"outcome\":\"pass\"}";
        File.WriteAllText(path, Row + "\n{\"rowId\":\"S.M/b/p/ide");

        IReadOnlyList<(RunRow Row, string Text)> rows = RunResultsReader.ReadInterrupted(path, out int torn);

        rows.Should().ContainSingle().Which.Text.Should().Be(Row);
        torn.Should().Be(1);

        File.WriteAllText(path, "{\"rowId\":\"S.M/b/p/ide\n" + Row + "\n");
        FluentActions.Invoking(() => RunResultsReader.ReadInterrupted(path, out _)).Should().Throw<RunDataException>().WithMessage("*line 1*");
    }

    [Fact]
    public async Task Resuming_a_shard_with_another_shard_setting_is_refused_and_leaves_its_results_alone()
    {
        _slow = false;
        EvalRunHost first = Host(("RunId", "shard-run"), ("Shard", "1/2"));
        foreach (string caseId in new[] { "good", "bad", "slow", "torn" })
        {
            await RunAsync(first, caseId);
        }

        first.Dispose();
        string results = Path.Combine(_root, "shard-run", "results.jsonl");
        string before = File.ReadAllText(results);
        before.Should().NotBeEmpty("shard 1/2 holds some of the four rows");

        // Resumed as shard 2/2: shard 1's rows would be taken over into a run of shard 2 (and skipped as another shard's).
        FluentActions.Invoking(() => Host(("Resume", "shard-run"), ("Shard", "2/2"))).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain("EVALSPEC_SHARD").And.Contain("2/2");
        File.ReadAllText(results).Should().Be(before, "a refused resume changes nothing");
    }

    [Fact]
    public async Task Resuming_a_killed_shard_without_its_shard_setting_is_refused_by_its_lines()
    {
        _slow = false;
        EvalRunHost first = Host(("RunId", "killed-shard"), ("Shard", "2/2"));
        foreach (string caseId in new[] { "good", "bad", "slow", "torn" })
        {
            await RunAsync(first, caseId);
        }

        // Killed: the process ends before it writes summary.json, so nothing but the lines' "shard" says which shard ran.
        first.Dispose();
        File.Delete(Path.Combine(_root, "killed-shard", "summary.json"));
        string results = Path.Combine(_root, "killed-shard", "results.jsonl");
        string before = File.ReadAllText(results);
        before.Should().NotBeEmpty("shard 2/2 holds some of the four rows").And.Contain("\"shard\":\"2/2\"");

        // Unsharded, every row of the folder is in the population, so only the lines can tell this was shard 2/2.
        FluentActions.Invoking(() => Host(("Resume", "killed-shard"))).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain("EVALSPEC_SHARD=2/2").And.Contain("this run is not sharded").And.Contain(results);
        FluentActions.Invoking(() => Host(("Resume", "killed-shard"), ("Shard", "1/2"))).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain("EVALSPEC_SHARD=2/2").And.Contain("this run is shard 1/2");
        File.ReadAllText(results).Should().Be(before, "a refused resume changes nothing");

        using EvalRunHost same = Host(("Resume", "killed-shard"), ("Shard", "2/2"));
        same.Resumed!.Rows.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Resuming_a_killed_unsharded_run_as_a_shard_is_refused_by_its_lines()
    {
        _slow = false;
        EvalRunHost first = Host(("RunId", "killed-whole"));
        await RunAsync(first, "good");
        first.Dispose();
        File.Delete(Path.Combine(_root, "killed-whole", "summary.json"));
        string results = Path.Combine(_root, "killed-whole", "results.jsonl");
        string before = File.ReadAllText(results);
        before.Should().Contain("\"evalMethodCalls\"", "a line with it says its run's shard, here by having none");

        // Whichever shard its one row falls in, the lines say the run was not sharded.
        foreach (string shard in new[] { "1/2", "2/2" })
        {
            FluentActions.Invoking(() => Host(("Resume", "killed-whole"), ("Shard", shard))).Should().Throw<EvalConfigurationException>()
                .Which.Message.Should().Contain("not sharded").And.Contain("without EVALSPEC_SHARD").And.Contain("this run is shard " + shard);
        }

        File.ReadAllText(results).Should().Be(before, "a refused resume changes nothing");
        using EvalRunHost same = Host(("Resume", "killed-whole"));
        same.Resumed!.Rows.Select(r => r.Row.RowId).Should().Contain(RowId("good"));
    }

    [Fact]
    public async Task Resuming_a_finished_shard_without_its_shard_or_configuration_is_refused()
    {
        _slow = false;
        EvalRunHost first = Host(("RunId", "cancelled-shard"), ("Shard", "1/2"), ("Configuration", "gpt-a"));
        foreach (string caseId in new[] { "good", "bad", "slow", "torn" })
        {
            await RunAsync(first, caseId);
        }

        // A cancelled run completes: its summary.json says which shard and configuration it ran.
        first.Complete();
        string results = Path.Combine(_root, "cancelled-shard", "results.jsonl");
        string before = File.ReadAllText(results);

        FluentActions.Invoking(() => Host(("Resume", "cancelled-shard"), ("Configuration", "gpt-a"))).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain("EVALSPEC_SHARD").And.Contain("1/2");
        FluentActions.Invoking(() => Host(("Resume", "cancelled-shard"), ("Shard", "1/2"), ("Configuration", "gpt-b"))).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain("EVALSPEC_CONFIGURATION").And.Contain("gpt-a").And.Contain("gpt-b");
        File.ReadAllText(results).Should().Be(before, "a refused resume changes nothing");

        using EvalRunHost same = Host(("Resume", "cancelled-shard"), ("Shard", "1/2"), ("Configuration", "gpt-a"));
        same.Resumed!.Rows.Should().NotBeEmpty();
    }

    [Fact]
    public void Resuming_a_run_without_results_fails_naming_the_setting_and_the_folder()
    {
        FluentActions.Invoking(() => Host(("Resume", "no-such-run"))).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain("EVALSPEC_RESUME=no-such-run").And.Contain(Path.Combine(_root, "no-such-run"));
    }

    [Fact]
    public void Resuming_by_the_run_folders_path_says_to_give_its_run_id()
    {
        string path = Path.Combine("TestResults", "evalspec", "nightly-42");

        FluentActions.Invoking(() => Host(("Resume", path))).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain($"EVALSPEC_RESUME={path}").And.Contain("nightly-42");
    }

    [Fact]
    public void Resuming_under_another_run_id_is_refused()
    {
        FluentActions.Invoking(() => Host(("Resume", "a"), ("RunId", "b"))).Should().Throw<EvalConfigurationException>().WithMessage("*EVALSPEC_RESUME=a*EVALSPEC_RUNID*");
    }
}
