using System;
using System.Collections.Generic;
using EvalSpec.Agents;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;
using static EvalSpec.Judges.Tests.Agents.AgentRuns;

namespace EvalSpec.Judges.Tests.Agents;

public sealed class AgentTrajectoryTests
{
    [Fact]
    public void Reads_calls_results_steps_and_the_final_answer_of_a_message_list()
    {
        AgentTrajectory run = AgentTrajectory.FromMessages(Messages("Refunded.", ("get_order", Args(("id", "A-17"))), ("refund", Args(("id", "A-17")))));

        run.Steps.Should().Be(3);
        run.FinalAnswer.Should().Be("Refunded.");
        run.ToolCalls.Should().HaveCount(2);
        run.ToolCalls[1].Should().BeEquivalentTo(new { Index = 2, Step = 2, Name = "refund", Result = "ok #2", Error = (string?)null });
    }

    [Fact]
    public void Parallel_calls_share_a_step()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.Assistant, [new FunctionCallContent("a", "x"), new FunctionCallContent("b", "y")]),
            new(ChatRole.Tool, [new FunctionResultContent("b", "B"), new FunctionResultContent("a", "A")]),
            new(ChatRole.Assistant, "both"),
        ];

        AgentTrajectory run = AgentTrajectory.FromMessages(messages);

        run.Steps.Should().Be(2);
        run.ToolCalls.Should().SatisfyRespectively(
            first => first.Should().BeEquivalentTo(new { Step = 1, Name = "x", Result = "A" }),
            second => second.Should().BeEquivalentTo(new { Step = 1, Name = "y", Result = "B" }));
    }

    [Fact]
    public void A_response_is_an_agent_run_and_text_is_not()
    {
        var response = new ChatResponse([new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "get_order")]), new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "shipped")]), new ChatMessage(ChatRole.Assistant, "It shipped.")]);

        AgentTrajectory.TryFrom(response)!.ToolCalls.Should().ContainSingle().Which.Result.Should().Be("shipped");
        AgentTrajectory.TryFrom("It shipped.").Should().BeNull();
        AgentTrajectory.TryFrom(new { answer = 1 }).Should().BeNull();
    }

    [Fact]
    public void Arguments_are_canonical_json_whatever_the_order_they_came_in()
    {
        AgentTrajectory a = Run(("refund", Args(("reason", "late"), ("id", "A-17"), ("amount", 2))));
        AgentTrajectory b = Run(("refund", Args(("amount", 2), ("id", "A-17"), ("reason", "late"))));

        a.ToolCalls[0].ArgumentsText.Should().Be("{\"amount\":2,\"id\":\"A-17\",\"reason\":\"late\"}").And.Be(b.ToolCalls[0].ArgumentsText);
    }

    [Fact]
    public void Failed_and_missing_results_are_errors_and_repeats_are_counted()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.Assistant, [new FunctionCallContent("1", "get_order", Args(("id", "A")))]),
            new(ChatRole.Tool, [new FunctionResultContent("1", "Error: Function failed.") { Exception = new InvalidOperationException("database down") }]),
            new(ChatRole.Assistant, [new FunctionCallContent("2", "get_order", Args(("id", "A")))]),
            new(ChatRole.Assistant, [new FunctionCallContent("3", "get_order", Args(("id", "B")))]),
            new(ChatRole.Tool, [new FunctionResultContent("3", new { status = "shipped" })]),
        ];

        AgentTrajectory run = AgentTrajectory.FromMessages(messages);

        run.ToolCalls[0].Error.Should().Be("InvalidOperationException: database down");
        run.ToolCalls[1].Error.Should().Be("the run has no result for this call");
        run.ToolCalls[2].Result.Should().Be("{\"status\":\"shipped\"}");
        run.FailedCalls.Should().Be(2);
        run.RepeatedCalls.Should().Be(1);
        run.FinalAnswer.Should().BeEmpty("the run ended on a tool call");
    }

    [Fact]
    public void Renders_one_line_per_call_and_the_answer()
    {
        AgentTrajectory run = Run(("get_order", Args(("id", "A-17"))));

        run.Render().Should().Be("2 step(s), 1 tool call(s)\n1. [step 1] get_order({\"id\":\"A-17\"}) -> ok #1\nAnswer: done");
    }

    [Fact]
    public void The_json_form_has_no_call_ids()
    {
        string first = Run(("get_order", Args(("id", "A-17")))).ToJson(withAnswer: true).ToJsonString();
        string second = Run(("get_order", Args(("id", "A-17")))).ToJson(withAnswer: true).ToJsonString();

        first.Should().Be(second).And.Be("{\"steps\":2,\"toolCalls\":[{\"call\":1,\"step\":1,\"name\":\"get_order\",\"arguments\":{\"id\":\"A-17\"},\"result\":\"ok #1\"}],\"answer\":\"done\"}");
    }
}
