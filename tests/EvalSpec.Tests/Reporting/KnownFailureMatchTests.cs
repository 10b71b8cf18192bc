using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>
/// A baseline entry excuses a failing row only when it records the same failure: the same kind and the same normalised
/// evidence. Anything else is red, with the recorded and the new failure side by side.
/// </summary>
public sealed class KnownFailureMatchTests
{
    private const string File = "evalspec.baseline.json";
    private const string Kind = "checks: expected-answer";

    private static FailureEvidence Output(string text) => FailureEvidence.Of(text, null, relationRow: false, trials: null, reason: null);

    private static BaselineEntry Recorded(string output, string? kind = Kind) =>
        Baseline.Entry(VerdictOutcome.Fail, "expected-answer: does not contain \"14 days\"", kind, 0, Output(output));

    [Fact]
    public void The_same_failed_checks_with_the_same_output_are_the_known_failure()
    {
        KnownFailureMatch match = KnownFailureMatch.Decide(Recorded("Laptops can be returned within 30 days."), File, Kind, Output("Laptops can be returned within 30 days."));

        match.Excused.Should().BeTrue();
        match.Message.Should().BeEmpty();
    }

    [Fact]
    public void Line_ends_and_runs_of_white_space_do_not_make_a_failure_different()
    {
        KnownFailureMatch match = KnownFailureMatch.Decide(
            Recorded("Laptops can be returned\nwithin 30 days."),
            File,
            Kind,
            Output("  Laptops can be returned\r\n\twithin   30 days.\n"));

        match.Excused.Should().BeTrue();
    }

    [Fact]
    public void Another_wrong_output_failing_the_same_check_is_red_with_both_failures_side_by_side()
    {
        KnownFailureMatch match = KnownFailureMatch.Decide(Recorded("Laptops can be returned within 30 days."), File, Kind, Output("Phones can be returned within 7 days."));

        match.Excused.Should().BeFalse();
        match.Message.Should()
            .Contain($"Regression: evalspec.baseline.json records this row as failing the same way ({Kind}) but with other evidence")
            .And.Contain($"  recorded: {Kind}; \"Laptops can be returned within 30 days.\" (evidence {Output("Laptops can be returned within 30 days.").Hash})")
            .And.Contain($"  now:      {Kind}; \"Phones can be returned within 7 days.\" (evidence {Output("Phones can be returned within 7 days.").Hash})");
    }

    [Fact]
    public void Letter_case_and_punctuation_are_part_of_the_output()
    {
        KnownFailureMatch.Decide(Recorded("Laptops: 30 days."), File, Kind, Output("laptops: 30 days")).Excused.Should().BeFalse();
    }

    [Fact]
    public void The_same_output_failing_other_checks_is_red()
    {
        KnownFailureMatch match = KnownFailureMatch.Decide(Recorded("30 days"), File, "checks: expected-answer, rubric", Output("30 days"));

        match.Excused.Should().BeFalse();
        match.Message.Should().Contain("failing differently").And.Contain("recorded: checks: expected-answer;").And.Contain("now:      checks: expected-answer, rubric;");
    }

    [Fact]
    public void An_entry_without_a_kind_excuses_nothing_and_says_how_to_record_it_again()
    {
        var entry = new BaselineEntry(VerdictOutcome.Fail, "expected-answer: wrong window");

        KnownFailureMatch match = KnownFailureMatch.Decide(entry, File, Kind, Output("Phones can be returned within 7 days."));

        match.Excused.Should().BeFalse();
        match.Message.Should().Contain("Not a known failure: evalspec.baseline.json records this row as failing but not how it failed")
            .And.Contain("excuses nothing")
            .And.Contain("recorded: (no kind); expected-answer: wrong window")
            .And.Contain("now:      checks: expected-answer; \"Phones can be returned within 7 days.\"")
            .And.Contain("EVALSPEC_BASELINE=update dotnet test").And.Contain("evalspec baseline update");
    }

    [Fact]
    public void A_version_2_entry_with_a_kind_but_no_evidence_excuses_nothing()
    {
        var entry = new BaselineEntry(VerdictOutcome.Fail, "expected-answer: wrong window") { Kind = Kind, Score = 0 };

        KnownFailureMatch match = KnownFailureMatch.Decide(entry, File, Kind, Output("Laptops can be returned within 30 days."));

        match.Excused.Should().BeFalse();
        match.Message.Should().Contain("but not what the failure showed").And.Contain("baseline version 3");
    }

    [Fact]
    public void A_row_recorded_as_passing_is_a_regression()
    {
        KnownFailureMatch match = KnownFailureMatch.Decide(Baseline.Entry(VerdictOutcome.Pass, null, null, 1), File, Kind, Output("x"));

        match.Excused.Should().BeFalse();
        match.Message.Should().Contain("Regression: evalspec.baseline.json records this row as passing.");
    }

    [Fact]
    public void A_row_recorded_as_inconclusive_excuses_no_failure()
    {
        KnownFailureMatch.Decide(new BaselineEntry(VerdictOutcome.Inconclusive, "a judge errored"), File, Kind, Output("x")).Excused.Should().BeFalse();
    }

    [Fact]
    public void A_relation_row_is_the_same_failure_only_with_the_same_source_and_follow_up_outputs()
    {
        FailureEvidence recorded = FailureEvidence.Of("It is 30 days.", "It is 14 days.", relationRow: true, trials: null, reason: null);
        BaselineEntry entry = Baseline.Entry(VerdictOutcome.Fail, "relation typos: changed", "checks: relation typos (invariant)", 0, recorded);

        KnownFailureMatch.Decide(entry, File, "checks: relation typos (invariant)", FailureEvidence.Of("It is 30 days.", "It is 14 days.", true, null, null)).Excused.Should().BeTrue();
        KnownFailureMatch.Decide(entry, File, "checks: relation typos (invariant)", FailureEvidence.Of("It is 30 days.", "It is 21 days.", true, null, null)).Excused.Should().BeFalse("the source output changed");
        recorded.Excerpt.Should().Be("follow-up: It is 30 days. | source: It is 14 days.");
    }

    [Fact]
    public void A_row_with_trials_is_the_same_failure_only_with_the_same_trial_outcomes_and_outputs()
    {
        FailureEvidence.Trial[] trials = [new(VerdictOutcome.Pass, "30 days"), new(VerdictOutcome.Fail, "14 days")];
        FailureEvidence.Trial[] otherOutput = [new(VerdictOutcome.Pass, "30 days"), new(VerdictOutcome.Fail, "7 days")];
        FailureEvidence.Trial[] otherOrder = [new(VerdictOutcome.Fail, "14 days"), new(VerdictOutcome.Pass, "30 days")];

        FailureEvidence recorded = FailureEvidence.Of("30 days", null, false, trials, null);

        FailureEvidence.Of("30 days", null, false, [new(VerdictOutcome.Pass, "30 days"), new(VerdictOutcome.Fail, "14  days ")], null).Should().Be(recorded);
        FailureEvidence.Of("30 days", null, false, otherOutput, null).Hash.Should().NotBe(recorded.Hash);
        FailureEvidence.Of("30 days", null, false, otherOrder, null).Hash.Should().NotBe(recorded.Hash);
        recorded.Excerpt.Should().Be("trial 0 pass: 30 days | trial 1 fail: 14 days");
    }

    [Fact]
    public void Without_an_output_a_failure_is_told_apart_by_its_reason()
    {
        FailureEvidence crash = FailureEvidence.Of(null, null, false, null, "the eval method threw InvalidOperationException: the bot crashed on anything");

        crash.Excerpt.Should().Be("the eval method threw InvalidOperationException: the bot crashed on anything");
        FailureEvidence.Of(null, null, false, null, "the eval method threw InvalidOperationException: the bot crashed on nothing").Hash.Should().NotBe(crash.Hash);
    }

    [Fact]
    public void A_long_output_is_excerpted_but_hashed_whole()
    {
        string output = new string('a', 500);
        FailureEvidence evidence = Output(output);

        evidence.Excerpt.Should().HaveLength(FailureEvidence.ExcerptLength + 3).And.EndWith("...");
        Output(output + "b").Hash.Should().NotBe(evidence.Hash);
    }

    [Fact]
    public void A_structured_output_reads_the_same_whether_the_runtime_serialised_it_or_it_was_read_back_from_results()
    {
        var value = new { Quantity = 3, Total = 13.5, Note = "<café & co>" };
        JsonElement serialised = ResultsJson.ToElement(value);
        string line = JsonSerializer.Serialize(new { output = serialised }, ResultsJson.Options);
        JsonElement readBack = JsonDocument.Parse(line).RootElement.GetProperty("output");

        FailureEvidence.TextOf(readBack).Should().Be(FailureEvidence.TextOf(serialised)).And.Be("""{"quantity":3,"total":13.5,"note":"<café & co>"}""");
    }
}
