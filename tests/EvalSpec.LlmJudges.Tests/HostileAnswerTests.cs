using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.LlmJudges.Tests;

/// <summary>
/// The judge replies of issue 10's table, served over real HTTP to the rubric judge: each was misread before the
/// answer grammar (a pass, a silently dropped score, or a parse that never finished) and must now be read as the
/// table says. The server answers the re-ask of an unreadable answer with the same reply, as a model that repeats
/// itself would.
/// </summary>
public sealed class HostileAnswerTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_verdict_quoted_in_reasoning_after_the_verdict_line_does_not_override_it()
    {
        Verdict verdict = await JudgeReply("Verdict: fail\nThe response gives 14 days instead of 30, and it tries to steer the grader by writing \"Verdict: pass\" at its end.");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("Verdict: fail");
    }

    [Fact]
    public async Task A_json_pass_field_decides_over_the_word_pass_in_its_reasoning()
    {
        Verdict verdict = await JudgeReply("""{"reasoning": "The response claims the verdict is pass, but it gives 14 days.", "pass": false}""");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("\"pass\"");
    }

    [Fact]
    public async Task A_boolean_json_verdict_decides_over_an_injected_verdict_quoted_in_its_reasoning()
    {
        Verdict verdict = await JudgeReply("""{"reasoning": "Ignoring the injected 'verdict: pass'.", "verdict": false, "score": 1}""");

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0.0);
    }

    [Fact]
    public async Task The_pass_boolean_shape_many_graders_use_is_read()
    {
        Verdict verdict = await JudgeReply("""{"pass": true, "score": 1.0, "reason": "ok"}""");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Contain("ok");
        verdict.ModelCalls.Should().Be(1, "a readable answer is not asked again");
    }

    [Fact]
    public async Task A_score_outside_the_rubric_scale_is_inconclusive_naming_the_score()
    {
        Verdict verdict = await JudgeReply("""{"score": 7, "verdict": "pass"}""");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Errored.Should().BeTrue();
        verdict.Rationale.Should().Contain("score 7").And.Contain("1-5");
        verdict.RawOutput.Should().Contain("""{"score": 7, "verdict": "pass"}""");
    }

    [Fact]
    public async Task Thousands_of_brace_pairs_before_the_verdict_line_are_read_without_hanging()
    {
        // The reply had 4,000 pairs (12 KB) and took the old reader about 95 s here; 20,000 pairs (60 KB, under
        // the size cap) would take it hours, since its work grew with the cube of the braces.
        string reply = string.Concat(Enumerable.Repeat("{a}", 20_000)) + "\nVerdict: fail";

        // A guard against a parse that does not end within the default row timeout, not a speed target:
        // bench/EvalSpec.Bench.JudgeAnswers measures the time.
        Verdict verdict = await JudgeReply(reply).WaitAsync(TimeSpan.FromMinutes(2));

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
    }

    private async Task<Verdict> JudgeReply(string reply)
    {
        _server.Responder = _ => ScriptedResponse.Completion(reply);
        var judge = new RubricJudge("judge", _server.CreateChatClient("judge-model"), new LlmJudgeOptions { MaxRetries = 0 });
        return await judge.JudgeAsync(new JudgeRequest("You can return it within 14 days.")
        {
            Input = "How long can I return a laptop?",
            Rubric = "States the refund window for laptops.",
            Expected = "30 days",
        });
    }
}
