using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using EvalSpec.Agents;
using EvalSpec.Judging;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;
using static EvalSpec.Judges.Tests.Agents.AgentRuns;

namespace EvalSpec.Judges.Tests.Agents;

public sealed class ToolCallJudgeTests
{
    private static readonly AgentTrajectory LookupThenRefund = Run(
        ("get_order", Args(("id", "A-17"))),
        ("refund", Args(("id", "A-17"), ("amount", 19.99), ("reason", "Damaged on arrival"))));

    private static async Task<Verdict> Judge(ToolCallJudge judge, AgentTrajectory run) => await judge.JudgeAsync(Request(run));

    [Fact]
    public async Task Any_order_passes_when_every_expected_call_was_made_in_another_order()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("refund"), ToolCallExpectation.Call("get_order", ArgumentMatcher.EqualTo("id", "A-17"))]);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1);
        verdict.Rationale.Should().Contain("refund = #2, get_order = #1");
    }

    [Fact]
    public async Task Any_order_fails_naming_the_missing_call_and_listing_the_actual_calls()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order"), ToolCallExpectation.Call("cancel_order")]);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
        verdict.Rationale.Should().Contain("expected cancel_order(): no call of 'cancel_order' was made")
            .And.Contain("Actual calls: #1 get_order({\"id\":\"A-17\"}); #2 refund({\"amount\":19.99,\"id\":\"A-17\",\"reason\":\"Damaged on arrival\"})");
    }

    [Fact]
    public async Task Any_order_finds_an_assignment_a_greedy_match_would_miss()
    {
        // The loose first expectation would take call #1, the only one the strict second expectation accepts.
        AgentTrajectory run = Run(("search", Args(("q", "refund policy"))), ("search", Args(("q", "shipping"))));
        var judge = new ToolCallJudge([
            ToolCallExpectation.Call("search"),
            ToolCallExpectation.Call("search", ArgumentMatcher.Contains("q", "refund"))]);

        Verdict verdict = await Judge(judge, run);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task In_order_passes_with_other_calls_in_between()
    {
        AgentTrajectory run = Run(("get_order", Args(("id", "A-17"))), ("search", Args(("q", "policy"))), ("refund", Args(("id", "A-17"))));
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order"), ToolCallExpectation.Call("refund")], ToolCallOrder.InOrder);

        (await Judge(judge, run)).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task In_order_fails_when_the_calls_come_in_the_other_order()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("refund"), ToolCallExpectation.Call("get_order")], ToolCallOrder.InOrder);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("expected get_order() (2nd expected call): not matched (#1 get_order matches but comes before the previous expected call)");
    }

    [Fact]
    public async Task Exact_passes_only_for_the_same_calls_in_the_same_order()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order"), ToolCallExpectation.Call("refund")], ToolCallOrder.Exact);

        (await Judge(judge, LookupThenRefund)).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task Exact_fails_on_an_extra_call_saying_how_many_were_made()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order")], ToolCallOrder.Exact);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("expected exactly 1 call(s), the run made 2");
    }

    [Fact]
    public async Task Exact_fails_when_a_call_is_in_the_wrong_position()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("refund"), ToolCallExpectation.Call("get_order")], ToolCallOrder.Exact);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("expected refund() (1st expected call): not matched (call 1 is #1 get_order");
    }

    [Fact]
    public async Task Exact_with_no_expected_calls_fails_any_call()
    {
        var judge = new ToolCallJudge([], ToolCallOrder.Exact);

        (await Judge(judge, Run())).Outcome.Should().Be(VerdictOutcome.Pass);
        (await Judge(judge, LookupThenRefund)).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public async Task A_forbidden_tool_fails_naming_the_calls()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order")], forbiddenTools: ["refund"]);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
        verdict.Rationale.Should().Contain("forbidden tool 'refund' was called: #2");
    }

    [Fact]
    public async Task More_calls_than_the_maximum_fail_with_the_figures()
    {
        var judge = new ToolCallJudge([], maxCalls: 1);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("the run made 2 tool call(s), more than the maximum 1");
        (await Judge(new ToolCallJudge([], maxCalls: 2), LookupThenRefund)).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task Two_expected_calls_of_a_tool_need_two_calls()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order"), ToolCallExpectation.Call("get_order")]);

        Verdict verdict = await Judge(judge, LookupThenRefund);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("#1 get_order matches but is taken by expected call 1");
        (await Judge(judge, Run(("get_order", Args(("id", "A-17"))), ("get_order", Args(("id", "A-17")))))).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task A_tool_name_differing_only_in_letter_case_is_another_tool()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order")]);

        Verdict verdict = await Judge(judge, Run(("Get_Order", Args(("id", "A-17")))));

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("#1 'Get_Order' is another tool: its name differs from 'get_order' only in letter case");
    }

    [Theory]
    [InlineData("get_\u043Erder", "U+043E")] // Cyrillic o
    [InlineData("get\uFF3Forder", "U+FF3F")] // fullwidth low line
    [InlineData("get_or\u0501er", "U+0501")] // Cyrillic komi de, looks like d
    public async Task A_tool_name_with_a_look_alike_character_is_another_tool(string name, string codePoint)
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order")]);

        Verdict verdict = await Judge(judge, Run((name, Args(("id", "A-17")))));

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain(codePoint).And.Contain("a look-alike is another tool");
    }

    [Fact]
    public async Task A_look_alike_forbidden_tool_is_not_the_forbidden_tool()
    {
        // Ordinal comparison cuts both ways: the forbidden list names exact tools.
        var judge = new ToolCallJudge([], forbiddenTools: ["refund"]);

        (await Judge(judge, Run(("r\u0435fund", Args())))).Outcome.Should().Be(VerdictOutcome.Pass);
        (await Judge(judge, Run(("refund", Args())))).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public async Task Arguments_that_were_not_json_fail_the_matchers_without_throwing()
    {
        var call = new FunctionCallContent("call_x", "get_order") { Exception = new System.Text.Json.JsonException("'}' is invalid after a value") };
        List<ChatMessage> messages =
        [
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("call_x", "Error: Function failed.")]),
            new(ChatRole.Assistant, "sorry"),
        ];
        AgentTrajectory run = AgentTrajectory.FromMessages(messages);
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order", ArgumentMatcher.EqualTo("id", "A-17"))]);

        Verdict verdict = await Judge(judge, run);

        run.ToolCalls[0].Error.Should().Contain("the arguments could not be read");
        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("#1 get_order: no argument \"id\"").And.Contain("ERROR: the arguments could not be read");
    }

    [Fact]
    public async Task Huge_arguments_are_judged_and_quoted_short()
    {
        string huge = new('x', 1_000_000);
        var judge = new ToolCallJudge([ToolCallExpectation.Call("search", ArgumentMatcher.EqualTo("q", "refund"))]);

        Verdict verdict = await Judge(judge, Run(("search", Args(("q", huge)))));

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Length.Should().BeLessThan(2_000);
        verdict.Rationale.Should().Contain("(1000002 characters)");
    }

    [Fact]
    public async Task A_pattern_that_runs_away_on_huge_arguments_is_inconclusive()
    {
        string hostile = new string('a', 50_000) + "!";
        var judge = new ToolCallJudge([ToolCallExpectation.Call("search", ArgumentMatcher.Matches("q", "^(a+)+$"))]);

        Verdict verdict = await Judge(judge, Run(("search", Args(("q", hostile)))));

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("took longer than 1 s");
    }

    [Fact]
    public async Task A_row_that_is_not_an_agent_run_is_inconclusive()
    {
        var judge = new ToolCallJudge([ToolCallExpectation.Call("get_order")]);

        Verdict verdict = await judge.JudgeAsync(new JudgeRequest("just text"));

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("not an agent run");
    }

    [Fact]
    public void A_judge_without_conditions_or_with_a_tool_both_expected_and_forbidden_is_refused()
    {
        FluentActions.Invoking(() => new ToolCallJudge([])).Should().Throw<ArgumentException>().WithMessage("*needs a condition*");
        FluentActions.Invoking(() => new ToolCallJudge([ToolCallExpectation.Call("refund")], forbiddenTools: ["refund"]))
            .Should().Throw<ArgumentException>().WithMessage("*'refund' is both expected and forbidden*");
        FluentActions.Invoking(() => new ToolCallJudge([], maxCalls: -1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
