using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging;

public sealed class TokenF1InvarianceJudgeTests
{
    private readonly TokenF1InvarianceJudge _judge = new();

    private Task<Verdict> Judge(string followUp, string? source, double threshold) =>
        _judge.JudgeAsync(new JudgeRequest(followUp) { ReferenceOutput = source, Threshold = threshold }).AsTask();

    [Fact]
    public async Task Outputs_equal_after_normalisation_pass_with_full_score()
    {
        Verdict verdict = await Judge("The window is 30 days.", "the window is 30 DAYS", threshold: 0.9);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(1.0);
    }

    [Fact]
    public async Task Outputs_whose_F1_is_exactly_the_threshold_pass()
    {
        // Tokens {x, y} against {x, z}: P = R = 1/2, F1 = 0.5.
        Verdict verdict = await Judge("x y", "x z", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Score.Should().Be(0.5);
    }

    [Fact]
    public async Task Outputs_whose_F1_is_just_below_the_threshold_fail()
    {
        Verdict verdict = await Judge("x y", "x z", threshold: 0.500001);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.5);
    }

    [Fact]
    public async Task Unrelated_outputs_fail_with_score_zero()
    {
        Verdict verdict = await Judge("Please contact support.", "30 days", threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
        verdict.Rationale.Should().Contain("changed");
    }

    [Fact]
    public async Task Without_a_source_output_the_judge_is_inconclusive()
    {
        Verdict verdict = await Judge("anything", source: null, threshold: 0.5);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("source output");
    }
}
