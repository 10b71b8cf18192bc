using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// An assembly with its own xUnit test framework keeps it (EvalSpec registers none) and its rows still work:
/// they run one after another, with the same outcomes, and the run is still summarised at exit.
/// </summary>
public sealed class OwnTestFrameworkTests
{
    [Fact]
    public async Task Without_EvalSpecs_framework_rows_still_run_and_the_summary_is_written_at_exit()
    {
        SuiteRun run = await SuiteRun.RunAsync("OwnFrameworkSuite");

        run.Report.Results.Should().HaveCount(20, run.Process.ToString());
        run.Report.Results.Values.Count(r => r.Outcome == "Failed").Should().Be(7);
        run.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(20);
        run.Summary.GetProperty("systemUnderTestCalls").GetInt32().Should().Be(20);
    }
}
