using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// Recordings survive what goes wrong, through `dotnet test` of a scratch copy of tests/fixtures/RecordedSuite whose bot
/// and LLM judge are reached with the real OpenAI client: a record run while the judge answers HTTP 500 or 401, a test
/// process killed while recording, deleted cases (a full record run and `evalspec clean --recordings`), Auto mode after a
/// judge endpoint was fixed, and two processes recording into one folder.
/// </summary>
public sealed class RecordingSafetyTests : IAsyncLifetime
{
    private const string RecordingsName = "RecordedSuite.SupportEvals.recordings.json";
    private FakeOpenAIServer _server = null!;
    private string _project = null!;
    private volatile JudgeBehaviour _judge = JudgeBehaviour.Good;
    private volatile string _botAnswerSuffix = string.Empty;
    private int _botCalls;
    private volatile int _botHangsAfter = int.MaxValue;

    private enum JudgeBehaviour
    {
        Good,
        ServerError,
        BadKey,
        Unreadable,
    }

    private string Recordings => Path.Combine(_project, "recordings", RecordingsName);

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Respond });
        _project = ScratchCopy.Of("RecordedSuite");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
    }

    [Fact]
    public async Task Record_runs_while_the_judge_endpoint_answers_500_or_401_keep_the_recordings_byte_for_byte_and_say_why()
    {
        SuiteRun good = await Run("record");
        good.Process.ExitCode.Should().Be(0, good.Process.ToString());
        byte[] recorded = File.ReadAllBytes(Recordings);

        foreach (JudgeBehaviour failure in new[] { JudgeBehaviour.ServerError, JudgeBehaviour.BadKey })
        {
            _judge = failure;
            SuiteRun failing = await Run("record");

            failing.Process.ExitCode.Should().NotBe(0, "the judged rows are inconclusive");
            File.ReadAllBytes(Recordings).Should().Equal(recorded, $"no judge answer got through ({failure}), and the bot answered as before");
            JsonElement recording = failing.Summary.GetProperty("recording");
            recording.GetProperty("failed").GetInt32().Should().Be(6, "the judge of each of the 6 identity rows failed");
            recording.GetProperty("removed").GetInt32().Should().Be(0);
            recording.GetProperty("nothingRemoved").GetString().Should().Contain("6 of the 21 model calls");
            failing["SupportEvals.RefundWindow [laptop · formal]"].Message.Should().Contain("Model calls: 1 recorded, 1 failed");
            Directory.GetFiles(Path.Combine(_project, "recordings", ".evalspec"), "journal-*").Should().BeEmpty();
        }

        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay");
        replayed.Process.ExitCode.Should().Be(0, "every recorded answer is still there: " + replayed.Process);
    }

    [Fact]
    public async Task A_test_process_killed_while_recording_leaves_the_file_as_it_was_and_the_next_run_writes_what_it_recorded()
    {
        SuiteRun good = await Run("record");
        good.Process.ExitCode.Should().Be(0, good.Process.ToString());
        byte[] before = File.ReadAllBytes(Recordings);

        // The bot now answers differently, and stops answering after a few calls: the run is killed while it waits.
        _botAnswerSuffix = " (re-recorded)";
        Interlocked.Exchange(ref _botCalls, 0);
        _botHangsAfter = 4;
        string journalFolder = Path.Combine(_project, "recordings", ".evalspec");
        using (Process run = StartDotnetTest("record"))
        {
            try
            {
                await WaitUntil(() => JournalLines(journalFolder).Length >= 4, run, TimeSpan.FromMinutes(5));
            }
            finally
            {
                run.Kill(entireProcessTree: true);
                await run.WaitForExitAsync();
            }
        }

        File.ReadAllBytes(Recordings).Should().Equal(before, "the file is written once, at the end of a run: a killed run never touched it");
        string[] journaled = JournalLines(journalFolder);
        journaled.Should().HaveCountGreaterThanOrEqualTo(4).And.Contain(line => line.Contains("(re-recorded)", StringComparison.Ordinal));

        _botHangsAfter = int.MaxValue;
        SuiteRun next = await Run("auto");
        next.Process.ExitCode.Should().Be(0, next.Process.ToString());
        next.Summary.GetProperty("recording").GetProperty("recovered").GetInt32().Should().Be(journaled.Length);
        JournalLines(journalFolder).Should().BeEmpty();
        File.ReadAllText(Recordings).Should().Contain("(re-recorded)", "the killed run's answers were written into the file");
    }

    [Fact]
    public async Task Recordings_of_a_deleted_case_go_with_a_full_record_run_or_evalspec_clean_recordings_apply()
    {
        SuiteRun recorded = await Run("record");
        recorded.Process.ExitCode.Should().Be(0, recorded.Process.ToString());
        Contexts().Should().Contain(c => c.Contains("/tablet/")).And.Contain(c => c.Contains("/phone/"));

        // 1. Delete the phone case: a record run that leaves rows out keeps its entries, a full one removes them.
        DeleteCase("phone");
        SuiteRun filtered = await Run("record", "--filter", "Case=laptop&Variant=formal");
        filtered.Process.ExitCode.Should().Be(0, filtered.Process.ToString());
        Contexts().Should().Contain(c => c.Contains("/phone/"), "a run that leaves rows out does not know which rows are gone");

        SuiteRun full = await Run("record");
        full.Process.ExitCode.Should().Be(0, full.Process.ToString());
        Contexts().Should().NotContain(c => c.Contains("/phone/")).And.Contain(c => c.Contains("/tablet/")).And.Contain(c => c.Contains("/laptop/"));
        full.Summary.GetProperty("recording").GetProperty("removed").GetInt32().Should().BeGreaterThan(0);

        // 2. Delete the tablet case; an auto run (replaying everything) lists the rows, and removes nothing.
        DeleteCase("tablet");
        SuiteRun auto = await Run("auto");
        auto.Process.ExitCode.Should().Be(0, auto.Process.ToString());
        Contexts().Should().Contain(c => c.Contains("/tablet/"), "auto mode never removes entries");

        CliRun list = await CliRun.RunAsync(_ => null, "clean", "--recordings", "--project", _project);
        list.ExitCode.Should().Be(0, list.ToString());
        list.Output.Should().Contain(RecordingsName).And.Contain("RecordedSuite.SupportEvals.RefundWindow/tablet/formal/identity")
            .And.Contain("Run again with --apply").And.NotContain("/laptop/");
        Contexts().Should().Contain(c => c.Contains("/tablet/"), "listing removes nothing");

        CliRun apply = await CliRun.RunAsync(_ => null, "clean", "--recordings", "--apply", "--project", _project);
        apply.ExitCode.Should().Be(0, apply.ToString());
        apply.Output.Should().Contain("Removed");
        Contexts().Should().NotContain(c => c.Contains("/tablet/")).And.OnlyContain(c => c.Contains("/laptop/"));

        await _server.DisposeAsync();
        SuiteRun replay = await Run("replay");
        replay.Process.ExitCode.Should().Be(0, replay.Process.ToString());
    }

    [Fact]
    public async Task Auto_mode_after_the_judge_endpoint_was_fixed_asks_it_again_instead_of_replaying_unreadable_answers()
    {
        _judge = JudgeBehaviour.Unreadable;
        SuiteRun broken = await Run("auto");
        broken.Process.ExitCode.Should().NotBe(0);
        TrxResult inconclusive = broken["SupportEvals.RefundWindow [laptop · formal]"];
        inconclusive.Message.Should().Contain("no readable verdict").And.Contain("Model calls: 3 recorded", "the source call and the judge's two asks");
        File.ReadAllText(Recordings).Should().Contain("\"unusable\": ");

        _judge = JudgeBehaviour.Good;
        SuiteRun fixedRun = await Run("auto");
        fixedRun.Process.ExitCode.Should().Be(0, "the judge was asked again, not replayed: " + fixedRun.Process);
        JsonElement row = fixedRun.Rows.Single(r => r.GetProperty("rowId").GetString() == "RecordedSuite.SupportEvals.RefundWindow/laptop/formal/identity");
        JsonElement calls = row.GetProperty("modelCalls");
        calls.GetProperty("mode").GetString().Should().Be("auto");
        calls.GetProperty("replayed").GetInt32().Should().Be(1, "the bot's answer");
        calls.GetProperty("recorded").GetInt32().Should().Be(1, "the judge, asked again");
        FirstAsksOfTheJudge().Should().HaveCount(6).And.AllSatisfy(e => e.TryGetProperty("unusable", out _).Should().BeFalse("the new answers replaced the unreadable ones"));

        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay");
        replayed.Process.ExitCode.Should().Be(0, replayed.Process.ToString());
        JsonElement[] withCalls = replayed.Rows.Where(r => r.TryGetProperty("modelCalls", out _)).ToArray();
        withCalls.Should().HaveCountGreaterThanOrEqualTo(6).And.AllSatisfy(r =>
        {
            JsonElement counts = r.GetProperty("modelCalls");
            counts.GetProperty("replayed").GetInt32().Should().BeGreaterThan(0);
            (counts.GetProperty("recorded").GetInt32() + counts.GetProperty("live").GetInt32()).Should().Be(0);
        });
    }

    [Fact]
    public async Task Two_test_processes_recording_into_one_folder_at_once_keep_each_others_entries()
    {
        string other = ScratchCopy.Of("RecordedSuite");
        try
        {
            string shared = Path.Combine(_project, "shared-recordings");
            Task<SuiteRun> laptop = RunIn(_project, "record", shared, "--filter", "Case=laptop");
            Task<SuiteRun> phone = RunIn(other, "record", shared, "--filter", "Case=phone");
            SuiteRun[] runs = await Task.WhenAll(laptop, phone);
            runs.Should().AllSatisfy(r => r.Process.ExitCode.Should().Be(0, r.Process.ToString()));

            string[] contexts = Contexts(Path.Combine(shared, RecordingsName));
            contexts.Should().Contain(c => c.Contains("/laptop/")).And.Contain(c => c.Contains("/phone/"));
            Directory.GetFiles(Path.Combine(shared, ".evalspec"), "journal-*").Should().BeEmpty();
        }
        finally
        {
            ScratchCopy.Delete(other);
        }
    }

    private ScriptedResponse Respond(RecordedRequest request)
    {
        string asked = request.LastUserMessage ?? string.Empty;
        if (request.Model == "judge-model")
        {
            bool right = asked.Contains("phone", StringComparison.OrdinalIgnoreCase) ? asked.Contains("14 days", StringComparison.Ordinal) : asked.Contains("30 days", StringComparison.Ordinal);
            return _judge switch
            {
                JudgeBehaviour.ServerError => ScriptedResponse.ServerError(),
                JudgeBehaviour.BadKey => ScriptedResponse.Error(401, "Incorrect API key provided: sk-fixt************4242.", "invalid_request_error", "invalid_api_key"),
                JudgeBehaviour.Unreadable => ScriptedResponse.Completion("I would rather not say."),
                _ => ScriptedResponse.Completion(right
                    ? """{"reasoning":"States the right window.","score":5,"verdict":"pass"}"""
                    : """{"reasoning":"The window is wrong.","score":1,"verdict":"fail"}"""),
            };
        }

        if (Interlocked.Increment(ref _botCalls) > _botHangsAfter)
        {
            return ScriptedResponse.Hang();
        }

        return ScriptedResponse.Completion((asked.Contains("phone", StringComparison.OrdinalIgnoreCase)
            ? "Phones can be returned within 14 days of delivery."
            : "Laptops and tablets can be returned within 30 days of delivery.") + _botAnswerSuffix);
    }

    private Task<SuiteRun> Run(string recording, params string[] extraArguments) => RunIn(_project, recording, null, extraArguments);

    private Task<SuiteRun> RunIn(string project, string recording, string? recordingsDirectory, params string[] extraArguments) =>
        SuiteRun.RunProjectAsync(project, Environment(recording, recordingsDirectory), extraArguments);

    private Dictionary<string, string> Environment(string recording, string? recordingsDirectory = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_RECORDING"] = recording,
            ["EVALSPEC_SNAPSHOTS"] = "accept",
        };
        if (recording != "replay")
        {
            environment["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString();
        }

        if (recordingsDirectory is not null)
        {
            environment["EVALSPEC_RECORDINGSDIRECTORY"] = recordingsDirectory;
        }

        return environment;
    }

    /// <summary>`dotnet test` of the scratch project, started and left running (to be killed).</summary>
    private Process StartDotnetTest(string recording)
    {
        var environment = new Dictionary<string, string>(Environment(recording))
        {
            ["EVALSPEC_RESULTSDIRECTORY"] = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n")),
        };
        return DotNet.Start(DotNet.RepoRoot, environment, new StringBuilder(), "test", _project);
    }

    private static async Task WaitUntil(Func<bool> condition, Process run, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (run.HasExited)
            {
                throw new InvalidOperationException($"dotnet test exited ({run.ExitCode}) before the condition held.");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The condition did not hold within {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    private static string[] JournalLines(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "journal-*.jsonl").SelectMany(f => ReadShared(f).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : Array.Empty<string>();

    private static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }

    private void DeleteCase(string product)
    {
        string source = Path.Combine(_project, "SupportEvals.cs");
        string[] lines = File.ReadAllLines(source);
        File.WriteAllLines(source, lines.Where(l => !l.Contains($"[Case(\"{product}\"", StringComparison.Ordinal)));
    }

    private string[] Contexts() => Contexts(Recordings);

    /// <summary>The judge's entries for its first ask in each row (not the re-ask after an unreadable answer).</summary>
    private JsonElement[] FirstAsksOfTheJudge()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Recordings));
        return document.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("client").GetString() == "judge" && e.GetProperty("request").GetProperty("messages").GetInt32() == 2)
            .Select(e => e.Clone())
            .ToArray();
    }

    private static string[] Contexts(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("context").GetString()!).ToArray();
    }
}
