using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>The modes over real HTTP: the OpenAI client against the fake server, recorded, replayed, missed and passed through.</summary>
public sealed class RecordReplayTests : RecordingTestBed
{
    [Fact]
    public async Task Replay_answers_recorded_calls_with_the_same_responses_and_no_model_call()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        RecordingSession record = Start(RecordingMode.Record);
        ChatResponse laptop, headphones;
        using (Row("laptop/formal"))
        {
            laptop = await client.GetResponseAsync("What is the refund window for laptop?");
        }

        using (Row("headphones/formal"))
        {
            headphones = await client.GetResponseAsync("What is the refund window for headphones?");
        }

        record.Complete();
        await server.DisposeAsync();

        RecordingSession replay = Start(RecordingMode.Replay);
        ChatResponse replayedLaptop, replayedHeadphones;
        using (Row("headphones/formal"))
        {
            replayedHeadphones = await client.GetResponseAsync("What is the refund window for headphones?");
        }

        using (Row("laptop/formal"))
        {
            replayedLaptop = await client.GetResponseAsync("What is the refund window for laptop?");
        }

        replayedLaptop.Text.Should().Be("answer to What is the refund window for laptop?");
        replayedHeadphones.Text.Should().Be(headphones.Text);
        foreach ((ChatResponse live, ChatResponse replayed) in new[] { (laptop, replayedLaptop), (headphones, replayedHeadphones) })
        {
            replayed.Messages.Single().Role.Should().Be(ChatRole.Assistant);
            replayed.FinishReason.Should().Be(live.FinishReason);
            replayed.ModelId.Should().Be(live.ModelId);
            replayed.ResponseId.Should().StartWith("evalspec-", "the provider's id is not recorded; a replay gets one derived from the entry");
            replayed.Messages.Single().MessageId.Should().Be(replayed.ResponseId + "-0");
            replayed.Usage!.InputTokenCount.Should().Be(12);
            replayed.Usage.OutputTokenCount.Should().Be(3);
            replayed.Usage.TotalTokenCount.Should().Be(15);
            replayed.RawRepresentation.Should().BeNull("the provider's object is not recorded");
        }

        server.Requests.Should().HaveCount(2, "only the recording run reached the server");
        replay.Statistics.Should().BeEquivalentTo(new { Replayed = 2, Recorded = 0, Live = 0, Misses = 0, FilesWritten = 0 });
        record.Statistics.Should().BeEquivalentTo(new { Replayed = 0, Recorded = 2, Live = 0, Misses = 0, FilesWritten = 1 });
    }

    [Fact]
    public async Task A_replay_miss_fails_with_the_key_context_client_request_and_how_to_record_it_without_calling_the_model()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server, name: "judge-a", model: "gpt-judge");
        RecordingSession replay = Start(RecordingMode.Replay);

        Func<Task> call = async () =>
        {
            using (Row("laptop/casual/typos", phase: "judge"))
            {
                await client.GetResponseAsync("Does the answer state 30 days?", new ChatOptions { Temperature = 0 });
            }
        };

        RecordingMissException miss = (await call.Should().ThrowAsync<RecordingMissException>()).Which;
        miss.Key.Should().MatchRegex("^[0-9a-f]{16}$");
        miss.Context.Should().Be(Suite + ".RefundWindow/laptop/casual/typos/judge/0");
        miss.ClientName.Should().Be("judge-a");
        miss.RecordingsFile.Should().Be(SuiteFile);
        string firstLine = miss.Message.Split('\n')[0];
        firstLine.Should().Contain(miss.Key).And.Contain("'judge-a'").And.Contain(miss.Context)
            .And.Contain("EVALSPEC_RECORDING=record dotnet test", "the first line is what a judge's error verdict shows");
        miss.Message.Should().Contain("model gpt-judge").And.Contain("last user message \"Does the answer state 30 days?\"")
            .And.Contain("temperature 0").And.Contain(SuiteFile + " (does not exist)");
        server.Requests.Should().BeEmpty();
        replay.Statistics.Misses.Should().Be(1);
    }

    [Fact]
    public async Task A_replay_miss_after_a_prompt_change_names_the_recordings_of_the_old_request()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        Start(RecordingMode.Record);
        using (Row())
        {
            await client.GetResponseAsync("What is the refund window for laptop?");
        }

        CurrentSession.Complete();
        string oldKey = EntriesOf(SuiteFile).Single().GetProperty("hash").GetString()![..16];
        Start(RecordingMode.Replay);

        Func<Task> changed = async () =>
        {
            using (Row())
            {
                await client.GetResponseAsync("How long is the refund window for a laptop?");
            }
        };

        (await changed.Should().ThrowAsync<RecordingMissException>()).Which.Message
            .Should().Contain("the request changed since it was recorded").And.Contain(oldKey + " (sut)");
    }

    [Fact]
    public async Task Auto_records_a_miss_at_once_and_replays_it_in_the_next_run()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        RecordingSession first = Start(RecordingMode.Auto);
        using (Row())
        {
            (await client.GetResponseAsync("What is the refund window for laptop?")).Text.Should().Be("answer to What is the refund window for laptop?");
        }

        JournalLines().Should().ContainSingle("an answer is in the run's journal as soon as it is recorded, before the run completes");
        first.Complete();
        EntriesOf(SuiteFile).Should().ContainSingle();

        RecordingSession second = Start(RecordingMode.Auto);
        using (Row())
        {
            (await client.GetResponseAsync("What is the refund window for laptop?")).Text.Should().Be("answer to What is the refund window for laptop?");
            (await client.GetResponseAsync("And for headphones?")).Text.Should().Be("answer to And for headphones?");
        }

        server.Requests.Select(r => r.LastUserMessage).Should().Equal("What is the refund window for laptop?", "And for headphones?");
        second.Complete();
        second.Statistics.Should().BeEquivalentTo(new { Replayed = 1, Recorded = 1, Misses = 0, Added = 1 });
        EntriesOf(SuiteFile).Should().HaveCount(2);
    }

    [Fact]
    public async Task Live_calls_the_model_and_touches_no_files()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        File.WriteAllText(SuiteFile, "not read in live mode");
        RecordingSession live = Start(RecordingMode.Live);

        using (Row())
        {
            await client.GetResponseAsync("What is the refund window for laptop?");
            await client.GetResponseAsync("What is the refund window for laptop?");
        }

        live.Complete();
        server.Requests.Should().HaveCount(2);
        System.IO.Directory.EnumerateFiles(Directory).Should().Equal(SuiteFile);
        File.ReadAllText(SuiteFile).Should().Be("not read in live mode");
        live.Statistics.Should().BeEquivalentTo(new { Live = 2, Replayed = 0, Recorded = 0, FilesWritten = 0 });
    }

    [Fact]
    public async Task Without_a_session_calls_pass_through_to_the_model()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);

        EvalFlow.Current?.Recording.Should().BeNull();
        using (Row())
        {
            (await client.GetResponseAsync("What is the refund window for laptop?")).Text.Should().Be("answer to What is the refund window for laptop?");
        }

        (await client.GetResponseAsync("Outside any row")).Text.Should().Be("answer to Outside any row");
        server.Requests.Should().HaveCount(2);
        System.IO.Directory.EnumerateFileSystemEntries(Directory).Should().BeEmpty();
    }

    [Fact]
    public async Task The_same_request_twice_in_one_context_is_two_entries_replayed_in_order()
    {
        FakeOpenAIServer server = await StartServerAsync(request => ScriptedResponse.Completion($"answer #{request.Sequence}"));
        IChatClient client = RecordedClient(server);
        Start(RecordingMode.Record);
        using (Row())
        {
            (await client.GetResponseAsync("Pick a number")).Text.Should().Be("answer #1");
            (await client.GetResponseAsync("Pick a number")).Text.Should().Be("answer #2");
        }

        CurrentSession.Complete();
        EntriesOf(SuiteFile).Select(e => e.GetProperty("occurrence").GetInt32()).Should().Equal(0, 1);
        EntriesOf(SuiteFile).Select(e => e.GetProperty("hash").GetString()).Distinct().Should().ContainSingle();

        Start(RecordingMode.Replay);
        using (Row())
        {
            (await client.GetResponseAsync("Pick a number")).Text.Should().Be("answer #1");
            (await client.GetResponseAsync("Pick a number")).Text.Should().Be("answer #2");
            Func<Task> third = () => client.GetResponseAsync("Pick a number");
            (await third.Should().ThrowAsync<RecordingMissException>()).Which.Message.Should().Contain("recorded 2 time(s) in this context");
        }
    }

    [Fact]
    public async Task Trials_of_a_row_are_separate_entries()
    {
        FakeOpenAIServer server = await StartServerAsync(request => ScriptedResponse.Completion($"sample #{request.Sequence}"));
        IChatClient client = RecordedClient(server);
        Start(RecordingMode.Record);
        for (int trial = 0; trial < 3; trial++)
        {
            using (Row(trial: trial))
            {
                await client.GetResponseAsync("Write a haiku about refunds");
            }
        }

        CurrentSession.Complete();
        EntriesOf(SuiteFile).Select(e => e.GetProperty("context").GetString()).Should().Equal(
            Suite + ".RefundWindow/laptop/formal/source/0",
            Suite + ".RefundWindow/laptop/formal/source/1",
            Suite + ".RefundWindow/laptop/formal/source/2");
        EntriesOf(SuiteFile).Should().OnlyContain(e => e.GetProperty("occurrence").GetInt32() == 0);

        Start(RecordingMode.Replay);
        foreach (int trial in new[] { 2, 0, 1 })
        {
            using (Row(trial: trial))
            {
                (await client.GetResponseAsync("Write a haiku about refunds")).Text.Should().Be($"sample #{trial + 1}");
            }
        }
    }

    [Fact]
    public async Task A_failed_call_that_is_retried_does_not_shift_the_occurrence()
    {
        FakeOpenAIServer server = await StartServerAsync();
        server.Enqueue(ScriptedResponse.ServerError(), ScriptedResponse.Completion("after the retry"));
        IChatClient client = RecordedClient(server);
        Start(RecordingMode.Auto);
        using (Row())
        {
            Func<Task> failing = () => client.GetResponseAsync("Refund window?");
            await failing.Should().ThrowAsync<Exception>();
            (await client.GetResponseAsync("Refund window?")).Text.Should().Be("after the retry");
        }

        CurrentSession.Complete();
        Start(RecordingMode.Replay);
        using (Row())
        {
            (await client.GetResponseAsync("Refund window?")).Text.Should().Be("after the retry", "a replayed run makes the call once, without the failure");
        }
    }

    [Fact]
    public async Task Record_leaves_each_row_it_ran_with_exactly_its_calls_and_keeps_rows_that_did_not_run()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        Start(RecordingMode.Record);
        using (Row("laptop/formal"))
        {
            await client.GetResponseAsync("Old prompt for laptop");
        }

        using (Row("headphones/formal"))
        {
            await client.GetResponseAsync("Prompt for headphones");
        }

        CurrentSession.Complete();

        RecordingSession rerecord = Start(RecordingMode.Record);
        using (Row("laptop/formal"))
        {
            await client.GetResponseAsync("New prompt for laptop");
        }

        // As the row runner reports every row it ends.
        rerecord.RowEnded(new RowRunReport(Suite + ".RefundWindow/laptop/formal", Suite + ".RefundWindow/laptop/formal", true, true, true));
        rerecord.Complete();
        EntriesOf(SuiteFile).Select(e => e.GetProperty("request").GetProperty("lastUserMessage").GetString())
            .Should().Equal("Prompt for headphones", "New prompt for laptop");
        rerecord.Statistics.Removed.Should().Be(1);
    }

    [Fact]
    public async Task Auto_keeps_the_entries_a_run_did_not_use()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        Start(RecordingMode.Auto);
        using (Row())
        {
            await client.GetResponseAsync("Old prompt for laptop");
        }

        CurrentSession.Complete();
        RecordingSession second = Start(RecordingMode.Auto);
        using (Row())
        {
            await client.GetResponseAsync("New prompt for laptop");
        }

        second.Complete();
        EntriesOf(SuiteFile).Select(e => e.GetProperty("request").GetProperty("lastUserMessage").GetString())
            .Should().BeEquivalentTo("Old prompt for laptop", "New prompt for laptop");
        second.Statistics.Removed.Should().Be(0);
    }

    [Fact]
    public async Task Calls_outside_eval_rows_are_recorded_in_the_shared_file()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        RecordingSession session = Start(RecordingMode.Auto);

        await client.GetResponseAsync("Warm up");
        session.Complete();

        JsonElement entry = EntriesOf(Path.Combine(Directory, "_shared.recordings.json")).Single();
        entry.GetProperty("context").GetString().Should().Be("no-row");
        File.Exists(SuiteFile).Should().BeFalse();
    }

    [Fact]
    public async Task A_corrupt_recordings_file_is_a_configuration_error_that_names_it()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        File.WriteAllText(SuiteFile, "<<<<<<< HEAD\n{}\n");
        Start(RecordingMode.Replay);

        Func<Task> call = async () =>
        {
            using (Row())
            {
                await client.GetResponseAsync("Refund window?");
            }
        };

        (await call.Should().ThrowAsync<EvalConfigurationException>()).Which.Message.Should().Contain(SuiteFile).And.Contain("EVALSPEC_RECORDING=record");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_hand_edited_answer_is_replayed_as_edited()
    {
        FakeOpenAIServer server = await StartServerAsync();
        IChatClient client = RecordedClient(server);
        Start(RecordingMode.Record);
        using (Row())
        {
            await client.GetResponseAsync("Refund window?");
        }

        CurrentSession.Complete();
        File.WriteAllText(SuiteFile, File.ReadAllText(SuiteFile).Replace("answer to Refund window?", "30 days, edited", StringComparison.Ordinal));
        Start(RecordingMode.Replay);
        using (Row())
        {
            (await client.GetResponseAsync("Refund window?")).Text.Should().Be("30 days, edited");
        }
    }
}
