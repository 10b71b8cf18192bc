using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// tests/fixtures/BehaviourSuite's sources on xUnit v3 (EvalSpec.Xunit.V3) under VSTest: the same rows, names and outcomes
/// as on xUnit v2 (<see cref="BehaviourSuiteTests"/>), trait filters, known failures as skips, and the run files.
/// </summary>
public sealed class XunitV3VSTestSuiteTests : XunitV3SuiteTests, IClassFixture<XunitV3VSTestSuiteTests.Runs>
{
    private readonly Runs _runs;

    public XunitV3VSTestSuiteTests(Runs runs)
        : base(runs, failedExitCode: 1)
    {
        _runs = runs;
    }

    [Fact]
    public void The_default_console_output_shows_the_run_summary_the_gate_and_the_report()
    {
        // Under xUnit v3 + VSTest the test process's standard output is never shown, not even at detailed verbosity: the
        // summary's details, the gate and the report's path must travel as xUnit diagnostic messages.
        SuiteRun check = _runs.Checked;
        string prefix = @"\[xUnit\.net [0-9:.]+\] BehaviourSuite\.V3: ";

        check.Process.Output.Should().MatchRegex(prefix + "EvalSpec run e2e: 20 rows, 11 passed, 7 failed \\(7 known, skipped\\)", check.Process.ToString());
        check.Process.Output.Should().MatchRegex(prefix + "EvalSpec run e2e: 20 rows, .* eval method calls, at most [0-9]+ at once");
        check.Process.Output.Should().Contain("  Results: " + check.RunDirectory);
        check.Process.Output.Should().MatchRegex(prefix + "EvalSpec: Gate passed");
        check.Process.Output.Should().MatchRegex(prefix + "EvalSpec report: " + System.Text.RegularExpressions.Regex.Escape(Path.Combine(check.RunDirectory, "report.html")));
    }

    /// <summary>The runs of the VSTest fixture (tests/fixtures/v3/BehaviourSuite.V3), once for the class.</summary>
    public sealed class Runs : SuiteRuns
    {
        public Runs()
            : base(TestPlatform.VSTest, "v3/BehaviourSuite.V3", "--filter", "Relation=shout")
        {
        }
    }
}

/// <summary>The same on Microsoft.Testing.Platform (xunit.v3; tests/fixtures/mtp/global.json selects it).</summary>
public sealed class XunitV3MtpSuiteTests : XunitV3SuiteTests, IClassFixture<XunitV3MtpSuiteTests.Runs>
{
    public XunitV3MtpSuiteTests(Runs runs)
        : base(runs, failedExitCode: 2)
    {
    }

    /// <summary>The runs of the MTP fixture (tests/fixtures/mtp/BehaviourSuite.Mtp), once for the class.</summary>
    public sealed class Runs : SuiteRuns
    {
        public Runs()
            : base(TestPlatform.Mtp, "mtp/BehaviourSuite.Mtp", "--filter-trait", "Relation=shout")
        {
        }
    }
}

/// <summary>The assertions both platforms share, and a sampled run (on MTP as under VSTest).</summary>
public abstract class XunitV3SuiteTests
{
    private readonly SuiteRuns _runs;
    private readonly int _failedExitCode;

    private protected XunitV3SuiteTests(SuiteRuns runs, int failedExitCode)
    {
        _runs = runs;
        _failedExitCode = failedExitCode;
    }

    [Fact]
    public async Task A_sampled_run_draws_its_sample_from_every_generated_row()
    {
        SuiteRun run = await SuiteRun.RunOnAsync(_runs.Platform, _runs.Fixture, new Dictionary<string, string> { ["EVALSPEC_SAMPLE"] = "12", ["EVALSPEC_BASELINE"] = "ignore" });

        System.Text.Json.JsonElement sample = run.Summary.GetProperty("sample");
        sample.GetProperty("population").GetInt32().Should().Be(20, run.Process.ToString());
        int selected = sample.GetProperty("selected").GetInt32();
        selected.Should().BeInRange(12, 19);
        sample.GetProperty("skippedOutsideSample").GetInt32().Should().Be(20 - selected);
        sample.GetProperty("judgedOutsidePopulation").GetInt32().Should().Be(0, "the population is every generated row");
        TrxResult[] outside = run.Report.Results.Values.Where(r => r.Message.StartsWith("Not in the sample", System.StringComparison.Ordinal)).ToArray();
        outside.Should().HaveCount(20 - selected).And.OnlyContain(r => r.Outcome == "NotExecuted");
        run.Rows.Should().HaveCount(selected, "rows outside the sample are not run");
        run.Rows.Select(r => r.GetProperty("rowId").GetString()!.Split('/')[0]).Distinct().Should().HaveCount(5, "every eval method has a row in the sample");
    }

    [Fact]
    public void Every_row_has_the_v2_name_and_outcome()
    {
        SuiteRun run = _runs.Recorded;
        var expected = BehaviourSuiteTests.ExpectedOutcomes.ToDictionary(row => (string)row[0], row => (string)row[1]);

        run.Report.Results.Keys.Should().BeEquivalentTo(expected.Keys, run.Process.ToString());
        run.Report.Results.ToDictionary(r => r.Key, r => r.Value.Outcome).Should().Equal(expected);
        run.Process.ExitCode.Should().Be(_failedExitCode, "rows failed");
    }

    [Fact]
    public void Run_files_are_written_when_the_run_ends()
    {
        SuiteRun run = _runs.Recorded;

        run.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(20);
        run.Summary.GetProperty("rows").GetProperty("pass").GetInt32().Should().Be(11);
        run.Summary.GetProperty("rows").GetProperty("fail").GetInt32().Should().Be(7);
        run.Summary.GetProperty("rows").GetProperty("notApplicable").GetInt32().Should().Be(2);
        run.Summary.GetProperty("systemUnderTestCalls").GetInt32().Should().Be(18, "a case x variant's relation rows share its source run");
        run.Rows.Should().HaveCount(20);
        File.Exists(Path.Combine(run.RunDirectory, "report.html")).Should().BeTrue();
    }

    [Fact]
    public void Known_failures_of_the_baseline_are_skipped_with_their_message()
    {
        SuiteRun check = _runs.Checked;

        TrxResult known = check["BehaviourEvals.Refund [phone · formal]"];
        known.Outcome.Should().Be("NotExecuted", "a known failure is reported as skipped");
        known.Message.Should().Contain("Known failure").And.Contain("Expected: \"14 days\"");
        check.Report.Results.Values.Count(r => r.Outcome == "NotExecuted").Should().Be(9, "the 7 failures are known and 2 relations did not apply");
        check.Report.Results.Values.Should().NotContain(r => r.Outcome == "Failed", check.Process.ToString());
        check.Summary.GetProperty("baseline").GetProperty("knownFailures").GetInt32().Should().Be(7);
        check.Process.ExitCode.Should().Be(0, "nothing regressed");
    }

    [Fact]
    public void A_trait_filter_runs_only_the_matching_rows()
    {
        SuiteRun filtered = _runs.Filtered;

        filtered.Report.Results.Keys.Should().BeEquivalentTo(
            "BehaviourEvals.Refund [laptop · formal · shout]",
            "BehaviourEvals.Refund [laptop · short · shout]",
            "BehaviourEvals.Refund [phone · formal · shout]",
            "BehaviourEvals.Refund [phone · short · shout]");
        filtered.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(4);
    }
}

/// <summary>
/// Three runs of a v3 fixture: one that records the baseline (the rows' real outcomes), one that checks against it, and one
/// with a trait filter.
/// </summary>
public abstract class SuiteRuns : IAsyncLifetime
{
    private readonly string[] _filter;

    private protected SuiteRuns(TestPlatform platform, string fixture, params string[] filter)
    {
        Platform = platform;
        Fixture = fixture;
        _filter = filter;
    }

    internal TestPlatform Platform { get; }

    /// <summary>The fixture project, relative to tests/fixtures.</summary>
    internal string Fixture { get; }

    internal SuiteRun Recorded { get; private set; } = null!;

    internal SuiteRun Checked { get; private set; } = null!;

    internal SuiteRun Filtered { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string baseline = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"), "evalspec.baseline.json");
        Recorded = await SuiteRun.RunOnAsync(Platform, Fixture, new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "update", ["EVALSPEC_BASELINEFILE"] = baseline });
        Checked = await SuiteRun.RunOnAsync(Platform, Fixture, new Dictionary<string, string> { ["EVALSPEC_BASELINEFILE"] = baseline });
        Filtered = await SuiteRun.RunOnAsync(Platform, Fixture, new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore" }, _filter);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
