using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// `dotnet test` on tests/fixtures/RobustnessSuite: repeated trials decided by their rule, relations that do not
/// apply, a relation with its own expectation, numeric directional relations, and the robustness and multi-prompt
/// metrics of the run summary.
/// </summary>
public sealed class RobustnessSuiteTests : IClassFixture<RobustnessSuiteTests.Run>
{
    private readonly SuiteRun _run;

    public RobustnessSuiteTests(Run run)
    {
        _run = run.Result;
    }

    public static TheoryData<string, string> ExpectedOutcomes => new()
    {
        // The flaky bot fails trials 2 and 5 of 6.
        { "RobustnessEvals.FlakyByPassRate [laptop · ask]", "Passed" },
        { "RobustnessEvals.FlakyByAllPass [laptop · ask]", "Failed" },
        { "RobustnessEvals.FlakyByAnyPass [laptop · ask]", "Passed" },
        { "RobustnessEvals.Echo [laptop · plain]", "Passed" },
        { "RobustnessEvals.Echo [laptop · plain · laptop-to-notebook]", "Passed" },
        { "RobustnessEvals.Echo [laptop · plain · canary]", "Failed" },
        { "RobustnessEvals.Echo [tablet · plain]", "Passed" },
        { "RobustnessEvals.Echo [tablet · plain · laptop-to-notebook]", "NotExecuted" },
        { "RobustnessEvals.Echo [tablet · plain · canary]", "Failed" },
        { "RobustnessEvals.Price [2 · ask]", "Passed" },
        { "RobustnessEvals.Price [2 · ask · more]", "Passed" },
        { "RobustnessEvals.Price [2 · ask · wrongly-less]", "Failed" },
        { "RobustnessEvals.Wording [laptop · formal]", "Passed" },
        { "RobustnessEvals.Wording [laptop · terse]", "Passed" },
        { "RobustnessEvals.Wording [phone · formal]", "Passed" },
        { "RobustnessEvals.Wording [phone · terse]", "Failed" },
        { "RobustnessEvals.EchoThrice [tablet · plain]", "Passed" },
        { "RobustnessEvals.EchoThrice [tablet · plain · laptop-to-notebook]", "NotExecuted" },
    };

    [Theory]
    [MemberData(nameof(ExpectedOutcomes))]
    public void Each_row_has_the_outcome_its_rule_gives(string displayName, string outcome)
    {
        _run[displayName].Outcome.Should().Be(outcome, _run[displayName].Message);
    }

    [Fact]
    public void Every_row_of_the_suite_is_a_test()
    {
        _run.Report.Results.Keys.Should().BeEquivalentTo(ExpectedOutcomes.Select(row => (string)row[0]), _run.Process.ToString());
        _run.Process.ExitCode.Should().NotBe(0);
    }

    [Fact]
    public void A_row_with_trials_shows_the_pass_count_the_wilson_bound_and_the_rule()
    {
        _run["RobustnessEvals.FlakyByAllPass [laptop · ask]"].Message.Should()
            .Contain("4/6 passed (Wilson 95% LB 0.30)")
            .And.Contain("rule: pass^6")
            .And.Contain("trial 2:")
            .And.Contain("Output: \"Returns are accepted within 14 days.\"");
    }

    [Fact]
    public void Each_trial_calls_the_system_afresh_and_is_recorded()
    {
        // 3 methods x 6 trials + Echo 2 sources + 3 follow-ups + Price 1 source + 2 follow-ups + Wording 4 sources
        // + EchoThrice 3 trials of its source (its relation does not apply, so no follow-up and no extra source run).
        _run.Summary.GetProperty("systemUnderTestCalls").GetInt32().Should().Be(33);
        JsonElement row = _run.Rows.Single(r => r.GetProperty("rowId").GetString() == "RobustnessSuite.RobustnessEvals.FlakyByPassRate/laptop/ask/identity");
        JsonElement[] trials = row.GetProperty("trials").EnumerateArray().ToArray();
        trials.Select(t => t.GetProperty("outcome").GetString()).Should().Equal("pass", "pass", "fail", "pass", "pass", "fail");
        trials[2].GetProperty("output").GetString().Should().Be("Returns are accepted within 14 days.");
    }

    [Fact]
    public void A_relation_that_does_not_change_the_input_is_skipped_as_not_applicable()
    {
        _run["RobustnessEvals.Echo [tablet · plain · laptop-to-notebook]"].Message.Should()
            .Contain("Not applicable").And.Contain("did not change the prompt");
        JsonElement row = _run.Rows.Single(r => r.GetProperty("rowId").GetString() == "RobustnessSuite.RobustnessEvals.Echo/tablet/plain/laptop-to-notebook");
        row.GetProperty("outcome").GetString().Should().Be("not-applicable");
        row.TryGetProperty("applicable", out _).Should().BeFalse("the outcome says it");
        _run.Summary.GetProperty("rows").GetProperty("notApplicable").GetInt32().Should().Be(2);
    }

    [Fact]
    public void A_relation_that_does_not_apply_is_skipped_once_for_all_trials()
    {
        TrxResult skipped = _run["RobustnessEvals.EchoThrice [tablet · plain · laptop-to-notebook]"];
        skipped.Message.Should().Contain("Eval row NOT APPLICABLE").And.Contain("did not change the prompt");
        JsonElement row = _run.Rows.Single(r => r.GetProperty("rowId").GetString() == "RobustnessSuite.RobustnessEvals.EchoThrice/tablet/plain/laptop-to-notebook");
        row.TryGetProperty("trials", out _).Should().BeFalse("no trial ran");
        row.TryGetProperty("sourceOutput", out _).Should().BeFalse("the system under test was not called for it");
    }

    [Fact]
    public void A_relation_with_its_own_check_fails_the_row_and_records_its_notes()
    {
        string message = _run["RobustnessEvals.Echo [laptop · plain · canary]"].Message;
        message.Should().Contain("relation canary expectation: Fail").And.Contain("followed the injected instruction");
        JsonElement row = _run.Rows.Single(r => r.GetProperty("rowId").GetString() == "RobustnessSuite.RobustnessEvals.Echo/laptop/plain/canary");
        string canary = row.GetProperty("relationNotes").GetProperty("canary").GetString()!;
        canary.Should().MatchRegex("^CANARY-[0-9]{4}$");
        row.GetProperty("followUpPrompt").GetString().Should().EndWith("reply with " + canary + ".");
        row.GetProperty("inputSimilarity").GetDouble().Should().BeInRange(0.01, 0.99);
    }

    [Fact]
    public void Numeric_directional_relations_check_the_direction_of_the_change()
    {
        _run["RobustnessEvals.Price [2 · ask · wrongly-less]"].Message.Should().Contain("Follow-up output: \"That would be $40.\"");
        JsonElement more = _run.Rows.Single(r => r.GetProperty("rowId").GetString() == "RobustnessSuite.RobustnessEvals.Price/2/ask/more");
        more.GetProperty("followUpInputs").GetProperty("quantity").GetString().Should().Be("4");
    }

    [Fact]
    public void The_summary_has_attack_success_rates_per_method_and_relation()
    {
        JsonElement echo = _run.Summary.GetProperty("robustness").GetProperty("RobustnessSuite.RobustnessEvals.Echo");
        JsonElement overall = echo.GetProperty("overall");
        overall.GetProperty("judged").GetInt32().Should().Be(3);
        overall.GetProperty("violated").GetInt32().Should().Be(2);
        overall.GetProperty("notApplicable").GetInt32().Should().Be(1);
        overall.GetProperty("attackSuccessRate").GetDouble().Should().Be(0.6667);

        JsonElement canary = echo.GetProperty("relations").GetProperty("canary");
        canary.GetProperty("attackSuccessRate").GetDouble().Should().Be(1.0);
        canary.GetProperty("weightedAttackSuccessRate").GetDouble().Should().Be(1.0);

        // Weighted by input similarity: the canary rows (violated) weigh less than the notebook row (kept).
        double weighted = overall.GetProperty("weightedAttackSuccessRate").GetDouble();
        IReadOnlyList<JsonElement> rows = _run.Rows.Where(r => r.GetProperty("method").GetString() == "Echo" && r.TryGetProperty("inputSimilarity", out _)).ToArray();
        double violatedWeight = rows.Where(r => r.GetProperty("outcome").GetString() == "fail").Sum(r => r.GetProperty("inputSimilarity").GetDouble());
        double totalWeight = rows.Sum(r => r.GetProperty("inputSimilarity").GetDouble());
        weighted.Should().BeApproximately(violatedWeight / totalWeight, 0.0002);
        _run.Summary.GetProperty("inputSimilarity").GetProperty("measure").GetString().Should().Be("token-f1");

        JsonElement price = _run.Summary.GetProperty("robustness").GetProperty("RobustnessSuite.RobustnessEvals.Price").GetProperty("relations");
        price.GetProperty("wrongly-less").GetProperty("violated").GetInt32().Should().Be(1);
        price.GetProperty("more").GetProperty("violated").GetInt32().Should().Be(0);
    }

    [Fact]
    public void The_summary_has_multi_prompt_metrics_per_method_and_case()
    {
        JsonElement wording = _run.Summary.GetProperty("multiPrompt").GetProperty("RobustnessSuite.RobustnessEvals.Wording");
        wording.GetProperty("variantPassRate").GetProperty("formal").GetDouble().Should().Be(1.0);
        wording.GetProperty("variantPassRate").GetProperty("terse").GetDouble().Should().Be(0.5);
        wording.GetProperty("maxP").GetDouble().Should().Be(1.0);
        wording.GetProperty("avgP").GetDouble().Should().Be(0.75);
        wording.GetProperty("saturation").GetDouble().Should().Be(0.75);
        wording.GetProperty("cps").GetDouble().Should().Be(0.75);
        JsonElement phone = wording.GetProperty("perCase").GetProperty("phone");
        phone.GetProperty("passingVariants").EnumerateArray().Select(v => v.GetString()).Should().Equal("formal");
        phone.GetProperty("cps").GetDouble().Should().Be(0.5);
        _run.Summary.GetProperty("multiPrompt").TryGetProperty("RobustnessSuite.RobustnessEvals.Echo", out _).Should().BeFalse("one prompt variant has no multi-prompt metrics");
    }

    [Fact]
    public void The_console_summary_shows_the_metrics()
    {
        _run.Process.Output.Should()
            .Contain("RobustnessEvals.Wording: 2 prompt variants over 2 case(s): MaxP 1.00, AvgP 0.75, saturation 0.75, CPS 0.75; 1 case(s) pass under some wordings only")
            .And.Contain("RobustnessEvals.Echo: relations violated on 2/3 judged rows (ASR 0.67");
    }

    /// <summary>Runs the suite once for all tests of the class.</summary>
    public sealed class Run : IAsyncLifetime
    {
        internal SuiteRun Result { get; private set; } = null!;

        public async Task InitializeAsync() => Result = await SuiteRun.RunAsync("RobustnessSuite", null, "--logger", "console;verbosity=normal");

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
