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
    public async Task Without_EvalSpecs_framework_rows_still_run_and_the_summary_is_complete_however_the_process_ends()
    {
        SuiteRun run = await SuiteRun.RunAsync("OwnFrameworkSuite");

        run.Report.Results.Should().HaveCount(20, run.Process.ToString());
        // Without EvalSpec's framework a row cannot turn itself into a skip: the two relations that did not
        // apply fail with a message saying so (never a silent pass).
        run.Report.Results.Values.Count(r => r.Outcome == "Failed").Should().Be(9);
        run.Report.Results.Values.Count(r => r.Message.Contains("Not applicable: relation 'lowercase' did not change the prompt", System.StringComparison.Ordinal)).Should().Be(2);
        run.Summary.GetProperty("rows").GetProperty("total").GetInt32().Should().Be(20);
        run.Summary.GetProperty("systemUnderTestCalls").GetInt32().Should().Be(18);
    }
}
