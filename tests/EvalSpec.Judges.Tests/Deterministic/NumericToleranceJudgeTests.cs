using System;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Deterministic;

public sealed class NumericToleranceJudgeTests
{
    [Fact]
    public async Task Passes_when_the_last_number_equals_the_expected_value()
    {
        var judge = new NumericToleranceJudge(42);

        Verdict verdict = await judge.JudgeAsync("Adding 40 and 2 gives 42.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
        verdict.Rationale.Should().Be("found 42 (the last of 3 numbers in the output); expected exactly 42; the difference is 0");
    }

    [Fact]
    public async Task Fails_when_the_number_differs_and_no_tolerance_is_given()
    {
        var judge = new NumericToleranceJudge(42);

        Verdict verdict = await judge.JudgeAsync("The answer is 42.5");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
        verdict.Rationale.Should().Be("found 42.5 (the only number in the output); expected exactly 42; the difference is 0.5, outside the tolerance");
    }

    [Fact]
    public async Task Accepts_a_difference_within_the_absolute_tolerance()
    {
        var judge = new NumericToleranceJudge(3.14159) { AbsoluteTolerance = 0.01 };

        Verdict verdict = await judge.JudgeAsync("Pi is about 3.14");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Contain("expected 3.14159 \u00b1 0.01");
    }

    [Fact]
    public async Task Accepts_a_difference_within_the_relative_tolerance()
    {
        var judge = new NumericToleranceJudge(2000) { RelativeTolerance = 0.05 };

        Verdict verdict = await judge.JudgeAsync("Roughly 1,950 units were sold.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Contain("found 1950").And.Contain("expected 2000 \u00b1 100");
    }

    [Fact]
    public async Task Uses_the_larger_of_the_two_tolerances()
    {
        var judge = new NumericToleranceJudge(10) { AbsoluteTolerance = 2, RelativeTolerance = 0.01 };

        Verdict verdict = await judge.JudgeAsync("11.5");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task Fails_saying_so_when_the_output_has_no_number()
    {
        var judge = new NumericToleranceJudge(42);

        Verdict verdict = await judge.JudgeAsync("I do not know.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Be("no number found in the output; expected exactly 42");
    }

    [Theory]
    [InlineData("The total is $1,234.50.", 1234.5)]
    [InlineData("It dropped to \u22125 \u00b0C overnight.", -5)]
    [InlineData("Avogadro: 6.022e23", 6.022e23)]
    [InlineData("Between 2023-2024 it was 7%", 7)]
    [InlineData("COVID-19", 19)]
    [InlineData("3 apples, 4 pears", 4)]
    public async Task Reads_numbers_the_invariant_way(string output, double expected)
    {
        var judge = new NumericToleranceJudge(expected);

        Verdict verdict = await judge.JudgeAsync(output);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass, verdict.Rationale);
    }

    [Fact]
    public async Task Does_not_read_digits_inside_words_as_numbers()
    {
        var judge = new NumericToleranceJudge(4);

        Verdict verdict = await judge.JudgeAsync("Print it on A4 paper, v2.0 layout.");

        verdict.Rationale.Should().StartWith("no number found in the output");
    }

    [Fact]
    public async Task Takes_the_expected_value_from_the_cases_expected_answer()
    {
        var judge = new NumericToleranceJudge();

        Verdict verdict = await judge.JudgeAsync("You can return it within 30 days.", expected: "30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task Is_inconclusive_when_the_expected_answer_has_no_number()
    {
        var judge = new NumericToleranceJudge();

        Verdict verdict = await judge.JudgeAsync("30", expected: "a month");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Be("the expected answer \"a month\" contains no number; it must contain exactly one, or pass the expected value to the judge");
    }

    [Fact]
    public async Task Is_inconclusive_when_the_expected_answer_has_several_numbers()
    {
        var judge = new NumericToleranceJudge();

        Verdict verdict = await judge.JudgeAsync("30", expected: "14 or 30 days");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("contains 2 numbers (14, 30)");
    }

    [Fact]
    public async Task Is_inconclusive_without_any_expected_value()
    {
        var judge = new NumericToleranceJudge();

        Verdict verdict = await judge.JudgeAsync("30");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().StartWith("no expected value");
    }

    [Fact]
    public async Task Reads_a_json_property_given_as_a_pointer()
    {
        var judge = new NumericToleranceJudge(19.99) { JsonProperty = "/items/1/price" };

        Verdict verdict = await judge.JudgeAsync("""{ "items": [ { "price": 5 }, { "price": 19.99 } ], "total": 24.99 }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().StartWith("found 19.99 (property /items/1/price)");
    }

    [Fact]
    public async Task Reads_a_top_level_json_property_given_by_name()
    {
        var judge = new NumericToleranceJudge(24.99) { JsonProperty = "total" };

        Verdict verdict = await judge.JudgeAsync("""{ "total": "24.99" }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().StartWith("found 24.99 (property /total, a string)");
    }

    [Fact]
    public async Task Fails_when_the_json_property_is_missing()
    {
        var judge = new NumericToleranceJudge(24.99) { JsonProperty = "total" };

        Verdict verdict = await judge.JudgeAsync("""{ "sum": 24.99 }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Be("the output JSON has no property /total; expected exactly 24.99");
    }

    [Fact]
    public async Task Fails_when_the_json_property_is_not_a_number()
    {
        var judge = new NumericToleranceJudge(24.99) { JsonProperty = "total" };

        Verdict verdict = await judge.JudgeAsync("""{ "total": "about twenty-five" }""");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Be("property /total of the output is \"\"about twenty-five\"\", not a number; expected exactly 24.99");
    }

    [Fact]
    public async Task Fails_when_a_json_property_is_asked_of_output_that_is_not_json()
    {
        var judge = new NumericToleranceJudge(24.99) { JsonProperty = "total" };

        Verdict verdict = await judge.JudgeAsync("The total is 24.99");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().StartWith("the output is not valid JSON (").And.Contain("so property /total could not be read");
    }

    [Fact]
    public async Task Reads_the_named_value_group_of_the_last_match_of_a_pattern()
    {
        var judge = new NumericToleranceJudge(12) { Pattern = @"answer:\s*(?<value>\S+)" };

        Verdict verdict = await judge.JudgeAsync("Draft answer: 10. Checking... Final answer: 12 (after rounding 11.6)");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().StartWith(@"found 12 (captured by /answer:\s*(?<value>\S+)/)");
    }

    [Fact]
    public async Task Fails_when_the_pattern_does_not_match()
    {
        var judge = new NumericToleranceJudge(12) { Pattern = @"Final answer: (\S+)" };

        Verdict verdict = await judge.JudgeAsync("It is 12.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Be("the output has no match of /Final answer: (\\S+)/; expected exactly 12");
    }

    [Fact]
    public void A_json_property_and_a_pattern_cannot_both_be_set()
    {
        Action create = () => _ = new NumericToleranceJudge(1) { JsonProperty = "total", Pattern = "(\\d+)" };

        create.Should().Throw<ArgumentException>().WithMessage("Set either JsonProperty or Pattern, not both.*");
    }

    [Fact]
    public void An_invalid_pattern_is_an_argument_exception_naming_the_pattern()
    {
        Action create = () => _ = new NumericToleranceJudge(1) { Pattern = "(\\d+" };

        create.Should().Throw<ArgumentException>().WithMessage("The pattern /(\\d+/ is not a valid regular expression:*");
    }

    [Fact]
    public void A_negative_tolerance_is_rejected()
    {
        Action create = () => _ = new NumericToleranceJudge(1) { RelativeTolerance = -0.1 };

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
