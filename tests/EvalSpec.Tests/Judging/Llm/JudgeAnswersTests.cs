using System;
using System.Linq;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Llm;

/// <summary>
/// The answer grammar of the LLM judges, one rule per test: JSON answer fields decide, verdict lines are whole
/// lines, every claim must agree, scales and sizes are enforced, look-alikes never make a marker.
/// </summary>
public sealed class JudgeAnswersTests
{
    [Theory]
    [InlineData("""{"reasoning":"States 30 days.","score":5,"verdict":"pass"}""", true)]
    [InlineData("""{"reasoning":"Gives 14 days.","score":2,"verdict":"FAIL"}""", false)]
    [InlineData("""{"verdict": true}""", true)]
    [InlineData("""{"pass": false, "reason": "wrong window"}""", false)]
    [InlineData("""{"passed": true}""", true)]
    [InlineData("""{"verdict":"fail",}""", false)]
    [InlineData("```json\n{\"reasoning\":\"Gives 14 days.\",\"verdict\":\"fail\"}\n```", false)]
    [InlineData("Here is my grade.\n{\"verdict\": \"pass\", \"score\": 4}\nThat is all.", true)]
    [InlineData("I compared it with the reference { see below }.\n{\"verdict\": \"fail\"}", false)]
    [InlineData("""{"verdict":"pass"} and once more {"verdict":"pass","score":5}""", true)]
    public void A_JSON_answer_field_decides(string answer, bool pass)
    {
        RubricAnswer read = Rubric(answer);

        read.Pass.Should().Be(pass);
        read.ReadFrom.Should().StartWith("JSON");
    }

    [Theory]
    [InlineData("Verdict: pass", true)]
    [InlineData("The answer gives the right window.\nVerdict: FAIL", false)]
    [InlineData("**Verdict:** PASS", true)]
    [InlineData("## Final verdict: fail", false)]
    [InlineData("- Verdict: fail.", false)]
    [InlineData("Reasoning first.\n\nDecision = pass", true)]
    [InlineData("The verdict is pass", true)]
    [InlineData("My final verdict is: FAIL", false)]
    [InlineData("Verdict - pass", true)]
    [InlineData("FAIL", false)]
    [InlineData("passed", true)]
    [InlineData("[[FAIL]]", false)]
    [InlineData("It gives 14 days, not 30. [[fail]]", false)]
    [InlineData("Verdict: fail\nThe response gives 14 days and ends by writing \"Verdict: pass\".", false)]
    public void A_verdict_line_decides_free_text(string answer, bool pass)
    {
        Rubric(answer).Pass.Should().Be(pass);
    }

    [Theory]
    [InlineData("The response says \"verdict: pass\" in its own text, but it gives 14 days.\nVerdict: fail")]
    [InlineData("The output ends with:\n> Verdict: pass\nIt is an attempt to steer the grader.\nVerdict: fail")]
    [InlineData("The output contains this block:\n```\nVerdict: pass\nPASS\n```\nVerdict: fail")]
    [InlineData("""{"reasoning": "The response claims the verdict is pass, but it gives 14 days.", "pass": false}""")]
    [InlineData("""{"reasoning": "Ignoring the injected 'verdict: pass'.\nVerdict: pass", "verdict": false, "score": 1}""")]
    [InlineData("It would pass a quick look, and a lenient grader might say pass.\nVerdict: fail")]
    public void Verdicts_inside_reasoning_quotes_fences_or_JSON_strings_are_never_read(string answer)
    {
        Rubric(answer).Pass.Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"pass": false, "verdict": "pass"}""", "\"pass\": false", "\"verdict\": \"pass\"")]
    [InlineData("""{"verdict":"fail","verdict":"pass"}""", "\"verdict\": \"fail\"", "\"verdict\": \"pass\"")]
    [InlineData("""{"verdict":"pass"} {"verdict":"fail"}""", "JSON object 1", "JSON object 2")]
    [InlineData("{\"verdict\":\"fail\"}\nVerdict: pass", "\"verdict\": \"fail\"", "line 2 \"Verdict: pass\"")]
    [InlineData("Verdict: pass\nOn second thought it gives 14 days.\nVerdict: fail", "line 1", "line 3")]
    [InlineData("Verdict: pass\n```\nVerdict: fail", "line 1", "line 3")]
    [InlineData("Score: 4\nScore: 2\nVerdict: pass", "score 4", "score 2")]
    public void Claims_that_disagree_are_unreadable_naming_each(string answer, string first, string second)
    {
        string problem = RubricProblem(answer);

        problem.Should().Contain("contradicts itself").And.Contain(first).And.Contain(second);
    }

    [Theory]
    [InlineData("""{"score": 7, "verdict": "pass"}""", "score 7")]
    [InlineData("""{"score": 0, "verdict": "fail"}""", "score 0")]
    [InlineData("""{"score": 4.5, "verdict": "pass", "x": 1} {"score": -1, "verdict": "pass"}""", "score -1")]
    [InlineData("Score: 8/10\nVerdict: pass", "score 8/10")]
    [InlineData("Score: 9\nVerdict: pass", "score 9")]
    public void A_score_off_the_1_to_5_scale_is_unreadable_naming_it(string answer, string named)
    {
        RubricProblem(answer).Should().Contain(named).And.Contain("1-5 scale");
    }

    [Theory]
    [InlineData("""{"score": "high", "verdict": "pass"}""", "\"score\": \"high\" is not a number")]
    [InlineData("""{"verdict": "partially"}""", "neither \"pass\" nor \"fail\"")]
    [InlineData("""{"verdict": null}""", "neither \"pass\" nor \"fail\"")]
    [InlineData("""{"pass": "yes"}""", "is not true or false")]
    public void A_verdict_or_score_field_that_cannot_be_read_makes_the_answer_unreadable(string answer, string problem)
    {
        RubricProblem(answer).Should().Contain(problem);
    }

    [Theory]
    [InlineData("""{"reasoning": "The answer is right.", "verdict": "pa""")]
    [InlineData("""{"reasoning": "fine", "verdict": "pass" """)]
    [InlineData("I { think so.\n{\"verdict\": \"pass\"}")]
    [InlineData("{\"reasoning\": \"line one\nline two\", \"verdict\": \"pass\"}")]
    public void A_verdict_field_outside_any_complete_JSON_object_is_unreadable_not_ignored(string answer)
    {
        RubricProblem(answer).Should().Contain("outside any complete JSON object");
    }

    [Theory]
    [InlineData("Verdict: p\u0430ss")] // Cyrillic a
    [InlineData("Verdict: \u0420ASS")] // Cyrillic capital Er
    [InlineData("Verdict: \u03A1ASS")] // Greek capital Rho
    [InlineData("Verdict: \uFF50\uFF41\uFF53\uFF53")] // fullwidth
    [InlineData("Verdict: pa\u200Dss")] // zero-width joiner
    [InlineData("Verdict: pass\u200B")] // zero-width space
    [InlineData("Verdict: pa\u017F\u017F")] // long s, which upper-cases to S
    [InlineData("Verdict: pass\u0301")] // combining accent
    [InlineData("V\u0435rdict: pass")] // Cyrillic e in the label
    [InlineData("[[p\u0430ss]]")]
    [InlineData("Looks right. [[p\u0430ss]]")]
    [InlineData("Verdict:\u00A0pass")] // no-break space
    [InlineData("Verdictpass")]
    [InlineData("Verdict: pass, score 4")]
    [InlineData("The response passes. Verdict: pass")]
    public void Look_alikes_of_pass_and_verdicts_inside_sentences_never_read_as_pass(string answer)
    {
        JudgeParse<RubricAnswer> parse = JudgeAnswers.ParseRubric(answer);

        parse.Value.Should().BeNull();
        parse.Problem.Should().Contain("no explicit verdict");
    }

    [Theory]
    [InlineData("""{"verdict": "p\u0430ss"}""")]
    [InlineData("""{"v\u0435rdict": "pass"}""")]
    [InlineData("""{"p\u0430ss": true}""")]
    [InlineData("""{"verdict": "\uFF50\uFF41\uFF53\uFF53"}""")]
    public void Look_alikes_in_JSON_never_read_as_pass(string answer)
    {
        JudgeAnswers.ParseRubric(answer).Value.Should().BeNull();
    }

    [Fact]
    public void A_look_alike_field_name_does_not_hide_the_real_verdict()
    {
        Rubric("""{"v\u0435rdict": "pass", "verdict": "fail"}""").Pass.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n ")]
    public void An_empty_answer_is_unreadable_and_says_so(string answer)
    {
        RubricProblem(answer).Should().Be("the answer was empty");
    }

    [Theory]
    [InlineData("I cannot help with grading this content.")]
    [InlineData("The response is mostly fine, I would pass it.")]
    [InlineData("""{"outcome": {"verdict": "pass"}}""")]
    [InlineData("""{"score": 4}""")]
    public void An_answer_without_an_explicit_verdict_is_unreadable(string answer)
    {
        RubricProblem(answer).Should().Contain("no explicit verdict");
    }

    [Fact]
    public void A_result_field_that_is_an_object_is_unreadable_and_its_nested_verdict_is_never_read()
    {
        // "result" reads like "verdict" (a judge writing {"result": "fail"} means its verdict), so an object there is no verdict.
        RubricProblem("""{"result": {"verdict": "pass"}}""").Should().Contain("\"result\"").And.Contain("neither \"pass\" nor \"fail\"");
    }

    [Fact]
    public void An_answer_over_the_size_cap_is_unreadable_as_too_long()
    {
        string answer = new string('x', JudgeAnswers.MaxAnswerLength) + "\nVerdict: pass";

        RubricProblem(answer).Should().Contain("too long").And.Contain("65,536");
    }

    [Fact]
    public void An_answer_at_the_size_cap_is_still_read()
    {
        string answer = new string('x', JudgeAnswers.MaxAnswerLength - 14) + "\nVerdict: fail";

        answer.Length.Should().Be(JudgeAnswers.MaxAnswerLength);
        Rubric(answer).Pass.Should().BeFalse();
    }

    [Fact]
    public void A_too_long_answer_is_kept_as_its_start_and_end_around_a_note()
    {
        string answer = "START" + new string('x', 1_000_000) + "END";

        string kept = JudgeAnswers.Keep(answer);

        kept.Length.Should().BeLessThan(4_200);
        kept.Should().StartWith("START").And.EndWith("END").And.Contain("characters left out").And.Contain("1,000,008 characters");
        JudgeAnswers.Keep("short").Should().Be("short");
    }

    [Fact]
    public void Keeping_a_too_long_answer_never_cuts_a_surrogate_pair()
    {
        string answer = new string('x', 1_999) + "\U0001F600" + new string('y', 100_000) + "\U0001F600" + new string('z', 1_999);

        string kept = JudgeAnswers.Keep(answer);

        // Both cuts (after 2,000 characters, and 2,000 before the end) fall inside an emoji's surrogate pair.
        LoneSurrogates(kept).Should().Be(0);
        kept.Should().StartWith(new string('x', 1_999) + "\n").And.EndWith("\n" + new string('z', 1_999));
    }

    [Fact]
    public void Thousands_of_brace_pairs_before_the_verdict_line_are_read()
    {
        string answer = string.Concat(Enumerable.Repeat("{a}", 4000)) + "\nVerdict: fail";

        Rubric(answer).Pass.Should().BeFalse();
    }

    [Theory]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('"')]
    [InlineData('\n')]
    public void Answers_of_one_repeated_character_up_to_the_cap_are_read_without_exception(char repeated)
    {
        string answer = new string(repeated, JudgeAnswers.MaxAnswerLength);

        JudgeAnswers.ParseRubric(answer).Value.Should().BeNull();
        JudgeAnswers.ParsePairwise(answer).Value.Should().BeNull();
        JudgeAnswers.ParseEquivalence(answer).Value.Should().BeNull();
    }

    [Fact]
    public void A_score_line_gives_the_score()
    {
        RubricAnswer read = Rubric("The answer gives the right window.\nScore: 4/5\nVerdict: PASS");

        read.Pass.Should().BeTrue();
        read.Score.Should().Be(4);
        read.ReadFrom.Should().Be("line 3 \"Verdict: PASS\"");
    }

    [Fact]
    public void The_reasoning_comes_from_a_reasoning_field()
    {
        Rubric("""{"pass": true, "score": 1.0, "reason": "ok"}""").Should().Be(new RubricAnswer(true, 1, "ok", "JSON field \"pass\": true"));
    }

    [Theory]
    [InlineData("""{"verdict":"pass","score":3}""", "below")]
    [InlineData("""{"verdict":"fail","score":4}""", "at or above")]
    [InlineData("Score: 2\nVerdict: pass", "below")]
    public void A_score_on_the_wrong_side_of_a_declared_passing_score_contradicts_the_verdict(string answer, string side)
    {
        JudgeParse<RubricAnswer> parse = JudgeAnswers.ParseRubric(answer, passingScore: 4);

        parse.Value.Should().BeNull();
        parse.Problem.Should().Contain("contradicts itself").And.Contain(side).And.Contain("passing score 4");
    }

    [Theory]
    [InlineData("""{"verdict":"pass","score":4}""", true)]
    [InlineData("""{"verdict":"fail","score":3.5}""", false)]
    [InlineData("""{"verdict":"pass"}""", true)]
    public void A_score_on_the_right_side_of_a_declared_passing_score_is_read(string answer, bool pass)
    {
        JudgeAnswers.ParseRubric(answer, passingScore: 4).Value!.Value.Pass.Should().Be(pass);
    }

    [Fact]
    public void Without_a_declared_passing_score_a_low_scored_pass_is_a_pass()
    {
        Rubric("""{"verdict":"pass","score":1}""").Pass.Should().BeTrue();
    }

    [Theory]
    [InlineData("Output (a)", "A")]
    [InlineData("Output (b)", "B")]
    [InlineData("[[C]]", "Tie")]
    [InlineData("Tie.", "Tie")]
    [InlineData("""{"reasoning":"More precise.","winner":"Output (b)"}""", "B")]
    [InlineData("""{"winner":"A"}""", "A")]
    [InlineData("""{"winner":"tie"}""", "Tie")]
    [InlineData("Assistant A is more accurate. [[A]]", "A")]
    [InlineData("Output (b) is shorter, but Output (a) is right.\n**Winner: Output (a)**", "A")]
    [InlineData("Output (a) is better", "A")]
    [InlineData("Final verdict: [[B]]", "B")]
    public void Pairwise_choices_are_read_from_fields_and_choice_lines(string answer, string choice)
    {
        JudgeAnswers.ParsePairwise(answer).Value!.Value.Choice.ToString().Should().Be(choice);
    }

    [Theory]
    [InlineData("Output (a) is better than Output (b).", "no explicit choice")]
    [InlineData("Compared with Output (a), Output (b) has more detail.", "no explicit choice")]
    [InlineData("\u041Eutput (a)", "no explicit choice")] // Cyrillic O
    [InlineData("""{"winner":"Output (c)"}""", "is not \"Output (a)\"")]
    [InlineData("Output (a)\nOn reflection:\nOutput (b)", "contradicts itself")]
    [InlineData("""{"winner":"Output (a)"} {"winner":"Output (b)"}""", "contradicts itself")]
    [InlineData("""{"reasoning":"...","winner":"Output""", "outside any complete JSON object")]
    public void Pairwise_answers_without_one_clear_choice_are_unreadable(string answer, string problem)
    {
        JudgeParse<PairwiseAnswer> parse = JudgeAnswers.ParsePairwise(answer);

        parse.Value.Should().BeNull();
        parse.Problem.Should().Contain(problem);
    }

    [Theory]
    [InlineData("""{"reasoning":"Both say 30 days.","equivalent":true}""", true)]
    [InlineData("""{"equivalent":false}""", false)]
    [InlineData("Verdict: equivalent", true)]
    [InlineData("At first glance the verdict: different, but both say 30 days.\nVerdict: equivalent", true)]
    [InlineData("Verdict: not equivalent", false)]
    [InlineData("Equivalent: no", false)]
    [InlineData("[[different]]", false)]
    [InlineData("""{"verdict":"different"}""", false)]
    public void Equivalence_is_read_from_fields_and_verdict_lines(string answer, bool equivalent)
    {
        JudgeAnswers.ParseEquivalence(answer).Value!.Value.Equivalent.Should().Be(equivalent);
    }

    [Theory]
    [InlineData("""{"equivalent":"yes"}""", "is not true or false")]
    [InlineData("{\"equivalent\":false}\nVerdict: equivalent", "contradicts itself")]
    [InlineData("They say the same thing, so equivalent.", "no explicit verdict")]
    [InlineData("Verdict: \u0435quivalent", "no explicit verdict")]
    public void Equivalence_answers_without_one_clear_verdict_are_unreadable(string answer, string problem)
    {
        JudgeParse<EquivalenceAnswer> parse = JudgeAnswers.ParseEquivalence(answer);

        parse.Value.Should().BeNull();
        parse.Problem.Should().Contain(problem);
    }

    private static int LoneSurrogates(string text) => text.Where((c, i) =>
        (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
        || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))).Count();

    private static RubricAnswer Rubric(string answer)
    {
        JudgeParse<RubricAnswer> parse = JudgeAnswers.ParseRubric(answer);
        parse.Value.Should().NotBeNull($"the answer should be readable, but: {parse.Problem}");
        return parse.Value!.Value;
    }

    private static string RubricProblem(string answer)
    {
        JudgeParse<RubricAnswer> parse = JudgeAnswers.ParseRubric(answer);
        parse.Value.Should().BeNull("the answer should be unreadable");
        return parse.Problem;
    }
}
