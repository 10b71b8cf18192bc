using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Testing.OpenAI.Tests;

/// <summary>Tool loops driven by the real FunctionInvokingChatClient over the real OpenAI client against a scripted server.</summary>
public sealed class ToolLoopScriptTests
{
    private static ToolLoopScript RefundScript() => new ToolLoopScript()
        .WhenUser("refund order (?<id>A-\\d+)", new ScriptedToolCall("get_order", "{\"id\":\"A-17\"}"))
        .WhenToolResult("\"status\":\\s*\"delivered\"", new ScriptedToolCall("refund", "{\"id\":\"A-17\",\"amount\":19.99}"))
        .WhenToolResultReply("refunded", "Done: {result}");

    private static (IChatClient Client, List<string> Invoked, ChatOptions Options) Agent(FakeOpenAIServer server)
    {
        var invoked = new List<string>();
        var options = new ChatOptions
        {
            Tools =
            [
                AIFunctionFactory.Create((string id) => { invoked.Add("get_order " + id); return new { id, status = "delivered" }; }, "get_order"),
                AIFunctionFactory.Create((string id, double amount) => { invoked.Add("refund " + id + " " + amount.ToString(System.Globalization.CultureInfo.InvariantCulture)); return "refunded " + id; }, "refund"),
            ],
        };
        IChatClient client = new ChatClientBuilder(server.CreateChatClient("agent-model")).UseFunctionInvocation().Build();
        return (client, invoked, options);
    }

    [Fact]
    public async Task Function_invocation_runs_the_scripted_loop_over_real_http()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = RefundScript().Respond;
        (IChatClient client, List<string> invoked, ChatOptions options) = Agent(server);

        ChatResponse response = await client.GetResponseAsync("Please refund order A-17, it arrived broken.", options);

        invoked.Should().Equal("get_order A-17", "refund A-17 19.99");
        response.Text.Should().Be("Done: \"refunded A-17\"", "the tool result is sent as JSON, a string result quoted");
        response.Messages.Select(m => m.Role.Value).Should().Equal("assistant", "tool", "assistant", "tool", "assistant");
        server.Requests.Should().HaveCount(3);
        JsonElement third = server.Requests[2].Body!.Value.GetProperty("messages");
        third.GetArrayLength().Should().Be(5, "user, assistant call, tool result, assistant call, tool result");
        string callId = third[3].GetProperty("tool_calls")[0].GetProperty("id").GetString()!;
        third[4].GetProperty("tool_call_id").GetString().Should().Be(callId, "the tool result answers the call it belongs to");
        server.Requests[0].Body!.Value.GetProperty("tools").GetArrayLength().Should().Be(2, "the tools are sent as OpenAI function tools");
    }

    [Fact]
    public async Task Call_ids_are_new_and_random_in_every_response()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = RefundScript().Respond;
        (IChatClient client, _, ChatOptions options) = Agent(server);

        ChatResponse first = await client.GetResponseAsync("refund order A-17", options);
        ChatResponse second = await client.GetResponseAsync("refund order A-17", options);

        string[] Ids(ChatResponse r) => r.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId).ToArray();
        Ids(first).Should().HaveCount(2).And.OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().MatchRegex("^call_[0-9a-f]{24}$"));
        Ids(second).Should().NotIntersectWith(Ids(first));
    }

    [Fact]
    public async Task Arguments_that_are_not_json_reach_the_client_verbatim()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(ScriptedResponse.ToolCalls(new ScriptedToolCall("get_order", "{\"id\": A-17")));
        IChatClient client = server.CreateChatClient("agent-model");

        ChatResponse response = await client.GetResponseAsync("refund order A-17");

        FunctionCallContent call = response.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        call.Name.Should().Be("get_order");
        call.Exception.Should().NotBeNull("M.E.AI reports arguments it could not parse");
        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task A_turn_no_rule_answers_is_an_http_500_naming_the_last_message()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = RefundScript().Respond;
        IChatClient client = server.CreateChatClient("agent-model");

        Func<Task> call = () => client.GetResponseAsync("What is the weather?");

        (await call.Should().ThrowAsync<System.ClientModel.ClientResultException>())
            .Which.Message.Should().Contain("no rule answers a request whose last message is user \"What is the weather?\"");
    }
}
