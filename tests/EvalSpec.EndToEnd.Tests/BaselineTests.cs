using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// The committed baseline: known failures stay visible (skipped, with their message) without blocking, while
/// any other failure (another output failing the same check, an entry that does not say how it failed) is red, the
/// gate refuses a filtered run, and the baseline is never written on a build server.
/// </summary>
public sealed class BaselineTests
{
    private const string CrashesRow = "BehaviourSuite.BehaviourEvals.Crashes/anything/p/identity";
    private const string InlineCheckRow = "BehaviourSuite.BehaviourEvals.FailsInlineCheck/anything/p/identity";
    private const string PhoneRow = "BehaviourSuite.BehaviourEvals.Refund/phone/formal/identity";

    [Fact]
    public async Task Known_failures_are_skipped_with_their_message_and_regressions_stay_red()
    {
        string baseline = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");

        SuiteRun record = await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string>
        {
            ["EVALSPEC_BASELINE"] = "update",
            ["EVALSPEC_BASELINEFILE"] = baseline,
        });
        record.Process.ExitCode.Should().NotBe(0, "recording shows the real outcomes");
        JsonObject recorded = JsonNode.Parse(File.ReadAllText(baseline))!.AsObject();
        JsonObject rows = recorded["rows"]!.AsObject();
        rows.Should().HaveCount(18, "the two not-applicable rows were not judged");
        rows.Count(r => (string?)r.Value!["outcome"] == "fail").Should().Be(7);
        ((string?)rows[CrashesRow]!["reason"]).Should().Contain("the bot crashed on anything");
        // Written the way `evalspec baseline update` writes it: format 3, rows with scores, failures with their kind and
        // evidence, methods with their metrics.
        ((int)recorded["format"]!).Should().Be(3);
        rows.Count(r => r.Value!["score"] is not null).Should().Be(18);
        rows.Where(r => (string?)r.Value!["outcome"] == "fail").Should().OnlyContain(r => r.Value!["kind"] != null && r.Value!["evidenceHash"] != null);
        ((string?)rows[PhoneRow]!["evidence"]).Should().Be("Laptops can be returned within 30 days.");
        recorded["methods"]!.AsObject().Should().NotBeEmpty();

        // Pretend the crashing row passed when the baseline was recorded: its failure is now a regression. And the row
        // failing its inline check was recorded without saying how it failed (as in a version 1 file): it excuses nothing.
        rows[CrashesRow] = new JsonObject { ["outcome"] = "pass" };
        rows[InlineCheckRow] = new JsonObject { ["outcome"] = "fail", ["reason"] = "the eval method threw" };
        File.WriteAllText(baseline, recorded.ToJsonString());

        SuiteRun check = await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string> { ["EVALSPEC_BASELINEFILE"] = baseline });

        check.Process.ExitCode.Should().NotBe(0, "one row regressed");
        check["BehaviourEvals.Crashes [anything · p]"].Outcome.Should().Be("Failed");
        check["BehaviourEvals.Crashes [anything · p]"].Message.Should().Contain("Regression");
        TrxResult unexcused = check["BehaviourEvals.FailsInlineCheck [anything · p]"];
        unexcused.Outcome.Should().Be("Failed", "an entry that does not say how the row failed excuses nothing");
        unexcused.Message.Should().Contain("Not a known failure").And.Contain("excuses nothing").And.Contain("EVALSPEC_BASELINE=update");
        TrxResult known = check["BehaviourEvals.Refund [phone · formal]"];
        known.Outcome.Should().Be("NotExecuted", "a known failure is reported as skipped");
        known.Message.Should().Contain("Known failure").And.Contain("Expected: \"14 days\"");
        check.Report.Results.Values.Count(r => r.Outcome == "NotExecuted").Should().Be(7, "5 known failures and 2 relations that did not apply");
        JsonElement summary = check.Summary.GetProperty("baseline");
        summary.GetProperty("knownFailures").GetInt32().Should().Be(5);
        check.Rows.Single(r => r.GetProperty("rowId").GetString() == CrashesRow).GetProperty("baseline").GetString().Should().Be("pass");
        check.Rows.Where(r => r.GetProperty("rowId").GetString()!.Contains("/lowercase", System.StringComparison.Ordinal) && r.GetProperty("outcome").GetString() == "not-applicable")
            .Should().NotBeEmpty("rows whose relation did not apply say so in their outcome");
    }

    [Fact]
    public async Task A_known_failure_that_now_fails_with_another_output_is_red_showing_both_failures()
    {
        string baseline = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");
        var environment = new Dictionary<string, string> { ["EVALSPEC_BASELINEFILE"] = baseline };
        await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string>(environment) { ["EVALSPEC_BASELINE"] = "update" });

        // The bot now gives another wrong answer about phones: it still fails the expected-answer check.
        SuiteRun check = await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string>(environment) { ["FIXTURE_PHONE_ANSWER"] = "Phones can be returned within 7 days." });

        check.Process.ExitCode.Should().NotBe(0);
        TrxResult phone = check["BehaviourEvals.Refund [phone · formal]"];
        phone.Outcome.Should().Be("Failed", "the recorded failure was another answer");
        phone.Message.Should()
            .Contain("Regression: evalspec.baseline.json records this row as failing the same way (checks: expected-answer) but with other evidence")
            .And.Contain("recorded: checks: expected-answer; \"Laptops can be returned within 30 days.\"")
            .And.Contain("now:      checks: expected-answer; \"Phones can be returned within 7 days.\"");
        check["BehaviourEvals.Crashes [anything · p]"].Outcome.Should().Be("NotExecuted", "the same crash is still the known failure");
        check["BehaviourEvals.NeverAnswers [anything · p]"].Outcome.Should().Be("NotExecuted", "the same timeout is still the known failure");
        JsonElement row = check.Rows.Single(r => r.GetProperty("rowId").GetString() == PhoneRow);
        row.TryGetProperty("knownFailure", out _).Should().BeFalse();
        row.GetProperty("failureEvidence").GetString().Should().Be("Phones can be returned within 7 days.");
    }

    [Fact]
    public async Task The_gate_refuses_a_filtered_run_unless_told_to_allow_a_partial_one()
    {
        string baseline = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");
        var environment = new Dictionary<string, string> { ["EVALSPEC_BASELINEFILE"] = baseline };
        await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string>(environment) { ["EVALSPEC_BASELINE"] = "update" });
        JsonObject recordedRows = JsonNode.Parse(File.ReadAllText(baseline))!["rows"]!.AsObject();
        int recorded = recordedRows.Count;

        SuiteRun filtered = await SuiteRun.RunAsync("BehaviourSuite", environment, "--filter", "Variant=short");
        int covered = filtered.Rows.Count(r => recordedRows.ContainsKey(r.GetProperty("rowId").GetString()!));

        // The run's own reports and its default console output say it was not gated, rather than suggesting a verdict.
        string notGated = $"Baseline: not gated: partial run ({covered} of {recorded} baseline rows).";
        filtered.Process.Output.Should().MatchRegex(@"\[xUnit\.net [0-9:.]+\] BehaviourSuite: EvalSpec: " + System.Text.RegularExpressions.Regex.Escape(notGated))
            .And.NotContain("Gate passed");
        File.ReadAllText(Path.Combine(filtered.RunDirectory, "report.md")).Should().Contain("ℹ️ " + notGated).And.NotContain("Gate passed").And.NotContain("REFUSED");
        File.ReadAllText(Path.Combine(filtered.RunDirectory, "report.html")).Should().Contain(notGated).And.NotContain("Gate passed");

        CliRun refused = await CliRun.RunAsync(_ => null, "gate", "--run", filtered.RunDirectory, "--baseline", baseline);
        refused.ExitCode.Should().Be(3, refused.ToString());
        refused.Output.Should().Contain($"Gate REFUSED: partial run: {covered} of {recorded} baseline rows").And.Contain("--allow-partial");
        refused.Error.Should().Contain("partial run");
        covered.Should().BeLessThan(recorded);

        CliRun allowed = await CliRun.RunAsync(_ => null, "gate", "--run", filtered.RunDirectory, "--baseline", baseline, "--allow-partial");
        allowed.ExitCode.Should().Be(0, allowed.ToString());
        allowed.Output.Should().Contain($"Partial run (--allow-partial): {covered} of {recorded} baseline rows");
    }

    [Fact]
    public async Task A_run_where_every_failure_is_known_is_green()
    {
        string baseline = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");
        var environment = new Dictionary<string, string> { ["EVALSPEC_BASELINEFILE"] = baseline };
        await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string>(environment) { ["EVALSPEC_BASELINE"] = "update" });

        SuiteRun check = await SuiteRun.RunAsync("BehaviourSuite", environment);

        check.Process.ExitCode.Should().Be(0, check.Process.ToString());
        check.Report.Results.Values.Count(r => r.Outcome == "NotExecuted").Should().Be(9, "7 known failures and 2 relations that did not apply");
        check.Report.Results.Values.Count(r => r.Outcome == "Passed").Should().Be(11);
    }

    [Fact]
    public async Task The_baseline_is_never_written_on_a_build_server()
    {
        string baseline = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");

        SuiteRun run = await SuiteRun.RunAsync(
            "BehaviourSuite",
            new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "update", ["EVALSPEC_BASELINEFILE"] = baseline, ["CI"] = "true" },
            "--filter", "EvalMethod=Structured");

        run.Process.ExitCode.Should().NotBe(0);
        run["BehaviourEvals.Structured [3, 4.5]"].Message.Should().Contain("will not update the baseline").And.Contain("CI is set");
        File.Exists(baseline).Should().BeFalse();
    }
}
