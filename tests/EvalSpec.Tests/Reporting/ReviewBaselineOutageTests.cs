using System;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// Review finding (expected to fail): <c>EVALSPEC_BASELINE=update</c> (or <c>evalspec baseline update</c>) of a run made
/// while the provider of the system under test was down replaces every curated entry with the outage ("exception:
/// HttpRequestException", the 500 message as evidence). Recordings have the rule "a failed call never replaces anything"
/// and "more than 10% failing removes nothing"; the baseline has none. Worse, the outage is then a known failure: the next
/// outage matches it (same kind, same evidence), every row is skipped as known, and the gate sees fail -> fail.
/// </summary>
public sealed class ReviewBaselineOutageTests : IDisposable
{
    private const string Outage = "the eval method threw HttpRequestException: Response status code does not indicate success: 500 (Internal Server Error).";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [Trait("Review", "ExpectedToFail")]
    public void Review_an_update_from_a_run_where_every_row_threw_on_a_provider_outage_keeps_the_curated_entries()
    {
        string path = _folder.Combine(Baseline.FileName);
        RunRow[] curated = RunRows.Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = RunRows.Record(path, curated);

        RunRow[] outage = curated.Select(r => r with { Outcome = VerdictOutcome.Fail, Reason = Outage, Checks = [] }).ToArray();
        BaselineUpdate.Apply(baseline, RunRows.Run(outage), replace: false);
        Baseline after = Baseline.Load(path);

        after.Rows.Values.Count(e => e.Outcome == VerdictOutcome.Pass).Should().Be(
            20, "a run in which every row threw on the provider's HTTP 500 says nothing about the rows; it must not replace 20 reviewed passing entries with known failures");
    }
}
