using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// Whole tool loops (FunctionInvokingChatClient over the recorded real OpenAI client) against a server that makes up a new
/// random call id for every tool call, as OpenAI does.
/// </summary>
public sealed class ToolLoopRecordingTests : RecordingTestBed
{
    private const string Question = "Please refund order A-17, it arrived broken.";

    private static readonly ToolLoopScript Script = new ToolLoopScript()
        .WhenUser("refund order A-17", new ScriptedToolCall("get_order", "{\"id\":\"A-17\"}"))
        .WhenToolResult("delivered", new ScriptedToolCall("refund", "{\"id\":\"A-17\",\"amount\":19.99}"))
        .WhenToolResultReply("refunded", "Refunded: {result}");

    private static (IChatClient Client, ChatOptions Options) Agent(FakeOpenAIServer server)
    {
        var options = new ChatOptions
        {
            Tools =
            [
                AIFunctionFactory.Create((string id) => new { id, status = "delivered" }, "get_order"),
                AIFunctionFactory.Create((string id, double amount) => "refunded " + id, "refund"),
            ],
        };
        return (new ChatClientBuilder(RecordedClient(server)).UseFunctionInvocation().Build(), options);
    }

    private async Task<ChatResponse> RunLoopAsync(IChatClient client, ChatOptions options)
    {
        using (Row())
        {
            return await client.GetResponseAsync(Question, options);
        }
    }

    [Fact]
    public async Task Re_recording_an_unchanged_tool_loop_writes_the_same_bytes()
    {
        FakeOpenAIServer server = await StartServerAsync(Script.Respond);
        (IChatClient client, ChatOptions options) = Agent(server);

        RecordingSession first = Start(RecordingMode.Record);
        await RunLoopAsync(client, options);
        first.Complete();
        byte[] firstBytes = await File.ReadAllBytesAsync(SuiteFile);

        RecordingSession second = Start(RecordingMode.Record);
        await RunLoopAsync(client, options);
        second.Complete();
        byte[] secondBytes = await File.ReadAllBytesAsync(SuiteFile);

        server.Requests.Should().HaveCount(6, "both runs called the model three times");
        string ids = string.Join(",", server.Requests.Select(r => r.RawBody).Where(b => b.Contains("tool_call_id", System.StringComparison.Ordinal)));
        ids.Should().NotBeEmpty();
        EntriesOf(SuiteFile).Should().HaveCount(3);
        secondBytes.Should().Equal(firstBytes, "the provider's random call ids are numbered in keys and answers");
        File.ReadAllText(SuiteFile).Should().Contain("\"callId\": \"call_1\"").And.NotContainAny("call_0", "call_a", "call_b", "call_c");
    }

    [Fact]
    public async Task A_recorded_tool_loop_replays_with_the_server_stopped()
    {
        FakeOpenAIServer server = await StartServerAsync(Script.Respond);
        (IChatClient client, ChatOptions options) = Agent(server);
        RecordingSession record = Start(RecordingMode.Record);
        ChatResponse live = await RunLoopAsync(client, options);
        record.Complete();
        await server.DisposeAsync();

        RecordingSession replay = Start(RecordingMode.Replay);
        ChatResponse replayed = await RunLoopAsync(client, options);

        replayed.Text.Should().Be(live.Text).And.Be("Refunded: \"refunded A-17\"");
        replayed.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => (c.CallId, c.Name))
            .Should().Equal(("call_1", "get_order"), ("call_2", "refund"));
        replay.Statistics.Should().BeEquivalentTo(new { Replayed = 3, Recorded = 0, Live = 0, Misses = 0 });
    }
}
