using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// tests/fixtures/BehaviourSuite registers no judge by default, and its Refund eval has a rubric: on a build server the
/// rubric nobody checks makes its rows inconclusive unless EVALSPEC_UNJUDGEDRUBRIC=ignore. (On a developer machine the rows
/// are noted and decided by their other checks: <see cref="BehaviourSuiteTests"/>.)
/// </summary>
public sealed class UnjudgedRubricTests
{
    private const string Filter = "EvalMethod=Refund&Relation=identity";

    [Fact]
    public async Task On_a_build_server_a_rubric_that_no_judge_checks_makes_the_row_inconclusive()
    {
        SuiteRun run = await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string> { ["CI"] = "true" }, "--filter", Filter);

        run.Process.ExitCode.Should().NotBe(0);
        TrxResult laptop = run["BehaviourEvals.Refund [laptop · formal]"];
        laptop.Outcome.Should().Be("Failed", "its expected answer passes, but nobody checked its rubric on a build server");
        laptop.Message.Should().Contain("Eval row INCONCLUSIVE")
            .And.Contain("Check rubric coverage: Inconclusive: rubric not checked: no rubric judge registered; on a build server (CI is set)")
            .And.Contain("EVALSPEC_UNJUDGEDRUBRIC=ignore");
        run["BehaviourEvals.Refund [phone · formal]"].Message.Should().Contain("Eval row FAILED", "a failing check still fails the row");

        run.Process.Output.Should().MatchRegex(@"\[xUnit\.net [0-9:.]+\] BehaviourSuite: EvalSpec run e2e: 4 rows, 0 passed, 2 failed, 2 inconclusive\. Rubric not checked: no rubric judge registered \(4 row\(s\), inconclusive\)\.");
        JsonElement unjudged = run.Summary.GetProperty("unjudgedRubric");
        unjudged.GetProperty("rows").GetInt32().Should().Be(4);
        unjudged.GetProperty("buildServer").GetString().Should().Be("CI");
    }

    [Fact]
    public async Task On_a_build_server_ignore_decides_such_rows_by_their_other_checks_and_still_notes_them()
    {
        SuiteRun run = await SuiteRun.RunAsync(
            "BehaviourSuite",
            new Dictionary<string, string> { ["CI"] = "true", ["EVALSPEC_UNJUDGEDRUBRIC"] = "ignore" },
            "--filter", Filter);

        run["BehaviourEvals.Refund [laptop · formal]"].Outcome.Should().Be("Passed", run.Process.ToString());
        run["BehaviourEvals.Refund [phone · formal]"].Message.Should().Contain("Note: rubric not checked: no rubric judge registered (UnjudgedRubric is ignore");
        IReadOnlyList<JsonElement> rows = run.Rows;
        rows.Should().HaveCount(4).And.OnlyContain(r => r.GetProperty("notes")[0].GetString()!.StartsWith("rubric not checked: no rubric judge registered"));
        run.Process.Output.Should().Contain("Rubric not checked: no rubric judge registered (4 row(s), decided by their other checks).");
    }

    [Fact]
    public async Task On_a_build_server_a_panel_whose_judges_read_no_rubric_leaves_it_unchecked_and_the_row_inconclusive()
    {
        SuiteRun run = await SuiteRun.RunAsync(
            "BehaviourSuite",
            new Dictionary<string, string> { ["CI"] = "true", ["FIXTURE_JUDGES"] = "local" },
            "--filter", Filter + "&Case=laptop");

        TrxResult laptop = run["BehaviourEvals.Refund [laptop · formal]"];
        laptop.Outcome.Should().Be("Failed", "its local judges pass it, but none of them read its rubric");
        laptop.Message.Should().Contain("Eval row INCONCLUSIVE")
            .And.Contain("Check rubric: Pass", "the local panel still decided the output")
            .And.Contain("Check rubric coverage: Inconclusive: rubric not checked: no judge of the rubric panel reads rubrics (answer-recall, rouge-l judge the output without it); on a build server (CI is set)");
        run.Process.Output.Should().Contain("Rubric not checked: no judge of the rubric panel reads rubrics (answer-recall, rouge-l judge the output without it) (2 row(s), inconclusive).");
    }

    [Fact]
    public async Task An_unknown_UnjudgedRubric_value_fails_the_rows_with_a_message_naming_the_setting_and_its_values()
    {
        SuiteRun run = await SuiteRun.RunAsync(
            "BehaviourSuite",
            new Dictionary<string, string> { ["EVALSPEC_UNJUDGEDRUBRIC"] = "sometimes" },
            "--filter", "EvalMethod=Refund&Relation=identity&Case=laptop");

        run.Process.ExitCode.Should().NotBe(0);
        run.Report.Results.Values.Should().NotBeEmpty().And.OnlyContain(r => r.Outcome == "Failed");
        run["BehaviourEvals.Refund [laptop · formal]"].Message.Should()
            .Contain("EVALSPEC_UNJUDGEDRUBRIC=sometimes is not a valid value")
            .And.Contain("Auto").And.Contain("Ignore").And.Contain("Inconclusive");
    }
}
