using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// On xUnit v3 a row's cancellation includes its test's (<c>TestContext.Current.CancellationToken</c>: CancelCurrentTest,
/// a test timeout, the run's abort), not only the run's: tests/fixtures/v3/CancellationSuite.V3 has rows that cancel
/// their own test and then wait on the token the row gave them, for at most their 40 s timeout.
/// </summary>
public sealed class XunitV3CancellationTests
{
    private const string CancelledRow = "CancellationSuite.CancellationEvals.Answer/cancelled/plain/identity";
    private const string AnsweredRow = "CancellationSuite.CancellationEvals.Answer/answered/plain/identity";
    private const string FollowUpSourceRow = "CancellationSuite.CancellationEvals.FollowUp/cancel-me/plain/identity";
    private const string FollowUpRow = "CancellationSuite.CancellationEvals.FollowUp/cancel-me/plain/lowercase";

    [Fact]
    public async Task A_row_whose_test_xunit_cancels_ends_as_cancelled_instead_of_running_to_its_timeout()
    {
        SuiteRun run = await SuiteRun.RunAsync("v3/CancellationSuite.V3", new Dictionary<string, string> { ["EVALSPEC_BASELINE"] = "ignore" });

        Dictionary<string, JsonElement> rows = run.Rows.ToDictionary(r => r.GetProperty("rowId").GetString()!);
        rows.Keys.Should().BeEquivalentTo(new[] { CancelledRow, AnsweredRow, FollowUpSourceRow, FollowUpRow }, run.Process.ToString());

        foreach (string cancelled in new[] { CancelledRow, FollowUpRow })
        {
            JsonElement row = rows[cancelled];
            row.GetProperty("outcome").GetString().Should().Be("inconclusive", cancelled + " was cancelled: nobody decided it");
            row.GetProperty("reason").GetString().Should().Contain("cancelled").And.NotContain("timed out", $"{cancelled} must stop when xUnit cancels its test, not at its timeout")
                .And.Contain("the row's test was cancelled").And.NotContain("test run was cancelled", "only this test was cancelled, not the run");
        }

        rows[AnsweredRow].GetProperty("outcome").GetString().Should().Be("pass", "another test's cancellation is not this row's");
        rows[FollowUpSourceRow].GetProperty("outcome").GetString().Should().Be("pass", "the relation row's cancellation does not reach the identity row it shares the source run with");
        run["CancellationEvals.Answer [cancelled · plain]"].Outcome.Should().Be("Failed");
        run["CancellationEvals.Answer [answered · plain]"].Outcome.Should().Be("Passed");
        run.Process.ExitCode.Should().Be(1, run.Process.ToString());
    }
}
