using System;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Lexical;

public sealed class LexicalJudgeTests
{
    [Fact]
    public async Task Rouge_l_judge_scores_the_f_measure_against_the_expected_answer()
    {
        var judge = new RougeLJudge();

        Verdict verdict = await judge.JudgeAsync("testing one", expected: "testing one two", threshold: 0.8);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().BeApproximately(0.8, 1e-12);
        verdict.Rationale.Should().Be("the output overlaps enough: ROUGE-L F-measure 0.80 against the expected answer \"testing one two\" (precision 1.00, recall 0.67; threshold 0.80)");
    }

    [Fact]
    public async Task Rouge_l_recall_passes_a_short_expected_answer_contained_in_a_long_output()
    {
        var judge = new RougeLJudge { Measure = RougeLMeasure.Recall };
        const string Output = "Headphones, earbuds and other in-ear audio products can be returned within 14 days of delivery.";

        Verdict recall = await judge.JudgeAsync(Output, expected: "14 days");
        Verdict fMeasure = await new RougeLJudge().JudgeAsync(Output, expected: "14 days");

        recall.Outcome.Should().Be(VerdictOutcome.Pass);
        recall.Score.Should().Be(1.0);
        recall.Rationale.Should().Be("the output overlaps enough: ROUGE-L recall 1.00 against the expected answer \"14 days\" (precision 0.13, F-measure 0.22; threshold 0.50)");
        fMeasure.Outcome.Should().Be(VerdictOutcome.Fail, "the F-measure of a two-word answer inside a sentence of 16 words stays low");
    }

    [Fact]
    public async Task Rouge_l_recall_with_threshold_one_fails_unless_every_expected_word_is_there_in_order()
    {
        var judge = new RougeLJudge(threshold: 1.0) { Measure = RougeLMeasure.Recall };

        Verdict verdict = await judge.JudgeAsync("Laptops can be returned within 30 days of delivery.", expected: "14 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
        verdict.Rationale.Should().StartWith("the output does not overlap enough: ROUGE-L recall 0.50");
    }

    [Fact]
    public async Task Rouge_l_precision_scores_the_share_of_the_output_in_the_common_subsequence()
    {
        var judge = new RougeLJudge { Measure = RougeLMeasure.Precision };

        Verdict verdict = await judge.JudgeAsync("testing one", expected: "testing one two", threshold: 0.9);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
        verdict.Rationale.Should().Contain("ROUGE-L precision 1.00").And.Contain("recall 0.67, F-measure 0.80");
    }

    [Fact]
    public void An_undefined_rouge_l_measure_is_rejected()
    {
        Action create = () => _ = new RougeLJudge { Measure = (RougeLMeasure)7 };

        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Rouge_l_judge_fails_below_the_requests_threshold()
    {
        var judge = new RougeLJudge();

        Verdict verdict = await judge.JudgeAsync("testing one", expected: "testing one two", threshold: 0.81);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().StartWith("the output does not overlap enough: ROUGE-L F-measure 0.80");
    }

    [Fact]
    public async Task A_threshold_given_to_the_constructor_overrides_the_requests()
    {
        var judge = new RougeLJudge(threshold: 0.9);

        Verdict verdict = await judge.JudgeAsync("testing one", expected: "testing one two", threshold: 0.1);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("threshold 0.90");
    }

    [Fact]
    public async Task Rouge_l_judge_says_when_the_output_has_no_words()
    {
        var judge = new RougeLJudge();

        Verdict verdict = await judge.JudgeAsync("...", expected: "testing one two");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0);
        verdict.Rationale.Should().EndWith("; the output has no words");
    }

    [Fact]
    public async Task Rouge_l_judge_is_inconclusive_when_the_reference_has_no_comparable_word()
    {
        var judge = new RougeLJudge();

        Verdict verdict = await judge.JudgeAsync("anything", expected: "\u65e5\u672c\u8a9e !");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("has no word ROUGE-L can compare");
    }

    [Fact]
    public async Task Bleu_judge_scores_sentence_bleu_against_the_expected_answer()
    {
        var judge = new BleuJudge(threshold: 0.05);

        Verdict verdict = await judge.JudgeAsync(
            "Produc\u021bia de zah\u0103r prim\u0103 va fi exprimat\u0103 \u00een ceea ce prive\u0219te zah\u0103rul alb;",
            expected: "produc\u0163ia de zah\u0103r brut se exprim\u0103 \u00een zah\u0103r alb;");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().BeApproximately(0.08493, 1e-5);
        verdict.Rationale.Should().StartWith("the output matches the wording closely enough: sentence BLEU 0.08 against the expected answer").And.Contain("threshold 0.05");
    }

    [Fact]
    public async Task Bleu_judge_uses_its_options()
    {
        var judge = new BleuJudge(threshold: 1.0) { Options = new BleuOptions { Lowercase = true } };

        Verdict verdict = await judge.JudgeAsync("The Cat Sat On The Mat", expected: "the cat sat on the mat");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
    }

    [Fact]
    public async Task Bleu_judge_fails_an_empty_output_and_says_so()
    {
        var judge = new BleuJudge();

        Verdict verdict = await judge.JudgeAsync(string.Empty, expected: "the cat sat on the mat");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0);
        verdict.Rationale.Should().EndWith("; the output has no tokens");
    }

    [Fact]
    public async Task Token_f1_judge_lists_the_reference_words_the_output_lacks()
    {
        var judge = new TokenF1Judge();

        Verdict verdict = await judge.JudgeAsync("Returns within 30 days", expected: "Returns are accepted within 30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().BeApproximately(0.8, 1e-12);
        verdict.Rationale.Should().Be("the output shares enough words: token F1 0.80 against the expected answer \"Returns are accepted within 30 days\" (threshold 0.50); reference words missing from the output: \"are\", \"accepted\"");
    }

    [Fact]
    public async Task Token_f1_judge_can_compare_with_the_source_output()
    {
        var judge = new TokenF1Judge(reference: ReferenceSource.ReferenceOutput);

        Verdict verdict = await judge.JudgeAgainstSourceAsync("I am not sure, please contact support.", sourceOutput: "You can return a laptop within 30 days.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0);
        verdict.Rationale.Should().StartWith("the output does not share enough words: token F1 0.00 against the source output \"You can return a laptop within 30 days.\"");
    }

    [Theory]
    [InlineData(ReferenceSource.Expected, "the case has no expected answer to compare with; set Expected on the [Case] (or compare with the source output)")]
    [InlineData(ReferenceSource.ReferenceOutput, "no source output to compare with (ReferenceOutput is only set in relation rows)")]
    public async Task Every_lexical_judge_is_inconclusive_without_a_reference(ReferenceSource source, string reason)
    {
        IJudge[] judges = [new RougeLJudge(reference: source), new BleuJudge(reference: source), new TokenF1Judge(reference: source)];

        foreach (IJudge judge in judges)
        {
            Verdict verdict = await judge.JudgeAsync(new JudgeRequest("some output"));

            verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive, judge.Name);
            verdict.Rationale.Should().Be(reason);
        }
    }

    [Fact]
    public async Task Token_f1_judge_is_inconclusive_when_the_reference_is_only_articles_and_punctuation()
    {
        var judge = new TokenF1Judge();

        Verdict verdict = await judge.JudgeAsync("The answer.", expected: "The...");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("has no words to compare with");
    }

    [Fact]
    public void Judges_reject_a_threshold_outside_zero_to_one()
    {
        Action create = () => _ = new TokenF1Judge(threshold: 1.5);

        create.Should().Throw<ArgumentOutOfRangeException>().And.ParamName.Should().Be("threshold");
    }

    [Fact]
    public void Judges_have_stable_default_names_that_can_be_changed()
    {
        new RougeLJudge().Name.Should().Be("rouge-l");
        new BleuJudge().Name.Should().Be("bleu");
        new TokenF1Judge().Name.Should().Be("token-f1");
        new TokenF1Judge { Name = "token-f1-strict" }.Name.Should().Be("token-f1-strict");
    }
}
