using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging;

public sealed class ExpectedAnswerJudgeTests
{
    private readonly ExpectedAnswerJudge _judge = new();

    private Task<Verdict> Judge(string output, string? expected, double threshold = 0.5) =>
        _judge.JudgeAsync(new JudgeRequest(output) { Expected = expected, Threshold = threshold }).AsTask();

    [Fact]
    public async Task A_renamed_judge_gives_verdicts_under_its_own_name()
    {
        var judge = new ExpectedAnswerJudge { Name = "answer-recall" };

        Verdict verdict = await judge.JudgeAsync(new JudgeRequest("Within 30 days.") { Expected = "30 days" });

        judge.Name.Should().Be("answer-recall");
        verdict.Judge.Should().Be("answer-recall");
        _judge.Name.Should().Be(ExpectedAnswerJudge.JudgeName);
    }

    [Fact]
    public async Task An_output_containing_the_expected_phrase_passes_with_full_score()
    {
        Verdict verdict = await Judge("You can return it within 30 days of delivery.", "30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
    }

    [Fact]
    public async Task Containment_ignores_case_punctuation_and_articles()
    {
        Verdict verdict = await Judge("Refund window: 30 DAYS, no questions asked.", "The refund window... 30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
    }

    [Fact]
    public async Task The_expected_phrase_is_matched_as_whole_words_not_inside_a_longer_number()
    {
        // "30 days" is not contained in "130 days": only "days" (1 of 2 words) is found.
        Verdict verdict = await Judge("You have 130 days to decide.", "30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
    }

    [Fact]
    public async Task The_expected_phrase_is_matched_as_whole_words_not_inside_a_longer_word()
    {
        Verdict verdict = await Judge("The item is refundable.", "fund", threshold: 0.75);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
    }

    [Fact]
    public async Task Partial_overlap_is_scored_as_the_share_of_expected_words_found()
    {
        // Expected words: full, refund, within, 30, days. Found: refund, within, 30, days.
        Verdict verdict = await Judge("You get your refund within 30 days.", "a full refund within 30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().BeApproximately(0.8, 1e-9);
    }

    [Fact]
    public async Task Partial_overlap_exactly_at_the_threshold_passes()
    {
        // Expected words: money, back, 30, days. Found: 30, days.
        Verdict verdict = await Judge("Within 30 days.", "money back 30 days", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(0.5);
    }

    [Fact]
    public async Task Partial_overlap_below_the_threshold_fails()
    {
        // Expected words: full, refund, within, 30, days. Found: refund.
        Verdict verdict = await Judge("We may offer a refund.", "a full refund within 30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().BeApproximately(0.2, 1e-9);
    }

    [Fact]
    public async Task A_missing_number_fails_even_when_enough_other_words_are_found()
    {
        // Recall 1/2 meets the threshold of 0.5, but the number is the answer.
        Verdict verdict = await Judge("You have 14 days.", "30 days", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
        verdict.Rationale.Should().Contain("\"30\"");
    }

    [Fact]
    public async Task A_missing_negation_fails_even_when_enough_other_words_are_found()
    {
        Verdict verdict = await Judge("The voucher expires.", "never expires", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("\"never\"");
    }

    [Fact]
    public async Task A_failing_verdict_names_the_expected_answer_and_the_missing_words()
    {
        Verdict verdict = await Judge("We may offer a refund.", "a full refund within 30 days");

        verdict.Rationale.Should().Contain("a full refund within 30 days")
            .And.Contain("\"full\"").And.Contain("\"within\"").And.Contain("\"30\"").And.Contain("\"days\"");
        verdict.Rationale.Should().NotContain("\"refund\"");
    }

    [Fact]
    public async Task An_empty_output_fails_with_score_zero()
    {
        Verdict verdict = await Judge(string.Empty, "30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
    }

    [Fact]
    public async Task Without_an_expected_answer_the_judge_is_inconclusive_and_says_why()
    {
        Verdict verdict = await Judge("anything", expected: null);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Score.Should().BeNull();
        verdict.Rationale.Should().Contain("expected answer");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("The...")]
    public async Task An_expected_answer_without_words_makes_the_judge_inconclusive(string expected)
    {
        Verdict verdict = await Judge("anything", expected);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().NotBeNullOrWhiteSpace();
    }
}
