using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging;

public sealed class TokenF1ChangeJudgeTests
{
    private readonly TokenF1ChangeJudge _judge = new();

    private Task<Verdict> Judge(string followUp, string? source, double threshold) =>
        _judge.JudgeAsync(new JudgeRequest(followUp) { ReferenceOutput = source, Threshold = threshold }).AsTask();

    [Fact]
    public async Task Unrelated_outputs_pass_with_full_score()
    {
        Verdict verdict = await Judge("Sorry, that item cannot be returned.", "You have 30 days.", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
    }

    [Fact]
    public async Task Outputs_whose_F1_is_just_below_the_threshold_pass()
    {
        // Tokens {x, y} against {x, z}: F1 = 0.5, so the score is 1 - 0.5.
        Verdict verdict = await Judge("x y", "x z", threshold: 0.500001);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(0.5);
    }

    [Fact]
    public async Task Outputs_whose_F1_is_exactly_the_threshold_fail()
    {
        Verdict verdict = await Judge("x y", "x z", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
    }

    [Fact]
    public async Task Identical_outputs_fail_with_score_zero()
    {
        Verdict verdict = await Judge("You have 30 days.", "you have 30 days", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
        verdict.Rationale.Should().Contain("did not change");
    }

    [Fact]
    public async Task Without_a_source_output_the_judge_is_inconclusive()
    {
        Verdict verdict = await Judge("anything", source: null, threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("source output");
    }
}
