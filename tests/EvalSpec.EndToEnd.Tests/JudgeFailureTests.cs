using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>When every judge errors, nothing passes: the rows are inconclusive, named as such, and the run is red.</summary>
public sealed class JudgeFailureTests
{
    [Fact]
    public async Task A_run_whose_judges_all_error_is_red_and_says_why()
    {
        SuiteRun run = await SuiteRun.RunAsync(
            "BehaviourSuite",
            new Dictionary<string, string> { ["FIXTURE_JUDGES"] = "broken" },
            "--filter", "EvalMethod=Structured|Relation=identity");

        run.Process.ExitCode.Should().NotBe(0);
        TrxResult structured = run["BehaviourEvals.Structured [3, 4.5]"];
        structured.Outcome.Should().Be("Failed");
        structured.Message.Should().Contain("INCONCLUSIVE")
            .And.Contain("quorum not met")
            .And.Contain("judge-a: Inconclusive: judge 'judge-a' threw HttpRequestException: 503 Service Unavailable");
        run.Report.Results.Values.Should().NotContain(r => r.Outcome == "Passed" && r.Message.Length > 0);
        run.Report.Results.Where(r => r.Value.Outcome == "Passed").Should().BeEmpty("every identity row is judged by the broken panel");

        JsonElement row = run.Rows.Single(r => r.GetProperty("method").GetString() == "Structured");
        row.GetProperty("outcome").GetString().Should().Be("inconclusive");
        row.GetProperty("checks")[0].GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("outcome").GetString())
            .Should().Equal("inconclusive", "inconclusive");
    }
}
