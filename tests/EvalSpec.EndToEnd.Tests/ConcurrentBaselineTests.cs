using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// Two `EVALSPEC_BASELINE=update` runs at once, as two real `dotnet test` processes (one per eval method filter), both
/// land: the rows of each meet at a rendezvous in the fixture, so each run has loaded the baseline before either writes it.
/// </summary>
[Collection(DurabilitySuiteBuild.Collection)]
public sealed class ConcurrentBaselineTests
{
    private const string Alpha = "DurabilitySuite.LedgerEvals.Alpha";
    private const string Beta = "DurabilitySuite.LedgerEvals.Beta";
    private readonly DurabilitySuiteBuild _suite;

    public ConcurrentBaselineTests(DurabilitySuiteBuild suite) => _suite = suite;

    [Fact]
    public async Task Two_filtered_baseline_updates_at_once_both_land_with_their_rows_and_counts()
    {
        string baseline = Path.Combine(_suite.Project, "evalspec.baseline.json");
        File.Delete(baseline);
        SuiteRun first = await SuiteRun.RunProjectAsync(_suite.Assembly, new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "update" });
        first.Process.ExitCode.Should().Be(0, first.Process.ToString());
        Rows(baseline).Values.Should().HaveCount(6).And.OnlyContain(outcome => outcome == "pass");

        // Generation 2: every answer is wrong. Each run updates only its own method's rows.
        string rendezvous = Path.Combine(Path.GetTempPath(), "evalspec-e2e", System.Guid.NewGuid().ToString("n"));
        var environment = new Dictionary<string, string>
        {
            ["EVALSPEC_BASELINE"] = "update",
            ["FIXTURE_GENERATION"] = "2",
            ["FIXTURE_RENDEZVOUS"] = rendezvous,
        };
        SuiteRun[] runs = await Task.WhenAll(
            SuiteRun.RunProjectAsync(_suite.Assembly, environment, "--filter", "EvalMethod=Alpha"),
            SuiteRun.RunProjectAsync(_suite.Assembly, environment, "--filter", "EvalMethod=Beta"));

        Directory.GetFiles(rendezvous).Select(Path.GetFileName).Should().BeEquivalentTo(new[] { "Alpha", "Beta" }, "both runs reached the rendezvous (they overlapped)");
        foreach (SuiteRun run in runs)
        {
            run.Report.Results.Should().HaveCount(3, run.Process.ToString());
            run.Report.Results.Values.Should().OnlyContain(r => r.Outcome == "Failed", "every answer is wrong in generation 2");
        }

        Dictionary<string, string> rows = Rows(baseline);
        rows.Should().HaveCount(6);
        rows.Where(r => r.Key.StartsWith(Alpha + "/", System.StringComparison.Ordinal)).Select(r => r.Value).Should().Equal(new[] { "fail", "fail", "fail" }, "the Alpha run's update must not be lost");
        rows.Where(r => r.Key.StartsWith(Beta + "/", System.StringComparison.Ordinal)).Select(r => r.Value).Should().Equal(new[] { "fail", "fail", "fail" }, "the Beta run's update must not be lost");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(baseline));
        JsonElement methods = document.RootElement.GetProperty("methods");
        foreach (string method in new[] { Alpha, Beta })
        {
            JsonElement counts = methods.GetProperty(method);
            (counts.GetProperty("rows").GetInt32(), counts.GetProperty("pass").GetInt32(), counts.GetProperty("fail").GetInt32()).Should().Be((3, 0, 3), method);
        }

        Directory.GetFiles(_suite.Project).Select(Path.GetFileName).Should().NotContain(f => f!.EndsWith(".tmp", System.StringComparison.Ordinal), "no temporary file is left");
    }

    private static Dictionary<string, string> Rows(string baseline)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(baseline));
        return document.RootElement.GetProperty("rows").EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetProperty("outcome").GetString()!);
    }
}
