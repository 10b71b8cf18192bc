using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Deterministic;

public sealed class RegexJudgeTests
{
    [Fact]
    public async Task Passes_when_the_pattern_matches_and_quotes_the_match()
    {
        var judge = new RegexJudge(@"\b30 days\b");

        Verdict verdict = await judge.JudgeAsync("You have 30 days to return it.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
        verdict.Rationale.Should().Be(@"the output matches /\b30 days\b/: found ""30 days"" at index 9");
    }

    [Fact]
    public async Task Fails_when_the_pattern_does_not_match()
    {
        var judge = new RegexJudge(@"\b30 days\b");

        Verdict verdict = await judge.JudgeAsync("You have 130 days to return it.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
        verdict.Rationale.Should().Be(@"the output does not match /\b30 days\b/, but a match was expected");
    }

    [Fact]
    public async Task A_must_not_match_pattern_fails_when_it_matches()
    {
        var judge = new RegexJudge(@"(?i)as an ai", RegexExpectation.DoesNotMatch);

        Verdict verdict = await judge.JudgeAsync("As an AI, I cannot tell.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Be(@"the output matches /(?i)as an ai/ (found ""As an AI"" at index 0), but no match was expected");
    }

    [Fact]
    public async Task A_must_not_match_pattern_passes_when_it_does_not_match()
    {
        var judge = new RegexJudge(@"(?i)as an ai", RegexExpectation.DoesNotMatch);

        Verdict verdict = await judge.JudgeAsync("The warranty lasts two years.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task Applies_the_given_options()
    {
        var judge = new RegexJudge("^warranty", RegexExpectation.Matches, RegexOptions.IgnoreCase | RegexOptions.Multiline);

        Verdict verdict = await judge.JudgeAsync("Summary:\nWarranty: two years");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        judge.Options.Should().HaveFlag(RegexOptions.CultureInvariant);
    }

    [Fact]
    public async Task A_match_that_runs_out_of_time_is_inconclusive_and_says_so()
    {
        var judge = new RegexJudge("^(a+)+$", timeout: TimeSpan.FromMilliseconds(20));

        Verdict verdict = await judge.JudgeAsync(new string('a', 5000) + "!");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Be("matching /^(a+)+$/ against the output (5001 characters) took longer than the timeout of 20 ms; simplify the pattern or raise the timeout");
    }

    [Fact]
    public void An_invalid_pattern_is_an_argument_exception_naming_the_pattern()
    {
        Action create = () => _ = new RegexJudge("(unclosed");

        create.Should().Throw<ArgumentException>()
            .WithMessage("The pattern /(unclosed/ is not a valid regular expression:*")
            .And.ParamName.Should().Be("pattern");
    }

    [Fact]
    public void A_timeout_that_is_not_positive_is_rejected()
    {
        Action create = () => _ = new RegexJudge("x", timeout: TimeSpan.Zero);

        create.Should().Throw<ArgumentOutOfRangeException>().And.ParamName.Should().Be("timeout");
    }
}
