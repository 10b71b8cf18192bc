using System;
using System.Collections.Generic;
using System.Linq;
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
        public void The_context_an_eval_method_adds_is_kept_when_it_returns_a_conversation_exchange()
    {
        EvalInput input = Input();
        input.AddContext("Laptops can be returned within 30 days of delivery.");
        List<ChatMessage> exchange = [new(ChatRole.User, "How long can I return a laptop?"), new(ChatRole.Assistant, "Within 30 days.")];

        MethodRun run = MethodRun.Completed(input, exchange, TimeSpan.Zero);

        run.Context.Should().NotBeNull("the method gave its retrieved passages with input.AddContext");
    }

    [Fact]
        public void A_pinned_verdict_does_not_decide_an_agent_run_whose_tool_calls_changed_behind_the_same_final_answer()
    {
        // A person passed the run that called refund(A-17). The agent now calls delete_order(A-17) and still says "Done.".
        // The runner keys the pin on source.OutputText, which for an agent run is the final answer only, so the person's
        // pass replaces the rubric panel, ToolCallJudge (registered with AddRubricJudge) included.
        MethodRun judged = MethodRun.Completed(Input(), Agent("refund"), TimeSpan.Zero);
        MethodRun changed = MethodRun.Completed(Input(), Agent("delete_order"), TimeSpan.Zero);
        BaselineEntry entry = Baseline.Entry(VerdictOutcome.Pass, null, null) with { Person = new PersonVerdict("pass", ReviewQueue.IdOf(Row, judged.JudgedIdentity)) };

        PinnedVerdict pinned = PinnedVerdict.For(entry, Row, changed.JudgedIdentity, "rubric", "evalspec.baseline.json");

        pinned.Check.Should().BeNull("the person judged a run that called refund, not one that called delete_order");
        PinnedVerdict.For(entry, Row, judged.JudgedIdentity, "rubric", "evalspec.baseline.json").Check.Should().NotBeNull("the same run is the output the person judged");
    }

    [Fact]
        public void JudgeEachTurn_judges_every_assistant_turn_of_an_exchange_that_has_tool_calls()
    {
        // A conversation replayed turn by turn through a tool-calling client: the returned exchange has tool calls, so
        // MethodRun reads it as an agent run and keeps only the final answer as Output. The runner then finds no exchange
        // to split (ConversationTurnJudging.Requests(source.Output, ...)) and judges the final answer alone: the rude
        // second turn is judged neither on its own nor as part of a whole, and nothing says so.
        List<ChatMessage> exchange =
        [
            new(ChatRole.User, "Where is order A-17?"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "get_order", new Dictionary<string, object?> { ["id"] = "A-17" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "lost in transit")]),
            new(ChatRole.Assistant, "It is lost. Not my problem."),
            new(ChatRole.User, "Can you refund it?"),
            new(ChatRole.Assistant, [new FunctionCallContent("c2", "refund", new Dictionary<string, object?> { ["id"] = "A-17" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c2", "refunded 19.99")]),
            new(ChatRole.Assistant, "Refunded 19.99 on A-17."),
        ];

        MethodRun run = MethodRun.Completed(Input(), exchange, TimeSpan.Zero);
        IReadOnlyList<(string Turn, JudgeRequest Request)>? turns = ConversationTurnJudging.Requests(run.Exchange ?? run.Output, new JudgeRequest(run.OutputText) { RowId = Row });

        turns.Should().NotBeNull("the method returned the whole exchange and JudgeEachTurn asks for every assistant turn to be judged");
        turns!.Select(t => t.Request.Output).Should().Equal(new[] { "It is lost. Not my problem.", "Refunded 19.99 on A-17." }, "tool-call-only steps are not turns");
    }
}
