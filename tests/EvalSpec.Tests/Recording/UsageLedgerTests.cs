using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// The system under test's tokens, counted per row by the recording client for budgets: live, recorded and replayed
/// answers alike (a replayed answer carries the usage recorded with it), judges' calls not.
/// </summary>
public sealed class UsageLedgerTests : RecordingTestBed
{
    private const string RowId = Suite + ".RefundWindow/laptop/formal";

    [Fact]
    public async Task A_replayed_answer_counts_the_tokens_recorded_with_it_and_is_marked_replayed()
    {
        FakeOpenAIServer server = await StartServerAsync(_ => ScriptedResponse.Completion("30 days", new ScriptedUsage(120, 30)));
        IChatClient client = RecordedClient(server);
        RecordingSession record = Start(RecordingMode.Record);
        using (Row())
        {
            await client.GetResponseAsync("What is the refund window for laptop?");
        }

        ModelUsage recorded = record.Usage.For(RowId);
        record.Complete();
        await server.DisposeAsync();

        RecordingSession replay = Start(RecordingMode.Replay);
        using (Row())
        {
            await client.GetResponseAsync("What is the refund window for laptop?");
        }

        ModelUsage replayed = replay.Usage.For(RowId);
        recorded.Tokens.Should().Be(new ModelTokens(120, 30));
        recorded.Replayed.Should().Be(0);
        replayed.Tokens.Should().Be(new ModelTokens(120, 30), "a replayed answer's recorded usage counts");
        replayed.Replayed.Should().Be(1, "so that a latency budget is not checked against replay timing");
        replayed.Models.Should().ContainKey("gpt-test");
    }

    [Fact]
    public async Task Live_calls_of_the_source_and_follow_up_runs_count_and_judge_calls_do_not()
    {
        FakeOpenAIServer server = await StartServerAsync(_ => ScriptedResponse.Completion("30 days", new ScriptedUsage(10, 5)));
        IChatClient client = RecordedClient(server);
        RecordingSession live = Start(RecordingMode.Live);
        using (Row("laptop/formal/typos", phase: EvalCallContext.FollowUpPhase))
        {
            await client.GetResponseAsync("Whta is the refund window for laptop?");
        }

        using (Row("laptop/formal/identity"))
        {
            await client.GetResponseAsync("What is the refund window for laptop?");
        }

        using (Row("laptop/formal/typos", phase: EvalCallContext.JudgePhase))
        {
            await client.GetResponseAsync("Judge this.");
        }

        ModelUsage usage = live.Usage.For(Suite + ".RefundWindow/laptop/formal/typos", Suite + ".RefundWindow/laptop/formal/identity");

        usage.Calls.Should().Be(2, "the relation row's follow-up run and the source run it uses; judges are counted from their verdicts");
        usage.Tokens.Should().Be(new ModelTokens(20, 10));
    }

    [Fact]
    public async Task An_answer_without_usage_is_counted_as_such()
    {
        FakeOpenAIServer server = await StartServerAsync(_ => ScriptedResponse.Raw(200, """{"id":"x","object":"chat.completion","created":1,"model":"gpt-test","choices":[{"index":0,"message":{"role":"assistant","content":"30 days"},"finish_reason":"stop"}]}"""));
        IChatClient client = RecordedClient(server);
        RecordingSession live = Start(RecordingMode.Live);
        using (Row())
        {
            await client.GetResponseAsync("What is the refund window for laptop?");
        }

        live.Usage.For(RowId).CallsWithoutUsage.Should().Be(1);
    }
}
