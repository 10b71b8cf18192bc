using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Prompts;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// The stages of a row's pipeline alone, without running an eval method: how a row is decided (<see cref="RowDecision"/>),
/// classified against the baseline (<see cref="RowClassification"/>) and persisted (<see cref="RowPersistence"/>).
/// </summary>
public sealed class RowStageTests : IClassFixture<EvalRunFixture>
{
    private const string Output = "I cannot say.";
    private readonly EvalRunFixture _run;

    public RowStageTests(EvalRunFixture run)
    {
        _run = run;
    }

    private static PanelVerdict Check(string panel, VerdictOutcome outcome) =>
        new(panel, outcome, outcome == VerdictOutcome.Pass ? 1 : 0, panel + " said " + outcome, Array.Empty<Verdict>());

    private static RowOutcome Failed(string kind = "checks: expected-answer") =>
        new(new RowDecision(VerdictOutcome.Fail, "failed check(s): expected-answer", null, kind, DecidedByChecks: true), [Check("expected-answer", VerdictOutcome.Fail)], []);

    private static RowOutcome Passed() => new(RowDecision.FromChecks([Check("expected-answer", VerdictOutcome.Pass)]), [Check("expected-answer", VerdictOutcome.Pass)], []);

    private static RowResult Result(string outcome, string? output = Output) => new()
    {
        RunId = "run",
        RowId = "Shop.RefundEvals.RefundWindow/laptop/formal/identity",
        Suite = "Shop.RefundEvals",
        Method = "RefundWindow",
        Case = "laptop",
        Variant = "formal",
        Relation = "identity",
        Inputs = new Dictionary<string, JsonElement>(),
        Prompt = "How long?",
        Output = output is null ? null : JsonSerializer.SerializeToElement(output),
        Outcome = outcome,
        Checks = [],
        Reason = "failed check(s): expected-answer",
        LatencyMs = 1,
        StartedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>The baseline entry of this very failure: same kind, same evidence.</summary>
    private static BaselineEntry Recorded(string kind = "checks: expected-answer", string output = Output)
    {
        FailureEvidence evidence = FailureEvidence.Of(output, null, false, null, "failed check(s): expected-answer");
        return new BaselineEntry(VerdictOutcome.Fail, "known: the bot hedges") { Kind = kind, Evidence = evidence.Excerpt, EvidenceHash = evidence.Hash };
    }

    private static RowClassification Classify(RowOutcome outcome, RowResult result, BaselineEntry? recorded, BaselineMode mode = BaselineMode.Use, bool replayMissed = false) =>
        RowClassification.Classify(outcome, result, relation: false, recorded, "evalspec.baseline.json", mode, replayMissed);

    [Fact]
    public void Decide_failed_checks_give_a_failure_kind_naming_them_in_order()
    {
        RowDecision decision = RowDecision.FromChecks([Check("rubric", VerdictOutcome.Fail), Check("expected-answer", VerdictOutcome.Fail), Check("snapshot", VerdictOutcome.Pass)]);

        decision.Outcome.Should().Be(VerdictOutcome.Fail);
        decision.Reason.Should().Be("failed check(s): rubric, expected-answer");
        decision.FailureKind.Should().Be("checks: expected-answer, rubric");
        decision.DecidedByChecks.Should().BeTrue();
    }

    [Theory]
    [InlineData(true, null, "timeout")]
    [InlineData(false, "exception", "exception: InvalidOperationException")]
    [InlineData(false, null, "other: it broke")]
    public void Decide_a_failure_not_made_by_checks_is_a_timeout_an_exception_or_other(bool timedOut, string? exception, string kind)
    {
        RowDecision decision = RowDecision.Of(VerdictOutcome.Fail, "it broke", exception is null ? null : new InvalidOperationException(), timedOut);

        decision.FailureKind.Should().Be(kind);
        RowDecision.Of(VerdictOutcome.Inconclusive, "it broke", new InvalidOperationException(), timedOut).FailureKind.Should().BeNull("only a failure has a kind");
    }

    [Fact]
    public void Decide_a_failed_snapshot_fails_a_row_its_checks_passed_and_keeps_the_outcome_without_it()
    {
        PanelVerdict judge = Check("expected-answer", VerdictOutcome.Pass);
        PanelVerdict snapshot = Check("snapshot", VerdictOutcome.Fail);

        RowDecision decision = RowDecision.FromChecks([judge]).WithSnapshot(snapshot, [judge, snapshot]);

        decision.Outcome.Should().Be(VerdictOutcome.Fail);
        decision.FailureKind.Should().Be("checks: snapshot");
        decision.OutcomeWithoutSnapshot.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void Decide_a_row_that_already_failed_its_run_keeps_its_reason_and_kind_whatever_the_snapshot()
    {
        RowDecision failedRun = RowDecision.Of(VerdictOutcome.Fail, "the eval method threw", new InvalidOperationException());

        RowDecision decision = failedRun.WithSnapshot(Check("snapshot", VerdictOutcome.Fail), []);

        decision.Reason.Should().Be("the eval method threw");
        decision.FailureKind.Should().Be("exception: InvalidOperationException");
    }

    [Fact]
    public void Decide_a_row_of_trials_fails_with_the_rule_as_its_kind_not_the_shown_trials_failure()
    {
        RowDecision trial = RowDecision.Of(VerdictOutcome.Fail, "timed out", timedOut: true);
        TrialSummary summary = TrialSummary.Decide([VerdictOutcome.Fail, VerdictOutcome.Fail, VerdictOutcome.Pass], TrialRule.AllPass, 0.5);

        RowDecision decision = RowDecision.FromTrials(summary, trial, shownTrial: 1);

        decision.Outcome.Should().Be(VerdictOutcome.Fail);
        decision.FailureKind.Should().Be("trials: " + summary.Rule);
        decision.Reason.Should().EndWith("; trial 1: timed out");
    }

    [Fact]
    public void Classify_the_failure_the_baseline_records_is_a_known_failure()
    {
        RowClassification classification = Classify(Failed(), Result("fail"), Recorded());

        classification.KnownFailure.Should().BeTrue();
        classification.Match.Excused.Should().BeTrue();
        classification.Evidence!.Hash.Should().Be(Recorded().EvidenceHash);
    }

    [Theory]
    [InlineData(BaselineMode.Ignore)]
    [InlineData(BaselineMode.Update)]
    public void Classify_only_a_run_that_uses_the_baseline_excuses_a_failure(BaselineMode mode)
    {
        Classify(Failed(), Result("fail"), Recorded(), mode).KnownFailure.Should().BeFalse();
    }

    [Fact]
    public void Classify_a_replay_miss_is_never_excused()
    {
        Classify(Failed(), Result("fail"), Recorded(), replayMissed: true).KnownFailure.Should().BeFalse();
    }

    [Fact]
    public void Classify_another_kind_or_another_output_is_not_the_recorded_failure()
    {
        Classify(Failed(kind: "timeout"), Result("fail"), Recorded()).KnownFailure.Should().BeFalse();
        RowClassification otherOutput = Classify(Failed(), Result("fail", output: "A different wrong answer."), Recorded());
        otherOutput.KnownFailure.Should().BeFalse();
        otherOutput.Match.Message.Should().NotBeEmpty("the message says why the failure is not excused");
    }

    [Fact]
    public void Classify_a_failure_of_a_row_the_baseline_records_as_passing_is_a_regression()
    {
        RowClassification classification = Classify(Failed(), Result("fail"), new BaselineEntry(VerdictOutcome.Pass, null));

        classification.KnownFailure.Should().BeFalse();
        classification.Match.Message.Should().Contain("Regression");
    }

    [Fact]
    public void Classify_a_pass_of_a_row_the_baseline_records_as_failing_is_fixed_and_has_no_evidence()
    {
        RowClassification classification = Classify(Passed(), Result("pass"), Recorded());

        classification.FixedSinceBaseline.Should().BeTrue();
        classification.KnownFailure.Should().BeFalse();
        classification.Evidence.Should().BeNull();
    }

    [Fact]
    public void Persist_the_results_line_carries_the_classification()
    {
        RowClassification classification = Classify(Failed(), Result("fail"), Recorded());

        RowResult line = RowPersistence.ResultLine(Result("fail"), Failed(), classification, EvalSpec.Recording.RecordingMode.Replay);

        line.Baseline.Should().Be("fail");
        line.KnownFailure.Should().BeTrue();
        line.FailureKind.Should().Be("checks: expected-answer");
        line.FailureEvidenceHash.Should().Be(classification.Evidence!.Hash);
        RowPersistence.ResultLine(Result("pass"), Passed(), Classify(Passed(), Result("pass"), null), EvalSpec.Recording.RecordingMode.Replay)
            .Should().Match<RowResult>(r => r.Baseline == null && r.KnownFailure == null && r.FailureKind == null && r.FailureEvidence == null);
    }

    [Fact]
    public void Persist_counts_the_row_remembers_it_for_the_metrics_and_appends_its_line()
    {
        using var own = new EvalRunFixture();
        var method = new EvalMethodDescriptor(
            typeof(RowStageTests), "RefundWindow", null, 0.5, 0, ["product"], [new PromptVariant("formal", "How long?")], [new EvalCaseDescriptor("laptop", ["a laptop"], null)], [], (_, _, _) => default);
        RowResult result = Result("fail") with { RowId = method.Id + "/laptop/formal/identity" };
        RowClassification classification = Classify(Failed(), result, Recorded());
        var judged = new JudgedRow(result.RowId, method, "laptop", "formal", null, VerdictOutcome.Fail, false, null);

        RowPersistence.Persist(own.Host, judged, Failed(), classification, result, judgeErrorNotice: null, System.Diagnostics.Stopwatch.GetTimestamp());

        own.Host.Statistics.KnownFailures.Should().Be(1);
        own.Host.Statistics.ByMethod[method.Id].Should().Equal(0, 1, 0, 0);
        own.Host.JudgedRows.Should().ContainSingle(r => r.RowId == result.RowId);
        JsonElement line = own.ResultOf(result.RowId);
        line.GetProperty("knownFailure").GetBoolean().Should().BeTrue();
        line.GetProperty("failureKind").GetString().Should().Be("checks: expected-answer");
        File.Exists(Path.Combine(own.Host.RunDirectory, "summary.json")).Should().BeTrue("a run no test framework completes rewrites its summary after each row");
    }
}
