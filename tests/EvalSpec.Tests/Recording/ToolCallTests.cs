using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>A tool-calling conversation: recording next to the provider records each round trip, and tools still run on replay.</summary>
public sealed class ToolCallTests : RecordingTestBed
{
    private const string ToolCall = """
        {"id":"chatcmpl-tool","object":"chat.completion","created":1700000000,"model":"gpt-test",
         "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"refund_window","arguments":"{\"product\":\"laptop\"}"}}]},"finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":20,"completion_tokens":7,"total_tokens":27}}
        """;

    private int _toolCalls;

    [Fact]
    public async Task Each_round_trip_of_a_tool_loop_is_recorded_and_the_tool_runs_again_on_replay()
    {
        FakeOpenAIServer server = await StartServerAsync(request => request.Messages.Any(m => m.Role == "tool")
            ? ScriptedResponse.Completion("The refund window is " + request.Messages.Last(m => m.Role == "tool").Text.Trim('"'))
            : ScriptedResponse.Raw(200, ToolCall));
        IChatClient client = new ChatClientBuilder(server.CreateChatClient("gpt-test"))
            .UseFunctionInvocation()
            .Use(inner => inner.WithEvalSpecRecording("sut"))
            .Build();
        Start(RecordingMode.Record);
        using (Row())
        {
            (await client.GetResponseAsync("Refund window for laptop?", Options())).Text.Should().Be("The refund window is 30 days");
        }

        CurrentSession.Complete();
        EntriesOf(SuiteFile).Should().HaveCount(2, "the tool call and the final answer are two model round trips");
        await server.DisposeAsync();

        Start(RecordingMode.Replay);
        using (Row())
        {
            (await client.GetResponseAsync("Refund window for laptop?", Options())).Text.Should().Be("The refund window is 30 days");
        }

        server.Requests.Should().HaveCount(2);
        _toolCalls.Should().Be(2, "the tool ran in the recording run and again in the replay");
    }

    private ChatOptions Options() => new()
    {
        Tools =
        [
            AIFunctionFactory.Create(
                (string product) =>
                {
                    Interlocked.Increment(ref _toolCalls);
                    return product == "laptop" ? "30 days" : "14 days";
                },
                "refund_window",
                "The refund window of a product."),
        ],
    };
}
