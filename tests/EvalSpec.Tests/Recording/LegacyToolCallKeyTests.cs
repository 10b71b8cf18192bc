using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Reporting;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// Recordings of tool loops made before tool call ids were numbered (keys hashed over the provider's ids as sent, answers
/// with those ids) still replay, and are never rewritten or dropped by a run that replays them.
/// </summary>
public sealed class LegacyToolCallKeyTests : RecordingTestBed
{
    private const string Question = "Please refund order A-17, it arrived broken.";

    private static readonly ToolLoopScript Script = new ToolLoopScript()
        .WhenUser("refund order A-17", new ScriptedToolCall("get_order", "{\"id\":\"A-17\"}"))
        .WhenToolResult("delivered", new ScriptedToolCall("refund", "{\"id\":\"A-17\",\"amount\":19.99}"))
        .WhenToolResultReply("refunded", "Refunded: {result}");

    private static ChatOptions Options() => new()
    {
        Tools =
        [
            AIFunctionFactory.Create((string id) => new { id, status = "delivered" }, "get_order"),
            AIFunctionFactory.Create((string id, double amount) => "refunded " + id, "refund"),
        ],
    };

    /// <summary>Records a loop as EvalSpec did before the numbering, into the suite's file.</summary>
    private async Task<string> RecordAsOldEvalSpecAsync()
    {
        FakeOpenAIServer server = await StartServerAsync(Script.Respond);
        IChatClient old = new ChatClientBuilder(new PreNumberingRecordingClient(server.CreateChatClient("gpt-test", "test-key"), "sut")).UseFunctionInvocation().Build();
        RecordingSession session = Start(RecordingMode.Record);
        using (Row())
        {
            await old.GetResponseAsync(Question, Options());
        }

        session.Complete();
        await server.DisposeAsync();
        string text = File.ReadAllText(SuiteFile);
        text.Should().NotContain("\"callId\": \"call_1\"", "the old recording keeps the server's random ids");
        EntriesOf(SuiteFile).Should().HaveCount(3);
        return text;
    }

    [Fact]
    public async Task A_tool_loop_recorded_before_call_ids_were_numbered_replays_with_the_server_stopped()
    {
        await RecordAsOldEvalSpecAsync();
        IChatClient client = new ChatClientBuilder(new ThrowingChatClient().WithEvalSpecRecording("sut")).UseFunctionInvocation().Build();

        RecordingSession replay = Start(RecordingMode.Replay);
        ChatResponse replayed;
        using (Row())
        {
            replayed = await client.GetResponseAsync(Question, Options());
        }

        replayed.Text.Should().Be("Refunded: \"refunded A-17\"");
        replay.Statistics.Should().BeEquivalentTo(new { Replayed = 3, Misses = 0, LegacyKeyReplayed = 2 }, "the two turns after a tool call are found by their old keys");
    }

    [Fact]
    public async Task An_auto_run_that_replays_old_keys_leaves_the_file_as_it_was_and_says_so()
    {
        string before = await RecordAsOldEvalSpecAsync();
        IChatClient client = new ChatClientBuilder(new ThrowingChatClient().WithEvalSpecRecording("sut")).UseFunctionInvocation().Build();

        RecordingSession auto = Start(RecordingMode.Auto);
        using (Row())
        {
            (await client.GetResponseAsync(Question, Options())).Text.Should().Be("Refunded: \"refunded A-17\"");
        }

        auto.Complete();
        File.ReadAllText(SuiteFile).Should().Be(before, "a replay never rewrites a curated recording");
        auto.Statistics.Should().BeEquivalentTo(new { Replayed = 3, Recorded = 0, Added = 0, Replaced = 0, Removed = 0, LegacyKeyReplayed = 2 });
        RunSummaryWriter.DescribeRecording(auto.Statistics).Should().Contain("2 call(s) replayed from entries keyed before tool call ids were numbered");
    }

    [Fact]
    public async Task A_record_run_with_the_model_down_keeps_the_old_entries()
    {
        string before = await RecordAsOldEvalSpecAsync();
        IChatClient client = new ChatClientBuilder(new ThrowingChatClient().WithEvalSpecRecording("sut")).UseFunctionInvocation().Build();

        RecordingSession record = Start(RecordingMode.Record);
        using (Row())
        {
            System.Func<Task> call = () => client.GetResponseAsync(Question, Options());
            await call.Should().ThrowAsync<IOException>();
        }

        const string RowId = Suite + ".RefundWindow/laptop/formal";
        record.RowEnded(new RowRunReport(RowId, RowId, false, true, true));
        record.Complete();
        File.ReadAllText(SuiteFile).Should().Be(before, "a record run whose model calls fail replaces and removes nothing, old keys included");
    }

    [Fact]
    public async Task A_record_run_writes_old_entries_again_under_numbered_keys()
    {
        await RecordAsOldEvalSpecAsync();
        FakeOpenAIServer server = await StartServerAsync(Script.Respond);
        IChatClient client = new ChatClientBuilder(RecordedClient(server)).UseFunctionInvocation().Build();

        RecordingSession record = Start(RecordingMode.Record);
        using (Row())
        {
            await client.GetResponseAsync(Question, Options());
        }

        const string RowId = Suite + ".RefundWindow/laptop/formal";
        record.RowEnded(new RowRunReport(RowId, RowId, true, true, true));
        record.Complete();
        EntriesOf(SuiteFile).Should().HaveCount(3, "each old entry is replaced by the same call under its new key, none is left behind or lost");
        File.ReadAllText(SuiteFile).Should().Contain("\"callId\": \"call_1\"");
    }

    [Fact]
    public void The_old_key_is_only_computed_where_it_differs()
    {
        var plain = new List<ChatMessage> { new(ChatRole.User, "hello") };
        string hash = RequestFingerprint.Chat("sut", "m", plain, null);
        RequestFingerprint.LegacyChat(hash, "sut", "m", plain, null).Should().BeNull("a conversation without tool calls kept its key");

        var numbered = new List<ChatMessage>
        {
            new(ChatRole.User, "hello"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "f")]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "r")]),
        };
        RequestFingerprint.LegacyChat(RequestFingerprint.Chat("sut", "m", numbered, null), "sut", "m", numbered, null).Should().BeNull();

        var random = new List<ChatMessage>
        {
            new(ChatRole.User, "hello"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_Zq8", "f")]),
            new(ChatRole.Tool, [new FunctionResultContent("call_Zq8", "r")]),
        };
        string numberedHash = RequestFingerprint.Chat("sut", "m", random, null);
        RequestFingerprint.LegacyChat(numberedHash, "sut", "m", random, null).Should().NotBeNull().And.NotBe(numberedHash);
    }

    /// <summary>The recording client as it was before tool call ids were numbered: keys and answers with the ids as sent.</summary>
    private sealed class PreNumberingRecordingClient(IChatClient inner, string name) : DelegatingChatClient(inner)
    {
        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            RecordingSession session = EvalFlow.Current!.Recording!;
            List<ChatMessage> conversation = messages.ToList();
            var call = new RecordingCall(
                EvalCallContext.Current,
                name,
                RequestFingerprint.ChatKind,
                RequestFingerprint.Chat(name, "gpt-test", conversation, options, numberToolCallIds: false),
                () => RequestFingerprint.ChatSummary("gpt-test", conversation, options));
            session.Lookup(call).Should().BeNull("the old recording is made in a Record run");
            ChatResponse response = await base.GetResponseAsync(conversation, options, cancellationToken);
            session.Record(call, RecordedResponses.FromChatResponse(response, name, toolCallIds: null));
            return response;
        }
    }

    /// <summary>A model that is not there: a replay must not reach it.</summary>
    private sealed class ThrowingChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new IOException("the model was called: the recording did not replay");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new IOException("the model was called: the recording did not replay");

        public object? GetService(System.Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("test", null, "gpt-test") : null;

        public void Dispose()
        {
        }
    }
}
