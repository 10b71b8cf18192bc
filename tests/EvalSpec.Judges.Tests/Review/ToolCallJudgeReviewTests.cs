using System.Collections.Generic;
using System.Threading.Tasks;
using EvalSpec.Agents;
using EvalSpec.Judging;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;
using static EvalSpec.Judges.Tests.Agents.AgentRuns;

namespace EvalSpec.Judges.Tests.Review;

/// <summary>Review finding: an expected tool call is met by a call whose arguments could not be read (the tool never ran), and the pass says nothing of it.</summary>
public sealed class ToolCallJudgeReviewTests
{
    [Fact]
    public async Task An_expected_call_whose_arguments_could_not_be_read_does_not_pass_silently()
    {
        // The model asked for get_order with arguments that were not JSON: FunctionInvokingChatClient never ran the tool.
        var call = new FunctionCallContent("call_x", "get_order") { Exception = new System.Text.Json.JsonException("'}' is invalid after a value") };
        List<ChatMessage> messages =
        [
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("call_x", "Error: Function failed.")]),
            new(ChatRole.Assistant, "Your order has shipped."),
        ];
        AgentTrajectory run = AgentTrajectory.FromMessages(messages);
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order")]);

        Verdict verdict = await judge.JudgeAsync(Request(run));

        run.ToolCalls[0].Failed.Should().BeTrue();
        verdict.Outcome.Should().NotBe(VerdictOutcome.Pass, "get_order never ran; the pass reads \"{0}\"", verdict.Rationale);
    }
}
