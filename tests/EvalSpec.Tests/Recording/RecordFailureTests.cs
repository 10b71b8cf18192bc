using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// A Record run while a provider fails: an entry is replaced only by a successful new call; a failed call never removes or
/// overwrites anything; a run in which too many calls failed removes nothing and says so.
/// </summary>
public sealed class RecordFailureTests : RecordingTestBed
{
    private const int Rows = 20;

    [Fact]
    public async Task A_record_run_whose_judge_answers_HTTP_500_keeps_the_recordings_byte_for_byte()
    {
        FakeOpenAIServer bot = await StartServerAsync();
        FakeOpenAIServer judge = await StartServerAsync();
        await RecordRowsAsync(RecordedClient(bot, "bot"), RecordedClient(judge, "judge"));
        byte[] good = File.ReadAllBytes(SuiteFile);

        FakeOpenAIServer broken = await StartServerAsync(_ => ScriptedResponse.ServerError());
        RecordingSession rerecord = await RecordRowsAsync(RecordedClient(bot, "bot"), RecordedClient(broken, "judge"));

        File.ReadAllBytes(SuiteFile).Should().Equal(good, "the bot's answers are the same, and no judge answer got through");
        rerecord.Statistics.Should().BeEquivalentTo(new { Recorded = Rows, Failed = Rows, Added = 0, Replaced = 0, Removed = 0 });
        rerecord.Statistics.NothingRemoved.Should().Contain($"{Rows} of the {2 * Rows} model calls of this record run failed").And.Contain("more than 10");
    }

    [Fact]
    public async Task A_record_run_with_a_bad_key_HTTP_401_keeps_the_recordings_byte_for_byte()
    {
        FakeOpenAIServer server = await StartServerAsync(requiredApiKey: "good-key");
        await RecordRowsAsync(RecordedClient(server, "bot", apiKey: "good-key"), RecordedClient(server, "judge", apiKey: "good-key"));
        byte[] good = File.ReadAllBytes(SuiteFile);

        RecordingSession rerecord = await RecordRowsAsync(RecordedClient(server, "bot", apiKey: "revoked-key"), RecordedClient(server, "judge", apiKey: "revoked-key"));

        File.ReadAllBytes(SuiteFile).Should().Equal(good);
        rerecord.Statistics.Should().BeEquivalentTo(new { Recorded = 0, Failed = 2 * Rows, Removed = 0 });
        rerecord.Statistics.NothingRemoved.Should().NotBeNull();
    }

    [Fact]
    public async Task When_one_judge_fails_its_entries_stay_while_another_judges_new_answer_replaces_its_own_and_healthy_rows_are_pruned()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        await RecordRowsAsync(bot, RecordedClient(server, "judge"), extra: async () =>
        {
            await CallAsync(RecordedClient(server, "second-judge"), Row(0), EvalCallContext.JudgePhase, "Second opinion on 0");
            await CallAsync(bot, Row(1), EvalCallContext.SourcePhase, "A prompt row 1 no longer sends");
        });
        string secondOpinion = Answer("Second opinion on 0");

        // The first judge now answers differently; the second one is down.
        FakeOpenAIServer changed = await StartServerAsync(r => ScriptedResponse.Completion("new verdict on " + r.LastUserMessage));
        FakeOpenAIServer down = await StartServerAsync(_ => ScriptedResponse.ServerError());
        RecordingSession rerecord = await RecordRowsAsync(bot, RecordedClient(changed, "judge"), extra: async () =>
        {
            Func<Task> failing = () => CallAsync(RecordedClient(down, "second-judge"), Row(0), EvalCallContext.JudgePhase, "Second opinion on 0");
            await failing.Should().ThrowAsync<Exception>();
        });

        Answer("Second opinion on 0").Should().Be(secondOpinion, "a failed call neither replaces nor removes its entry");
        Answer("Rate the answer to 0").Should().Be("new verdict on Rate the answer to 0", "a successful call replaces the entry of its key");
        Requests().Should().NotContain("A prompt row 1 no longer sends", "a row that ran without a failed call is left with exactly its new calls");
        rerecord.Statistics.Should().BeEquivalentTo(new { Failed = 1, Replaced = Rows, Removed = 1, NothingRemoved = (string?)null });
    }

    [Fact]
    public async Task A_row_with_a_failed_call_keeps_the_entries_its_run_did_not_reach()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        await RecordRowsAsync(bot, RecordedClient(server, "judge"), extra: () => CallAsync(bot, Row(0), EvalCallContext.FollowUpPhase, "Follow-up of 0"));

        // Row 0's follow-up fails, so its judge is never asked (as the row runner does): the judge's entry must stay.
        FakeOpenAIServer down = await StartServerAsync(_ => ScriptedResponse.ServerError());
        RecordingSession rerecord = Start(RecordingMode.Record);
        await CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "Question 0");
        Func<Task> followUp = () => CallAsync(RecordedClient(down, "bot"), Row(0), EvalCallContext.FollowUpPhase, "Follow-up of 0");
        await followUp.Should().ThrowAsync<Exception>();
        rerecord.RowEnded(new RowRunReport(RowId(0), RowId(0), true, true, true));
        await HealthyRowsAsync(bot, RecordedClient(server, "judge"), from: 1, rerecord);
        rerecord.Complete();

        Requests().Should().Contain(new[] { "Rate the answer to 0", "Follow-up of 0" });
        rerecord.Statistics.Removed.Should().Be(0);
    }

    [Fact]
    public async Task A_failed_source_run_keeps_the_entries_of_the_relation_rows_that_used_it()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        string relation = Suite + ".RefundWindow/case-00/formal/typos";
        await RecordRowsAsync(bot, RecordedClient(server, "judge"), extra: () => CallRowAsync(bot, relation, EvalCallContext.FollowUpPhase, "Typo'd question 0"));

        FakeOpenAIServer down = await StartServerAsync(_ => ScriptedResponse.ServerError());
        RecordingSession rerecord = Start(RecordingMode.Record);
        Func<Task> source = () => CallAsync(RecordedClient(down, "bot"), Row(0), EvalCallContext.SourcePhase, "Question 0");
        await source.Should().ThrowAsync<Exception>();
        rerecord.RowEnded(new RowRunReport(RowId(0), RowId(0), true, true, true));
        rerecord.RowEnded(new RowRunReport(relation, RowId(0), true, true, true));
        await HealthyRowsAsync(bot, RecordedClient(server, "judge"), from: 1, rerecord);
        rerecord.Complete();

        Requests().Should().Contain(new[] { "Question 0", "Rate the answer to 0", "Typo'd question 0" });
    }

    [Fact]
    public async Task A_retry_that_gets_through_on_its_second_attempt_lets_the_row_be_replaced()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        await RecordRowsAsync(bot, RecordedClient(server, "judge"), extra: () => CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "An old prompt"));

        FakeOpenAIServer flaky = await StartServerAsync(r => ScriptedResponse.Completion("answer to " + r.LastUserMessage, new ScriptedUsage(12, 3)));
        flaky.Enqueue(ScriptedResponse.ServerError());
        RecordingSession rerecord = Start(RecordingMode.Record);
        await CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "Question 0");
        using (Row(0, EvalCallContext.JudgePhase))
        {
            // A retry policy around the recorded client: the first attempt fails, the second gets through.
            IChatClient judge = RecordedClient(flaky, "judge");
            Func<Task> first = () => judge.GetResponseAsync("Rate the answer to 0");
            await first.Should().ThrowAsync<Exception>();
            await judge.GetResponseAsync("Rate the answer to 0");
        }

        rerecord.RowEnded(new RowRunReport(RowId(0), RowId(0), true, true, true));
        await HealthyRowsAsync(bot, RecordedClient(server, "judge"), from: 1, rerecord);
        rerecord.Complete();

        Requests().Should().NotContain("An old prompt", "the failure was healed by the retry: the row ran completely");
        rerecord.Statistics.Should().BeEquivalentTo(new { Failed = 1, Removed = 1 });
    }

    [Fact]
    public async Task A_judge_that_fails_in_one_trial_keeps_the_judge_entries_of_every_trial_of_its_row()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        await RecordRowsAsync(bot, RecordedClient(server, "judge"), extra: async () =>
        {
            for (int trial = 1; trial < 3; trial++)
            {
                await CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "Question 0", trial);
                await CallAsync(RecordedClient(server, "judge"), Row(0), EvalCallContext.JudgePhase, "Rate the answer to 0", trial);
            }
        });
        int before = EntriesOf(SuiteFile).Count;

        // Trials lowered from 3 to 2 while trial 1's judge fails: nothing of the row goes, not even the third trial.
        FakeOpenAIServer down = await StartServerAsync(_ => ScriptedResponse.ServerError());
        RecordingSession rerecord = Start(RecordingMode.Record);
        for (int trial = 0; trial < 2; trial++)
        {
            await CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "Question 0", trial);
            Func<Task> judge = () => CallAsync(RecordedClient(trial == 1 ? down : server, "judge"), Row(0), EvalCallContext.JudgePhase, "Rate the answer to 0", trial);
            if (trial == 1)
            {
                await judge.Should().ThrowAsync<Exception>();
            }
            else
            {
                await judge();
            }
        }

        rerecord.RowEnded(new RowRunReport(RowId(0), RowId(0), true, true, true));
        await HealthyRowsAsync(bot, RecordedClient(server, "judge"), from: 1, rerecord);
        rerecord.Complete();

        // The source run completed both trials, so the third trial's source call is stale; a failed judge call hides nothing of it.
        EntriesOf(SuiteFile).Should().HaveCount(before - 1);
        EntriesOf(SuiteFile).Select(e => e.GetProperty("context").GetString()).Should().Contain(RowId(0) + "/judge/2").And.NotContain(RowId(0) + "/source/2");
    }

    [Fact]
    public async Task A_record_run_with_a_few_failed_calls_removes_the_stale_entries_of_its_healthy_rows()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        await RecordRowsAsync(bot, RecordedClient(server, "judge"), extra: () => CallAsync(bot, Row(5), EvalCallContext.SourcePhase, "A prompt row 5 no longer sends"));

        FakeOpenAIServer down = await StartServerAsync(_ => ScriptedResponse.ServerError());
        RecordingSession rerecord = await RecordRowsAsync(bot, RecordedClient(server, "judge"), failingJudge: (RecordedClient(down, "judge"), 2));

        Requests().Should().NotContain("A prompt row 5 no longer sends");
        rerecord.Statistics.Should().BeEquivalentTo(new { Failed = 2, Removed = 1, Added = 0, Replaced = 0, NothingRemoved = (string?)null });
    }

    [Fact]
    public async Task An_answer_its_judge_could_not_use_does_not_replace_a_usable_one_and_keeps_its_row()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        await RecordRowsAsync(bot, RecordedClient(server, "judge"), extra: () => CallAsync(RecordedClient(server, "judge"), Row(0), EvalCallContext.JudgePhase, "An old judge prompt"));
        string usable = Answer("Rate the answer to 0");

        FakeOpenAIServer garbage = await StartServerAsync(_ => ScriptedResponse.Completion("<html>502 Bad Gateway</html>"));
        RecordingSession rerecord = Start(RecordingMode.Record);
        await CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "Question 0");
        using (Row(0, EvalCallContext.JudgePhase))
        using (RecordedAnswerScope answers = RecordedAnswerScope.Begin())
        {
            await RecordedClient(garbage, "judge").GetResponseAsync("Rate the answer to 0");
            answers.MarkUnusable("judge 'judge' gave no readable verdict");
        }

        rerecord.RowEnded(new RowRunReport(RowId(0), RowId(0), true, true, true));
        await HealthyRowsAsync(bot, RecordedClient(server, "judge"), from: 1, rerecord);
        rerecord.Complete();

        Answer("Rate the answer to 0").Should().Be(usable);
        Requests().Should().Contain("An old judge prompt", "a row whose judge could not use its answer is not pruned");
        rerecord.Statistics.Should().BeEquivalentTo(new { Unusable = 1, Kept = 1, Removed = 0 });
    }

    [Fact]
    public async Task The_counts_of_added_replaced_and_removed_entries_are_kept_for_the_summary()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient bot = RecordedClient(server, "bot");
        Start(RecordingMode.Record);
        await CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "Question 0");
        await CallAsync(bot, Row(1), EvalCallContext.SourcePhase, "Question 1");
        await CallAsync(bot, Row(2), EvalCallContext.SourcePhase, "Question 2");
        CurrentSession.Complete();

        FakeOpenAIServer changed = await StartServerAsync(r => ScriptedResponse.Completion("changed: " + r.LastUserMessage));
        RecordingSession rerecord = Start(RecordingMode.Record);
        await CallAsync(bot, Row(0), EvalCallContext.SourcePhase, "Question 0");
        await CallAsync(RecordedClient(changed, "bot"), Row(1), EvalCallContext.SourcePhase, "Question 1");
        await CallAsync(bot, Row(2), EvalCallContext.SourcePhase, "Question 2 rephrased");
        rerecord.RowEnded(new RowRunReport(RowId(2), RowId(2), true, true, true));
        rerecord.Complete();

        rerecord.Statistics.Should().BeEquivalentTo(new { Recorded = 3, Added = 1, Replaced = 1, Removed = 1, FilesWritten = 1 });
    }

    /// <summary>
    /// A record run of <see cref="Rows"/> rows, each with a source call and a judge call, every row reported as run (as the
    /// row runner does); the first <c>failingJudge.Count</c> rows ask the failing judge instead, whose failures are expected.
    /// </summary>
    private async Task<RecordingSession> RecordRowsAsync(IChatClient bot, IChatClient judge, Func<Task>? extra = null, (IChatClient Client, int Count)? failingJudge = null)
    {
        RecordingSession session = Start(RecordingMode.Record);
        if (extra is not null)
        {
            await extra();
        }

        for (int i = 0; i < Rows; i++)
        {
            await Swallow(() => CallAsync(bot, Row(i), EvalCallContext.SourcePhase, $"Question {i}"));
            IChatClient asked = failingJudge is { } failing && i < failing.Count ? failing.Client : judge;
            await Swallow(() => CallAsync(asked, Row(i), EvalCallContext.JudgePhase, $"Rate the answer to {i}"));
            session.RowEnded(new RowRunReport(RowId(i), RowId(i), true, true, true));
        }

        session.Complete();
        return session;
    }

    /// <summary>Rows <paramref name="from"/> to the last, recorded without a failure, reported as run.</summary>
    private static async Task HealthyRowsAsync(IChatClient bot, IChatClient judge, int from, RecordingSession session)
    {
        for (int i = from; i < Rows; i++)
        {
            await CallAsync(bot, Row(i), EvalCallContext.SourcePhase, $"Question {i}");
            await CallAsync(judge, Row(i), EvalCallContext.JudgePhase, $"Rate the answer to {i}");
            session.RowEnded(new RowRunReport(RowId(i), RowId(i), true, true, true));
        }
    }

    private static async Task Swallow(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failing provider: the row runner turns it into an inconclusive or failed row.
        }
    }

    private static string Row(int i) => $"case-{i:00}/formal/identity";

    private static string RowId(int i) => Suite + ".RefundWindow/" + Row(i);

    private static IDisposable Row(int i, string phase, int trial = 0) => Row(Row(i), trial, phase);

    private static async Task CallAsync(IChatClient client, string row, string phase, string prompt, int trial = 0)
    {
        using (Row(row, trial, phase))
        {
            await client.GetResponseAsync(prompt);
        }
    }

    private static async Task CallRowAsync(IChatClient client, string rowId, string phase, string prompt)
    {
        using (EvalCallContext.Enter(new EvalCallContext(Suite, rowId, 0, phase)))
        {
            await client.GetResponseAsync(prompt);
        }
    }

    private IReadOnlyList<string> Requests() => EntriesOf(SuiteFile).Select(e => e.GetProperty("request").GetProperty("lastUserMessage").GetString()!).ToArray();

    private string Answer(string request) => EntriesOf(SuiteFile)
        .Single(e => e.GetProperty("request").GetProperty("lastUserMessage").GetString() == request)
        .GetProperty("response").GetProperty("messages")[0].GetProperty("contents")[0].GetProperty("text").GetString()!;
}
