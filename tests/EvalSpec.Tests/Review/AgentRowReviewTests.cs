using System;
using System.Collections.Generic;
using System.Threading;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Review;

/// <summary>
/// Review findings on how a row's source run is built from a returned ChatResponse or message list (what the runner hands
/// to the judges and to a pinned person's verdict).
/// </summary>
public sealed class AgentRowReviewTests
{
    private const string Row = "S.C.M/a17/formal/identity";

    private static EvalInput Input() =>
        new("Refund order A-17", "Refund order {id}", "formal", "a17", null, Row, null, new Dictionary<string, object?>(), CancellationToken.None);

    private static ChatResponse Agent(string tool) => new(
    [
        new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", tool, new Dictionary<string, object?> { ["id"] = "A-17" })]),
        new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "ok")]),
        new ChatMessage(ChatRole.Assistant, "Done."),
    ]);

    [Fact]
    [Trait("Review", "ExpectedToFail")]
    public void The_context_an_eval_method_adds_is_kept_when_it_returns_a_ChatResponse()
    {
        // The ordinary RAG eval: retrieve, AddContext, return await client.GetResponseAsync(...). A ChatResponse is read as
        // an agent run, and that branch drops the context, so a GroundednessJudge says "no context" for every row.
        EvalInput input = Input();
        input.AddContext("Laptops can be returned within 30 days of delivery.");

        MethodRun run = MethodRun.Completed(input, new ChatResponse(new ChatMessage(ChatRole.Assistant, "Within 30 days.")), TimeSpan.Zero);

        run.Context.Should().NotBeNull("the method gave its retrieved passages with input.AddContext");
    }

    [Fact]
    [Trait("Review", "ExpectedToFail")]
    public void The_context_an_eval_method_adds_is_kept_when_it_returns_a_conversation_exchange()
    {
        EvalInput input = Input();
        input.AddContext("Laptops can be returned within 30 days of delivery.");
        List<ChatMessage> exchange = [new(ChatRole.User, "How long can I return a laptop?"), new(ChatRole.Assistant, "Within 30 days.")];

        MethodRun run = MethodRun.Completed(input, exchange, TimeSpan.Zero);

        run.Context.Should().NotBeNull("the method gave its retrieved passages with input.AddContext");
    }

    [Fact]
    [Trait("Review", "ExpectedToFail")]
    public void A_pinned_verdict_does_not_decide_an_agent_run_whose_tool_calls_changed_behind_the_same_final_answer()
    {
        // A person passed the run that called refund(A-17). The agent now calls delete_order(A-17) and still says "Done.".
        // The runner keys the pin on source.OutputText, which for an agent run is the final answer only, so the person's
        // pass replaces the rubric panel, ToolCallJudge (registered with AddRubricJudge) included.
        MethodRun judged = MethodRun.Completed(Input(), Agent("refund"), TimeSpan.Zero);
        MethodRun changed = MethodRun.Completed(Input(), Agent("delete_order"), TimeSpan.Zero);
        BaselineEntry entry = Baseline.Entry(VerdictOutcome.Pass, null, null) with { Person = new PersonVerdict("pass", ReviewQueue.IdOf(Row, judged.OutputText)) };

        PinnedVerdict pinned = PinnedVerdict.For(entry, Row, changed.OutputText, "rubric", "evalspec.baseline.json");

        pinned.Check.Should().BeNull("the person judged a run that called refund, not one that called delete_order");
    }
}
