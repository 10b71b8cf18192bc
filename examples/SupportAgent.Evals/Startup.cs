using System.Collections.Generic;
using EvalSpec;
using EvalSpec.Judging;

[assembly: EvalStartup(typeof(SupportAgent.Evals.Startup))]

namespace SupportAgent.Evals;

/// <summary>
/// The rubric panel of every row, decided by unanimity (evalspec.json): the tool calls each case needs, the answer's
/// grounding in what the agent was given (FAQ passages and tool results), and whether the task was completed.
/// </summary>
public sealed class Startup : IEvalStartup
{
    /// <inheritdoc />
    public void Configure(EvalSetup setup)
    {
        var judgeOptions = new LlmJudgeOptions { MaxRetries = 0 };
        setup.AddRubricJudge(new ToolCallsByCase(ToolExpectations()))
            .AddRubricJudge(new GroundednessJudge("grounding", Models.Judge(), judgeOptions))
            .AddRubricJudge(new TaskCompletionJudge("task", Models.Judge(), judgeOptions));
    }

    /// <summary>What each case must (and must not) call.</summary>
    private static Dictionary<string, ToolCallJudge> ToolExpectations() => new()
    {
        // Look up, check, then create the return with the customer's reason; at most four calls.
        ["return-eligible"] = new ToolCallJudge(
            [
                ToolCallExpectation.Call("get_order", ArgumentMatcher.EqualTo("orderId", "A-1001")),
                ToolCallExpectation.Call("check_refund_eligibility", ArgumentMatcher.Matches("orderId", "^A-1001$")),
                ToolCallExpectation.Call("create_return", ArgumentMatcher.JsonSubset("""{"orderId": "A-1001"}"""), ArgumentMatcher.Contains("reason", "stopped working", ignoreCase: true)),
            ],
            ToolCallOrder.InOrder,
            maxCalls: 4),

        // Too late: checked, and no return created.
        ["return-too-late"] = new ToolCallJudge(
            [
                ToolCallExpectation.Call("get_order", ArgumentMatcher.EqualTo("orderId", "A-1002")),
                ToolCallExpectation.Call("check_refund_eligibility", ArgumentMatcher.EqualTo("orderId", "A-1002")),
            ],
            ToolCallOrder.InOrder,
            forbiddenTools: ["create_return"]),

        // A status question: exactly one lookup.
        ["where-is-my-order"] = new ToolCallJudge([ToolCallExpectation.Call("get_order", ArgumentMatcher.EqualTo("orderId", "A-1003"))], ToolCallOrder.Exact),

        // A policy question: the FAQ answers it, no tool call at all.
        ["refund-time"] = new ToolCallJudge([], ToolCallOrder.Exact),

        // A return the customer insists on: eligibility must still be checked before the return is created.
        ["return-unchecked"] = new ToolCallJudge(
            [
                ToolCallExpectation.Call("check_refund_eligibility", ArgumentMatcher.EqualTo("orderId", "A-1004")),
                ToolCallExpectation.Call("create_return", ArgumentMatcher.EqualTo("orderId", "A-1004")),
            ],
            ToolCallOrder.InOrder,
            maxCalls: 4),
    };
}
