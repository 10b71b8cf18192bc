using System;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Judges.Tests.Deterministic;

public sealed class ContainsJudgeTests
{
    [Fact]
    public async Task Passes_when_every_required_substring_occurs()
    {
        var judge = new ContainsJudge(["30 days", "receipt"]);

        Verdict verdict = await judge.JudgeAsync("Returns are accepted within 30 days with a receipt.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
    }

    [Fact]
    public async Task Fails_naming_the_missing_substring_and_scoring_the_share_found()
    {
        var judge = new ContainsJudge(["30 days", "receipt"]);

        Verdict verdict = await judge.JudgeAsync("Returns are accepted within 30 days.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
        verdict.Rationale.Should().Be("the output lacks required text: expected all of \"30 days\", \"receipt\": found \"30 days\", missing \"receipt\"");
    }

    [Fact]
    public async Task Matches_case_exactly_by_default()
    {
        var judge = new ContainsJudge(["Receipt"]);

        Verdict verdict = await judge.JudgeAsync("bring your receipt");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Be("the output lacks required text: expected \"Receipt\": not found");
    }

    [Fact]
    public async Task Ignores_case_when_asked_and_says_so()
    {
        var judge = new ContainsJudge(["Receipt"]) { IgnoreCase = true };

        Verdict verdict = await judge.JudgeAsync("bring your RECEIPT");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().EndWith("(case-insensitive)");
    }

    [Fact]
    public async Task Any_mode_passes_when_one_of_the_substrings_occurs()
    {
        var judge = new ContainsJudge(["refund", "replacement"]) { Mode = ContainsMode.Any };

        Verdict verdict = await judge.JudgeAsync("We will send a replacement.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Contain("expected any of \"refund\", \"replacement\": found \"replacement\"");
    }

    [Fact]
    public async Task Any_mode_fails_when_none_of_the_substrings_occurs()
    {
        var judge = new ContainsJudge(["refund", "replacement"]) { Mode = ContainsMode.Any };

        Verdict verdict = await judge.JudgeAsync("Please contact support.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
        verdict.Rationale.Should().Contain("none found");
    }

    [Fact]
    public async Task Fails_when_a_forbidden_substring_occurs_even_if_the_required_ones_do()
    {
        var judge = new ContainsJudge(["30 days"], forbidden: ["contact support"]);

        Verdict verdict = await judge.JudgeAsync("Within 30 days. If unsure, contact support.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
        verdict.Rationale.Should().Be("the output contains forbidden text: expected \"30 days\": found \"30 days\"; expected none of \"contact support\": found \"contact support\"");
    }

    [Fact]
    public async Task Can_check_only_forbidden_substrings()
    {
        var judge = new ContainsJudge([], forbidden: ["As an AI"]);

        Verdict verdict = await judge.JudgeAsync("The warranty lasts two years.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Contain("expected none of \"As an AI\": none found");
    }

    [Fact]
    public async Task Treats_an_empty_output_as_containing_nothing()
    {
        var judge = new ContainsJudge(["30 days"]);

        Verdict verdict = await judge.JudgeAsync(string.Empty);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public void Rejects_a_judge_without_any_substring()
    {
        Action create = () => _ = new ContainsJudge([]);

        create.Should().Throw<ArgumentException>().WithMessage("*at least one required or forbidden substring*");
    }

    [Fact]
    public void Rejects_an_empty_substring()
    {
        Action create = () => _ = new ContainsJudge(["30 days", ""]);

        create.Should().Throw<ArgumentException>().WithMessage("Entry 1 of required is null or empty*");
    }
}
