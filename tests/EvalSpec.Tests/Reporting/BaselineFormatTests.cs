using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Reporting.RunRows;

namespace EvalSpec.Tests.Reporting;

public sealed class BaselineFormatTests : IDisposable
{
    private const string Refund = "Shop.RefundEvals.RefundWindow";
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Path => _folder.Combine(Baseline.FileName);

    [Fact]
    public void A_version_1_file_is_read_with_its_outcomes_reasons_and_kinds()
    {
        File.WriteAllText(Path, $$"""
            {
              "version": 1,
              "rows": {
                "{{Refund}}/laptop/formal/identity": { "outcome": "pass" },
                "{{Refund}}/phone/formal/identity": { "outcome": "fail", "reason": "expected-answer: wrong window", "kind": "checks: expected-answer" }
              }
            }
            """);

        Baseline baseline = Baseline.Load(Path);

        baseline.Version.Should().Be(1);
        baseline.Exists.Should().BeTrue();
        baseline.Methods.Should().BeEmpty();
        BaselineEntry failing = baseline.Find($"{Refund}/phone/formal/identity")!;
        (failing.Outcome, failing.Reason, failing.Kind, failing.Score).Should().Be((VerdictOutcome.Fail, "expected-answer: wrong window", "checks: expected-answer", (double?)null));
    }

    [Fact]
    public void A_run_recorded_in_version_3_reads_back_with_row_scores_and_method_metrics()
    {
        RunData run = Run(
        [
            Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass, score: 0.75),
            Row("RefundWindow", "laptop", "casual", VerdictOutcome.Fail, score: 0.2),
            Row("RefundWindow", "phone", "formal", VerdictOutcome.Pass),
            Row("RefundWindow", "phone", "casual", VerdictOutcome.Pass),
            Row("RefundWindow", "laptop", "formal", VerdictOutcome.Fail, relation: "typos", score: 0.1),
            Row("RefundWindow", "phone", "formal", VerdictOutcome.Inconclusive, relation: "lowercase", applicable: false),
        ]);

        BaselineUpdate.Apply(Baseline.Empty(Path), run, replace: false);
        Baseline baseline = Baseline.Load(Path);

        baseline.Version.Should().Be(3);
        baseline.Rows.Should().HaveCount(5, "the not-applicable row is not recorded");
        FailureEvidence noOutput = FailureEvidence.Of(null, null, relationRow: false, trials: null, reason: "failed check(s): expected-answer");
        baseline.Find($"{Refund}/laptop/casual/identity").Should().Be(
            new BaselineEntry(VerdictOutcome.Fail, "expected-answer: does not contain the answer") { Kind = "checks: expected-answer", Score = 0.2, Evidence = noOutput.Excerpt, EvidenceHash = noOutput.Hash });
        BaselineMethod method = baseline.Methods[Refund];
        (method.Rows, method.Pass, method.Fail, method.Inconclusive, method.PassRate).Should().Be((5, 3, 2, 0, 0.6));

        // Variants formal / casual: laptop passes under formal only, phone under both -> P = 1, 0.5.
        method.MultiPrompt.Should().Be(new BaselineMultiPrompt(MaxP: 1, AvgP: 0.75, Cps: 0.75));
        method.Robustness.Should().Be(new BaselineRobustness(AttackSuccessRate: 1, WeightedAttackSuccessRate: 1));
    }

    [Fact]
    public void The_file_is_sorted_LF_terminated_without_a_byte_order_mark_and_the_same_bytes_every_time()
    {
        RunRow[] rows = [Row("Warranty", "b", "formal", VerdictOutcome.Pass), Row("RefundWindow", "z", "formal", VerdictOutcome.Fail), Row("RefundWindow", "a", "formal", VerdictOutcome.Pass, score: 2.0 / 3)];

        BaselineUpdate.Apply(Baseline.Empty(Path), Run(rows), replace: false);
        byte[] first = File.ReadAllBytes(Path);
        BaselineUpdate.Apply(Baseline.Load(Path), Run(rows.Reverse()), replace: false);
        byte[] second = File.ReadAllBytes(Path);

        second.Should().Equal(first);
        first.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        string text = Encoding.UTF8.GetString(first);
        text.Should().NotContain("\r").And.EndWith("}\n").And.Contain("\"score\": 0.6667");
        text.IndexOf("RefundWindow/a/", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("RefundWindow/z/", StringComparison.Ordinal));
        text.IndexOf("\"methods\"", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("\"rows\": {", StringComparison.Ordinal));
        text.Should().NotContainAny("finishedAt", "startedAt", "runId");
    }

    [Fact]
    public void The_runtime_update_keeps_the_metrics_of_methods_it_did_not_touch_and_drops_those_it_cannot_recompute()
    {
        RunData run = Run([.. Many("RefundWindow", 4, VerdictOutcome.Pass), .. Many("Warranty", 4, VerdictOutcome.Pass),
            Row("Warranty", "c00", "formal", VerdictOutcome.Fail, relation: "typos")]);
        BaselineUpdate.Apply(Baseline.Empty(Path), run, replace: false);

        // As EvalRun does with EVALSPEC_BASELINE=update after a run of RefundWindow only.
        Baseline.Load(Path).WriteMerged(
            new Dictionary<string, BaselineEntry> { [$"{Refund}/c00/formal/identity"] = Baseline.Entry(VerdictOutcome.Fail, "wrong", "checks: expected-answer") },
            Array.Empty<string>());
        Baseline merged = Baseline.Load(Path);

        merged.Methods["Shop.RefundEvals.Warranty"].Robustness.Should().Be(new BaselineRobustness(1, 1), "Warranty did not run");
        merged.Methods[Refund].PassRate.Should().Be(0.75, "counts are recomputed from the rows");
        merged.Methods[Refund].Robustness.Should().BeNull();
        merged.Find($"{Refund}/c00/formal/identity")!.Score.Should().BeNull("the runtime records outcomes without scores");
        merged.Find($"{Refund}/c01/formal/identity")!.Score.Should().Be(1);
    }

    [Fact]
    public void Recording_a_run_keeps_rows_it_did_not_have_unless_the_baseline_is_replaced()
    {
        BaselineUpdate.Apply(Baseline.Empty(Path), Run(Many("RefundWindow", 6, VerdictOutcome.Pass)), replace: false);
        RunData partial = Run(With(Many("RefundWindow", 2, VerdictOutcome.Pass).ToArray(), VerdictOutcome.Fail, "c01"));

        BaselineChanges merged = BaselineUpdate.Apply(Baseline.Load(Path), partial, replace: false);
        merged.Kept.Should().Be(4);
        merged.OutcomeChanged.Should().Equal(($"{Refund}/c01/formal/identity", "pass", "fail"));
        Baseline.Load(Path).Rows.Should().HaveCount(6);

        BaselineChanges replaced = BaselineUpdate.Apply(Baseline.Load(Path), partial, replace: true);
        replaced.Removed.Should().HaveCount(4);
        Baseline.Load(Path).Rows.Keys.Should().BeEquivalentTo($"{Refund}/c00/formal/identity", $"{Refund}/c01/formal/identity");
    }

    [Fact]
    public void The_format_number_is_written_as_format_and_the_legacy_version_field_is_still_read()
    {
        BaselineUpdate.Apply(Baseline.Empty(Path), Run(Many("RefundWindow", 2, VerdictOutcome.Pass)), replace: false);
        string text = File.ReadAllText(Path);
        text.Should().StartWith("{\n  \"format\": 3,\n").And.NotContain("\"version\"");

        File.WriteAllText(Path, text.Replace("\"format\": 3", "\"version\": 3", StringComparison.Ordinal));
        Baseline legacy = Baseline.Load(Path);
        legacy.Version.Should().Be(3);
        legacy.Rows.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("""{ "format": 5, "rows": {} }""")]
    [InlineData("""{ "version": 5, "rows": {} }""")]
    public void A_newer_format_is_refused_naming_the_file_and_the_EvalSpec_that_writes_it_without_saying_delete_it(string json)
    {
        File.WriteAllText(Path, json);

        Action act = () => Baseline.Load(Path);

        string message = act.Should().Throw<EvalConfigurationException>().Which.Message;
        message.Should().Contain(Path).And.Contain("format 5").And.Contain("newer than this one")
            .And.Contain($"EvalSpec {EvalSpec.Persistence.CommittedFileFormats.Baseline.FirstWrittenBy[^1].Value}")
            .And.Contain("Update the EvalSpec package").And.Contain("docs/schemas/README.md");
        message.Should().NotContain("delete", "the file is fine: this EvalSpec is too old for it");
        File.ReadAllText(Path).Should().Be(json, "a file EvalSpec cannot read is never rewritten");
    }

    [Fact]
    public void A_file_without_a_format_number_is_refused()
    {
        File.WriteAllText(Path, """{ "rows": {} }""");

        Action act = () => Baseline.Load(Path);

        act.Should().Throw<EvalConfigurationException>().WithMessage($"*{Path}*no \"format\" number*");
    }

    [Fact]
    public void The_format_table_lists_every_format_up_to_the_one_written()
    {
        EvalSpec.Persistence.CommittedFileFormats.Baseline.Current.Should().Be(Baseline.PinnedVersion, "a new format needs its row in CommittedFileFormats (and a schema)");
        EvalSpec.Persistence.CommittedFileFormats.Baseline.Readable.Should().Equal(Enumerable.Range(1, Baseline.PinnedVersion));
    }

    [Fact]
    public void A_version_2_file_is_read_with_its_kinds_and_scores_but_no_evidence()
    {
        File.WriteAllText(Path, $$"""
            {
              "version": 2,
              "methods": {},
              "rows": {
                "{{Refund}}/phone/formal/identity": { "outcome": "fail", "reason": "expected-answer: wrong window", "kind": "checks: expected-answer", "score": 0 }
              }
            }
            """);

        BaselineEntry failing = Baseline.Load(Path).Find($"{Refund}/phone/formal/identity")!;

        (failing.Kind, failing.Score, failing.Evidence, failing.EvidenceHash).Should().Be(("checks: expected-answer", (double?)0, (string?)null, (string?)null));
    }

    [Fact]
    public void A_failing_row_is_recorded_with_its_kind_and_the_excerpt_and_hash_of_its_normalised_output()
    {
        RunRow failing = Row("RefundWindow", "phone", "formal", VerdictOutcome.Fail) with { OutputText = "Phones:\r\n  returns within 30   days." };

        BaselineUpdate.Apply(Baseline.Empty(Path), Run([failing, Row("RefundWindow", "laptop", "formal", VerdictOutcome.Pass) with { OutputText = "30 days" }]), replace: false);
        Baseline baseline = Baseline.Load(Path);

        baseline.Version.Should().Be(3);
        BaselineEntry entry = baseline.Find($"{Refund}/phone/formal/identity")!;
        entry.Kind.Should().Be("checks: expected-answer");
        entry.Evidence.Should().Be("Phones: returns within 30 days.");
        entry.EvidenceHash.Should().Be(FailureEvidence.Of("Phones: returns within 30 days.", null, relationRow: false, trials: null, reason: null).Hash).And.MatchRegex("^[0-9a-f]{16}$");
        BaselineEntry passing = baseline.Find($"{Refund}/laptop/formal/identity")!;
        (passing.Kind, passing.Evidence, passing.EvidenceHash).Should().Be(((string?)null, (string?)null, (string?)null), "a pass records no failure");
        File.ReadAllText(Path).Should().Contain("\"evidence\": \"Phones: returns within 30 days.\"");
    }
}
