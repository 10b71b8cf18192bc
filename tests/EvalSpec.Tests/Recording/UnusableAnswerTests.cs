using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// Answers a judge could not read (or that errored) are flagged in the recordings: Auto mode never replays them (it asks the
/// model again and records the new answer in their place), while Replay mode replays them, so a build server stays deterministic.
/// </summary>
public sealed class UnusableAnswerTests : RecordingTestBed
{
    private const string Readable = """{"reasoning":"States the 30-day window.","score":5,"verdict":"pass"}""";
    private const string Unreadable = "I would rather not say.";

    [Fact]
    public async Task Auto_mode_asks_a_judge_again_whose_recorded_answers_were_unreadable_once_the_endpoint_is_fixed()
    {
        FakeOpenAIServer broken = await StartServerAsync(_ => ScriptedResponse.Completion(Unreadable));
        RecordingSession first = Start(RecordingMode.Auto);
        (await JudgeAsync(broken)).Outcome.Should().Be(VerdictOutcome.Inconclusive);
        first.Complete();
        broken.Requests.Should().HaveCount(2, "the judge asked, then re-asked for a readable answer");
        EntriesOf(SuiteFile).Should().HaveCount(2).And.AllSatisfy(e => e.GetProperty("unusable").GetString().Should().Contain("no readable verdict"));

        FakeOpenAIServer fixedServer = await StartServerAsync(_ => ScriptedResponse.Completion(Readable));
        RecordingSession second = Start(RecordingMode.Auto);
        Verdict verdict = await JudgeAsync(fixedServer);
        second.Complete();

        verdict.Outcome.Should().Be(VerdictOutcome.Pass, "the unreadable answer was not replayed: the fixed endpoint was asked");
        fixedServer.Requests.Should().ContainSingle();
        second.Statistics.Should().BeEquivalentTo(new { Replayed = 0, Recorded = 1 });
        second.CallsFor(RowId).Should().Be(new RowModelCalls(0, 1, 0, 0));
        JsonOfFirstAsk().TryGetProperty("unusable", out _).Should().BeFalse("the new answer replaced the unreadable one under the same key");

        RecordingSession third = Start(RecordingMode.Auto);
        (await JudgeAsync(fixedServer)).Outcome.Should().Be(VerdictOutcome.Pass);
        third.Complete();
        third.Statistics.Should().BeEquivalentTo(new { Replayed = 1, Recorded = 0 });
        third.CallsFor(RowId).Should().Be(new RowModelCalls(1, 0, 0, 0));
    }

    [Fact]
    public async Task Replay_mode_replays_an_unreadable_answer_and_gives_the_same_inconclusive_verdict()
    {
        FakeOpenAIServer broken = await StartServerAsync(_ => ScriptedResponse.Completion(Unreadable));
        RecordingSession record = Start(RecordingMode.Record);
        Verdict recorded = await JudgeAsync(broken);
        record.Complete();
        byte[] file = File.ReadAllBytes(SuiteFile);
        await broken.DisposeAsync();

        RecordingSession replay = Start(RecordingMode.Replay);
        Verdict replayed = await JudgeAsync(broken);
        replay.Complete();

        replayed.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        replayed.Rationale.Should().Be(recorded.Rationale);
        replay.Statistics.Should().BeEquivalentTo(new { Replayed = 2, Misses = 0, Unusable = 0 });
        File.ReadAllBytes(SuiteFile).Should().Equal(file, "a replay writes nothing");
    }

    [Fact]
    public async Task An_unreadable_answer_recorded_before_flags_existed_is_flagged_when_auto_mode_replays_it()
    {
        FakeOpenAIServer broken = await StartServerAsync(_ => ScriptedResponse.Completion(Unreadable));
        RecordingSession record = Start(RecordingMode.Record);
        await JudgeAsync(broken);
        record.Complete();
        File.WriteAllText(SuiteFile, string.Join("\n", File.ReadAllLines(SuiteFile).Where(l => !l.Contains("\"unusable\"", System.StringComparison.Ordinal))) + "\n");

        RecordingSession auto = Start(RecordingMode.Auto);
        (await JudgeAsync(broken)).Outcome.Should().Be(VerdictOutcome.Inconclusive);
        auto.Complete();

        auto.Statistics.Should().BeEquivalentTo(new { Replayed = 2, Unusable = 2 });
        EntriesOf(SuiteFile).Should().AllSatisfy(e => e.TryGetProperty("unusable", out _).Should().BeTrue("the next auto run asks again"));
    }

    [Fact]
    public async Task A_refusal_is_flagged_too_and_asked_again_by_the_next_auto_run()
    {
        FakeOpenAIServer refusing = await StartServerAsync(_ => ScriptedResponse.Refusal("I cannot help with grading."));
        RecordingSession first = Start(RecordingMode.Auto);
        Verdict refused = await JudgeAsync(refusing);
        first.Complete();
        refused.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        EntriesOf(SuiteFile).Should().ContainSingle().Which.GetProperty("unusable").GetString().Should().Contain("refused");

        FakeOpenAIServer fixedServer = await StartServerAsync(_ => ScriptedResponse.Completion(Readable));
        RecordingSession second = Start(RecordingMode.Auto);
        (await JudgeAsync(fixedServer)).Outcome.Should().Be(VerdictOutcome.Pass);
        second.Complete();
        fixedServer.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_judge_that_reads_its_answer_flags_nothing()
    {
        FakeOpenAIServer server = await StartServerAsync(_ => ScriptedResponse.Completion(Readable));
        RecordingSession auto = Start(RecordingMode.Auto);
        (await JudgeAsync(server)).Outcome.Should().Be(VerdictOutcome.Pass);
        auto.Complete();

        auto.Statistics.Unusable.Should().Be(0);
        EntriesOf(SuiteFile).Should().ContainSingle().Which.TryGetProperty("unusable", out _).Should().BeFalse();
    }

    private const string RowId = Suite + ".RefundWindow/laptop/formal/identity";

    private static async Task<Verdict> JudgeAsync(FakeOpenAIServer server)
    {
        var judge = new RubricJudge("judge", RecordedClient(server, "judge", model: "judge-model"), new LlmJudgeOptions { MaxRetries = 0 });
        using (Row("laptop/formal/identity", phase: EvalCallContext.JudgePhase))
        {
            return await judge.JudgeAsync(new JudgeRequest("Laptops can be returned within 30 days.") { Rubric = "States the refund window.", Expected = "30 days" });
        }
    }

    private System.Text.Json.JsonElement JsonOfFirstAsk() => EntriesOf(SuiteFile).Single(e => e.GetProperty("occurrence").GetInt32() == 0 && !e.GetProperty("request").ToString().Contains("could not be read", System.StringComparison.Ordinal));
}
