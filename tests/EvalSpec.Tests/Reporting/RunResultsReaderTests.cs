using System;
using System.IO;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting.Gate;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

public sealed class RunResultsReaderTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(params string[] lines)
    {
        string path = _folder.Combine(RunResultsReader.FileName);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static string Line(string outcome, string reason, string extra = "") =>
        $$"""{"rowId":"Shop.RefundEvals.RefundWindow/laptop/formal/identity","suite":"Shop.RefundEvals","method":"RefundWindow","case":"laptop","variant":"formal","relation":"identity","outcome":"{{outcome}}","checks":[],"reason":"{{reason}}"{{extra}}}""";

    [Fact]
    public void A_malformed_line_is_reported_with_the_file_and_its_line_number()
    {
        string path = Write(Line("pass", "ok"), string.Empty, """{"rowId":"x/y/z/identity","outcome":""");

        Action act = () => RunResultsReader.Read(path);

        act.Should().Throw<RunDataException>().WithMessage($"{path}, line 3: not valid JSON*");
    }

    [Fact]
    public void An_unknown_outcome_is_reported_with_the_line_and_the_value()
    {
        string path = Write(Line("pass", "ok"), Line("passed", "ok"));

        Action act = () => RunResultsReader.Read(path);

        act.Should().Throw<RunDataException>().WithMessage($"{path}, line 2: \"outcome\" must be pass, fail, inconclusive or not-applicable (found \"passed\")*");
    }

    [Fact]
    public void Rows_are_read_with_their_checks_verdicts_tokens_and_the_applicability_older_files_state_apart()
    {
        string path = Write(
            """{"rowId":"Shop.RefundEvals.RefundWindow/laptop/formal/typos","suite":"Shop.RefundEvals","method":"RefundWindow","case":"laptop","variant":"formal","relation":"typos","relationKind":"invariant","outcome":"fail","inputSimilarity":0.91,"checks":[{"name":"rubric","outcome":"fail","score":0.25,"rationale":"no","verdicts":[{"judge":"llama","outcome":"fail","score":0.25,"rationale":"no","latencyMs":3,"modelCalls":1,"model":"llama-3.1-8b","inputTokens":812,"outputTokens":64}]}],"reason":"failed check(s): rubric","knownFailure":true}""",
            """{"rowId":"Shop.RefundEvals.RefundWindow/laptop/formal/lowercase","suite":"Shop.RefundEvals","method":"RefundWindow","case":"laptop","variant":"formal","relation":"lowercase","relationKind":"invariant","outcome":"inconclusive","checks":[],"applicable":false}""");

        RunRow[] rows = RunResultsReader.Read(path).ToArray();

        rows.Select(r => r.Relation).Should().Equal("lowercase", "typos");
        rows[0].IsJudged.Should().BeFalse();
        RunRow typos = rows[1];
        (typos.MethodId, typos.KnownFailure, typos.InputSimilarity, typos.Score).Should().Be(("Shop.RefundEvals.RefundWindow", true, 0.91, 0.25));
        typos.Checks.Single().Verdicts.Single().Should().Be(new RunVerdict("llama", VerdictOutcome.Fail, 0.25, false, 1, "llama-3.1-8b", 812, 64));
        typos.DisplayName.Should().Be("RefundEvals.RefundWindow [laptop · formal · typos]");
    }

    [Fact]
    public void A_not_applicable_outcome_is_a_row_that_was_not_judged()
    {
        RunRow row = RunResultsReader.Read(Write(Line("not-applicable", "relation 'lowercase' did not change the prompt"))).Single();

        row.IsJudged.Should().BeFalse();
        row.Applicable.Should().BeFalse();
        row.Score.Should().BeNull();
        row.FailureKind.Should().BeNull();
    }

    [Fact]
    public void The_failure_evidence_the_runtime_wrote_is_read_as_written()
    {
        RunRow row = RunResultsReader.Read(Write(Line("fail", "failed check(s): expected-answer", ""","output":"Returns within 14 days.","failureEvidence":"Returns within 14 days.","failureEvidenceHash":"0123456789abcdef" """))).Single();

        row.FailureEvidence.Should().Be(new FailureEvidence("Returns within 14 days.", "0123456789abcdef"));
    }

    [Fact]
    public void Without_written_evidence_it_is_computed_from_the_output_and_for_a_structured_output_from_its_json()
    {
        RunRow text = RunResultsReader.Read(Write(Line("fail", "failed check(s): expected-answer", ""","output":"Returns\r\nwithin   14 days. " """))).Single();
        RunRow structured = RunResultsReader.Read(Write(Line("fail", "failed check(s): expected-answer", ""","output":{"quantity":3,"total":13.5}"""))).Single();

        text.FailureEvidence.Should().Be(FailureEvidence.Of("Returns within 14 days.", null, relationRow: false, trials: null, reason: null));
        structured.FailureEvidence!.Excerpt.Should().Be("""{"quantity":3,"total":13.5}""");
    }

    [Theory]
    [InlineData("timed out after 2 s (set [Eval(Timeout = ...)] in milliseconds, or RowTimeout in evalspec.json)", "timeout")]
    [InlineData("the follow-up run timed out after 2 s (...)", "timeout")]
    [InlineData("the eval method threw InvalidOperationException: the bot is down", "exception: InvalidOperationException")]
    [InlineData("the eval method threw on the follow-up input: HttpRequestException: 503", "exception: HttpRequestException")]
    [InlineData("something else", "other: something else")]
    public void The_failure_kind_of_a_row_without_failed_checks_is_derived_from_its_reason_as_the_runtime_builds_it(string reason, string kind)
    {
        RunRow row = RunResultsReader.Read(Write(Line("fail", reason))).Single();

        row.FailureKind.Should().Be(kind);
        row.Score.Should().Be(0);
    }

    [Fact]
    public void A_row_with_trials_fails_by_its_rule_and_scores_the_share_of_passing_trials()
    {
        const string trials = ""","trials":[{"trial":0,"outcome":"pass"},{"trial":1,"outcome":"fail"},{"trial":2,"outcome":"pass"},{"trial":3,"outcome":"inconclusive"}]""";
        RunRow row = RunResultsReader.Read(Write(Line("fail", "2/3 passed (Wilson 95% LB 0.21); rule: pass^4; trial 1: failed check(s): expected-answer", trials))).Single();

        row.FailureKind.Should().Be("trials: pass^4");
        row.Score.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void A_failure_kind_written_by_the_runtime_wins_over_the_derived_one()
    {
        RunRow row = RunResultsReader.Read(Write(Line("fail", "something else", ""","failureKind":"exception: TimeoutRejectedException" """))).Single();

        row.FailureKind.Should().Be("exception: TimeoutRejectedException");
    }
}
