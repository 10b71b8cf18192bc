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
/// <c>EVALSPEC_BASELINE=update</c> (or <c>evalspec baseline update</c>) of a run made
/// while the provider of the system under test was down replaces every curated entry with the outage ("exception:
/// HttpRequestException", the 500 message as evidence). Recordings have the rule "a failed call never replaces anything"
/// and "more than 10% failing removes nothing"; the baseline has none. Worse, the outage is then a known failure: the next
/// outage matches it (same kind, same evidence), every row is skipped as known, and the gate sees fail -> fail.
/// </summary>
public sealed class BaselineOutageTests : IDisposable
{
    private const string Outage = "the eval method threw HttpRequestException: Response status code does not indicate success: 500 (Internal Server Error).";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_update_from_a_run_where_every_row_threw_on_a_provider_outage_keeps_the_curated_entries()
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

    [Fact]
    public void An_update_where_more_than_a_tenth_of_the_rows_errored_changes_nothing_and_names_the_count()
    {
        string path = _folder.Combine(Baseline.FileName);
        RunRow[] curated = RunRows.Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = RunRows.Record(path, curated);
        byte[] before = System.IO.File.ReadAllBytes(path);

        // Three of twenty (15%) time out; the others now fail a check, which would be recorded without the outage.
        RunRow[] run = curated.Select((r, i) => i < 3
            ? r with { Outcome = VerdictOutcome.Fail, Reason = "timed out after 30 s", Checks = [] }
            : r with { Outcome = VerdictOutcome.Fail, Reason = "failed check(s): expected-answer", Checks = [new RunCheck("expected-answer", VerdictOutcome.Fail, 0, "no", [])] }).ToArray();
        BaselineChanges changes = BaselineUpdate.Apply(baseline, RunRows.Run(run), replace: false);

        changes.Refused.Should().BeTrue();
        changes.Errored.Should().HaveCount(3);
        changes.ErroredNote(20).Should().Contain("Baseline not updated: 3 of 20 judged rows errored");
        System.IO.File.ReadAllBytes(path).Should().Equal(before, "an update refused for an outage writes nothing");
    }

    [Fact]
    public void A_few_errored_rows_keep_their_entries_while_the_others_are_recorded()
    {
        string path = _folder.Combine(Baseline.FileName);
        RunRow[] curated = RunRows.Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = RunRows.Record(path, curated);

        // One row's judge errored (inconclusive), one row's eval method has a bug (recorded), the rest fail a check.
        RunVerdict errored = new("llm-judge", VerdictOutcome.Inconclusive, null, Errored: true, 1, "gpt-4o-mini", 0, 0);
        RunRow[] run = curated.Select((r, i) => i switch
        {
            0 => r with { Outcome = VerdictOutcome.Inconclusive, Reason = "judge errored", Checks = [new RunCheck("rubric", VerdictOutcome.Inconclusive, null, "judge errored: HTTP 500", [errored])] },
            1 => r with { Outcome = VerdictOutcome.Fail, Reason = "the eval method threw NullReferenceException: Object reference not set to an instance of an object.", Checks = [] },
            _ => r with { Outcome = VerdictOutcome.Fail, Reason = "failed check(s): expected-answer", Checks = [new RunCheck("expected-answer", VerdictOutcome.Fail, 0, "no", [])] },
        }).ToArray();
        BaselineChanges changes = BaselineUpdate.Apply(baseline, RunRows.Run(run), replace: true);
        Baseline after = Baseline.Load(path);

        changes.Refused.Should().BeFalse("one of twenty (5%) is within the share");
        changes.Errored.Should().Equal(curated[0].RowId);
        after.Find(curated[0].RowId)!.Outcome.Should().Be(VerdictOutcome.Pass, "a judge error says nothing about the row, even when the baseline is replaced");
        after.Find(curated[1].RowId)!.Outcome.Should().Be(VerdictOutcome.Fail, "a bug in the eval method is a real failure");
        after.Rows.Values.Count(e => e.Outcome == VerdictOutcome.Fail).Should().Be(19);
        changes.ErroredNote(20).Should().Contain("1 of 20 judged rows errored").And.Contain("kept");
    }

    [Fact]
    public void An_errored_row_with_no_entry_yet_is_recorded_as_it_failed_and_an_errored_row_with_one_keeps_it()
    {
        string path = _folder.Combine(Baseline.FileName);
        RunRow[] rows = RunRows.Many("RefundWindow", 20, VerdictOutcome.Pass).ToArray();
        Baseline baseline = RunRows.Record(path, rows.Skip(1).ToArray());

        // Row 0 is new and times out; row 1 has a reviewed pass entry and times out too.
        RunRow[] run = rows.Select((r, i) => i < 2
            ? r with { Outcome = VerdictOutcome.Fail, Reason = "timed out after 0.5 s (set [Eval(Timeout = ...)] in milliseconds, or RowTimeout in evalspec.json)", Checks = [] }
            : r).ToArray();
        BaselineChanges changes = BaselineUpdate.Apply(baseline, RunRows.Run(run), replace: false);
        Baseline after = Baseline.Load(path);

        changes.Refused.Should().BeFalse("two of twenty (10%) is within the share");
        changes.Errored.Should().BeEquivalentTo([rows[0].RowId, rows[1].RowId]);
        after.Find(rows[0].RowId)!.Outcome.Should().Be(VerdictOutcome.Fail, "a row with nothing recorded has nothing curated to lose");
        after.Find(rows[1].RowId)!.Outcome.Should().Be(VerdictOutcome.Pass, "a reviewed entry is never replaced by a failed call");
    }
}
