using System;
using System.Collections.Generic;
using EvalSpec.Agents;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;
using static EvalSpec.Judges.Tests.Agents.AgentRuns;

namespace EvalSpec.Judges.Tests.Review;

/// <summary>Review findings on reading an agent run's tool calls and their results.</summary>
public sealed class AgentTrajectoryReviewTests
{
    [Fact]
    public void A_call_id_reused_in_a_later_step_gets_its_own_result_not_the_first_one()
    {
        // Call ids are provider-made; nothing makes them unique across steps (some OpenAI-compatible servers number
        // them per response: call_0 in every step). Results are looked up by id with first-wins, so the second call
        // gets the first call's result and its failure disappears.
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Refund orders A and B"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_0", "refund", Args(("id", "A")))]),
            new(ChatRole.Tool, [new FunctionResultContent("call_0", "refunded A")]),
            new(ChatRole.Assistant, [new FunctionCallContent("call_0", "refund", Args(("id", "B")))]),
            new(ChatRole.Tool, [new FunctionResultContent("call_0", "Error: Function failed.") { Exception = new InvalidOperationException("B is not refundable") }]),
            new(ChatRole.Assistant, "Both orders were refunded."),
        ];

        AgentTrajectory run = AgentTrajectory.FromMessages(messages);

        run.ToolCalls[1].Error.Should().NotBeNull("refund(B) threw; the trajectory says it returned \"{0}\"", run.ToolCalls[1].Result);
        run.FailedCalls.Should().Be(1);
    }
}
