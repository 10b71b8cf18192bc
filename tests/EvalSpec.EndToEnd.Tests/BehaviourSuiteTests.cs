using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// `dotnet test` on tests/fixtures/BehaviourSuite, whose bot has known weaknesses: each row must be its own
/// test with its known outcome and a message a person can act on.
/// </summary>
public sealed class BehaviourSuiteTests : IClassFixture<BehaviourSuiteTests.Run>
{
    private readonly SuiteRun _run;

    public BehaviourSuiteTests(Run run)
    {
        _run = run.Result;
    }

    public static TheoryData<string, string> ExpectedOutcomes => new()
    {
        { "BehaviourEvals.Refund [laptop · formal]", "Passed" },
        { "BehaviourEvals.Refund [laptop · formal · lowercase]", "Passed" },
        { "BehaviourEvals.Refund [laptop · formal · shout]", "Failed" },
        { "BehaviourEvals.Refund [laptop · formal · swap-product]", "Passed" },
        { "BehaviourEvals.Refund [laptop · short]", "Passed" },
        { "BehaviourEvals.Refund [laptop · short · lowercase]", "NotExecuted" },  // already lower case: not applicable
        { "BehaviourEvals.Refund [laptop · short · shout]", "Failed" },
        { "BehaviourEvals.Refund [laptop · short · swap-product]", "Passed" },
        { "BehaviourEvals.Refund [phone · formal]", "Failed" },
        { "BehaviourEvals.Refund [phone · formal · lowercase]", "Passed" },
        { "BehaviourEvals.Refund [phone · formal · shout]", "Passed" },
        { "BehaviourEvals.Refund [phone · formal · swap-product]", "Passed" },
        { "BehaviourEvals.Refund [phone · short]", "Failed" },
        { "BehaviourEvals.Refund [phone · short · lowercase]", "NotExecuted" },
        { "BehaviourEvals.Refund [phone · short · shout]", "Passed" },
        { "BehaviourEvals.Refund [phone · short · swap-product]", "Passed" },
        { "BehaviourEvals.NeverAnswers [anything · p]", "Failed" },
        { "BehaviourEvals.Crashes [anything · p]", "Failed" },
        { "BehaviourEvals.FailsInlineCheck [anything · p]", "Failed" },
        { "BehaviourEvals.Structured [3, 4.5]", "Passed" },
    };

    [Fact]
    public void Every_row_is_its_own_test_named_from_its_keys()
    {
        _run.Report.Results.Keys.Should().BeEquivalentTo(ExpectedOutcomes.Select(row => (string)row[0]), _run.Process.ToString());
    }

    [Theory]
    [MemberData(nameof(ExpectedOutcomes))]
    public void Each_row_has_the_outcome_the_bot_deserves(string displayName, string outcome)
    {
        _run[displayName].Outcome.Should().Be(outcome, _run[displayName].Message);
    }

    [Fact]
    public void A_failing_run_exits_non_zero()
    {
        _run.Process.ExitCode.Should().NotBe(0);
    }

    [Fact]
    public void Expected_answer_failure_shows_prompt_expected_output_and_the_judges_reason()
    {
        string message = _run["BehaviourEvals.Refund [phone · formal]"].Message;
        message.Should().Contain("Eval row FAILED")
            .And.Contain("Prompt: \"What is the refund window for a phone?\"")
            .And.Contain("Expected: \"14 days\"")
            .And.Contain("Output: \"Laptops can be returned within 30 days.\"")
            .And.Contain("expected-answer: Fail")
            .And.Contain("\"14\"");
    }

    [Fact]
    public void Relation_failure_shows_source_and_follow_up_inputs_and_outputs()
    {
        string message = _run["BehaviourEvals.Refund [laptop · short · shout]"].Message;
        message.Should().Contain("Prompt: \"laptop refund?\"")
            .And.Contain("Follow-up prompt (shout): \"LAPTOP REFUND?\"")
            .And.Contain("Source output: \"Laptops can be returned within 30 days.\"")
            .And.Contain("Follow-up output: \"Sorry, I do not know.\"")
            .And.Contain("relation shout (invariant): Fail");
    }

    [Fact]
    public void A_row_ends_at_its_timeout_even_when_the_method_ignores_cancellation()
    {
        _run["BehaviourEvals.NeverAnswers [anything · p]"].Message.Should().Contain("timed out after 0.5 s");
    }

    [Fact]
    public void A_crashing_method_fails_its_row_with_the_exception()
    {
        _run["BehaviourEvals.Crashes [anything · p]"].Message.Should().Contain("InvalidOperationException").And.Contain("the bot crashed on anything");
    }

    [Fact]
    public void An_inline_assertion_fails_its_row_with_the_assertion_message()
    {
        _run["BehaviourEvals.FailsInlineCheck [anything · p]"].Message.Should().Contain("Assert.Equal() Failure");
    }

    [Fact]
    public void Relation_rows_reuse_the_source_run_of_their_case_and_variant()
    {
        // 4 source runs (2 cases x 2 variants) + 10 follow-ups (the 2 lowercase rows of the lower-case variant do
        // not apply) + 4 single-row methods; 26 if relation rows re-ran the source.
        _run.Summary.GetProperty("systemUnderTestCalls").GetInt32().Should().Be(18);
        _run.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(20);
        _run.Summary.GetProperty("rows").GetProperty("fail").GetInt32().Should().Be(7);
    }

    [Fact]
    public void Every_row_appends_one_result_line_with_its_keys_inputs_outputs_and_verdicts()
    {
        IReadOnlyList<JsonElement> rows = _run.Rows;
        rows.Select(r => r.GetProperty("rowId").GetString()).Should().OnlyHaveUniqueItems().And.HaveCount(20);

        JsonElement shout = rows.Single(r => r.GetProperty("rowId").GetString() == "BehaviourSuite.BehaviourEvals.Refund/laptop/short/shout");
        shout.GetProperty("outcome").GetString().Should().Be("fail");
        shout.GetProperty("relationKind").GetString().Should().Be("invariant");
        shout.GetProperty("prompt").GetString().Should().Be("laptop refund?");
        shout.GetProperty("followUpPrompt").GetString().Should().Be("LAPTOP REFUND?");
        shout.GetProperty("sourceOutput").GetString().Should().Be("Laptops can be returned within 30 days.");
        shout.GetProperty("output").GetString().Should().Be("Sorry, I do not know.");
        JsonElement check = shout.GetProperty("checks").EnumerateArray().Single();
        check.GetProperty("verdicts")[0].GetProperty("judge").GetString().Should().Be("token-f1-invariance");

        JsonElement swap = rows.Single(r => r.GetProperty("rowId").GetString() == "BehaviourSuite.BehaviourEvals.Refund/phone/formal/swap-product");
        swap.GetProperty("inputs").GetProperty("product").GetString().Should().Be("phone");
        swap.GetProperty("followUpInputs").GetProperty("product").GetString().Should().Be("headphones");
        swap.GetProperty("followUpPrompt").GetString().Should().Be("What is the refund window for a headphones?");

        JsonElement structured = rows.Single(r => r.GetProperty("method").GetString() == "Structured");
        structured.GetProperty("output").GetProperty("total").GetDouble().Should().Be(13.5);
        structured.GetProperty("inputs").GetProperty("quantity").GetInt32().Should().Be(3);
        structured.GetProperty("reason").GetString().Should().Contain("no judge applies");
    }

    [Fact]
    public void A_rubric_that_no_judge_checks_is_noted_on_each_identity_row_and_in_the_summary_line_without_changing_its_outcome()
    {
        // No judge is registered: locally the Refund rubric is noted, never dropped silently, and the rows are decided by
        // their expected answers (build servers: UnjudgedRubricTests).
        _run["BehaviourEvals.Refund [phone · short]"].Message.Should().Contain("\nNote: rubric not checked: no rubric judge registered (the row is decided by its other checks here; on a build server it is inconclusive unless EVALSPEC_UNJUDGEDRUBRIC=ignore)");
        string[] noted = _run.Rows.Where(r => r.TryGetProperty("notes", out _)).Select(r => r.GetProperty("rowId").GetString()!).ToArray();
        noted.Should().BeEquivalentTo(
            new[] { "laptop/formal", "laptop/short", "phone/formal", "phone/short" }.Select(k => $"BehaviourSuite.BehaviourEvals.Refund/{k}/identity"),
            "only identity rows of an eval with a rubric are judged by the rubric panel");
        _run.Summary.GetProperty("unjudgedRubric").GetProperty("rows").GetInt32().Should().Be(4);
        _run.Process.Output.Should().MatchRegex(
            @"\[xUnit\.net [0-9:.]+\] BehaviourSuite: EvalSpec run e2e: 20 rows, 11 passed, 7 failed, 0 inconclusive, 2 not applicable\. Rubric not checked: no rubric judge registered \(4 row\(s\), decided by their other checks\)\.",
            "the summary line is in the default console output");
    }

    /// <summary>Runs the suite once for all tests of the class.</summary>
    public sealed class Run : IAsyncLifetime
    {
        internal SuiteRun Result { get; private set; } = null!;

        public async Task InitializeAsync() => Result = await SuiteRun.RunAsync("BehaviourSuite");

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
