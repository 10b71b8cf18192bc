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
/// any other failure is red, and the baseline is never written on a build server.
/// </summary>
public sealed class BaselineTests
{
    private const string CrashesRow = "BehaviourSuite.BehaviourEvals.Crashes/anything/p/identity";

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
        // Written the way `evalspec baseline update` writes it: format 2, rows with scores, methods with their metrics.
        ((int)recorded["format"]!).Should().Be(2);
        rows.Count(r => r.Value!["score"] is not null).Should().Be(18);
        recorded["methods"]!.AsObject().Should().NotBeEmpty();

        // Pretend the crashing row passed when the baseline was recorded: its failure is now a regression.
        rows[CrashesRow] = new JsonObject { ["outcome"] = "pass" };
        File.WriteAllText(baseline, recorded.ToJsonString());

        SuiteRun check = await SuiteRun.RunAsync("BehaviourSuite", new Dictionary<string, string> { ["EVALSPEC_BASELINEFILE"] = baseline });

        check.Process.ExitCode.Should().NotBe(0, "one row regressed");
        check["BehaviourEvals.Crashes [anything · p]"].Outcome.Should().Be("Failed");
        check["BehaviourEvals.Crashes [anything · p]"].Message.Should().Contain("Regression");
        TrxResult known = check["BehaviourEvals.Refund [phone · formal]"];
        known.Outcome.Should().Be("NotExecuted", "a known failure is reported as skipped");
        known.Message.Should().Contain("Known failure").And.Contain("Expected: \"14 days\"");
        check.Report.Results.Values.Count(r => r.Outcome == "NotExecuted").Should().Be(8, "6 known failures and 2 relations that did not apply");
        JsonElement summary = check.Summary.GetProperty("baseline");
        summary.GetProperty("knownFailures").GetInt32().Should().Be(6);
        check.Rows.Single(r => r.GetProperty("rowId").GetString() == CrashesRow).GetProperty("baseline").GetString().Should().Be("pass");
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
