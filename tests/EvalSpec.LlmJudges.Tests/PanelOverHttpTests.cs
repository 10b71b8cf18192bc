using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.LlmJudges.Tests;

/// <summary>Panels of LLM judges on different models: errors never pass, self-preference is refused, early stopping saves calls.</summary>
public sealed class PanelOverHttpTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_panel_whose_judges_all_error_is_inconclusive_with_every_error_named()
    {
        _server.Responder = r => r.Model == "model-a" ? ScriptedResponse.ServerError() : ScriptedResponse.RateLimited(TimeSpan.FromSeconds(1));
        JudgePanel panel = Panel(earlyStop: false, "model-a", "model-b", "model-c");

        PanelVerdict verdict = await panel.JudgeAsync(Request());

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("quorum not met");
        verdict.Verdicts.Should().OnlyContain(v => v.Errored);
        verdict.Describe().Should().Contain("HTTP 500").And.Contain("HTTP 429");
    }

    [Fact]
    public async Task A_majority_of_working_judges_decides_despite_one_erroring()
    {
        _server.Responder = r => r.Model == "model-a" ? ScriptedResponse.ServerError() : ScriptedResponse.Completion("""{"reasoning":"ok","score":4,"verdict":"pass"}""");

        PanelVerdict verdict = await Panel(earlyStop: false, "model-a", "model-b", "model-c").JudgeAsync(Request());

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Verdicts.Count(v => v.Errored).Should().Be(1);
    }

    [Fact]
    public async Task Early_stopping_skips_the_third_judge_when_the_first_two_agree()
    {
        _server.Responder = _ => ScriptedResponse.Completion("""{"reasoning":"ok","score":4,"verdict":"pass"}""");

        PanelVerdict verdict = await Panel(earlyStop: true, "model-a", "model-b", "model-c").JudgeAsync(Request());

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.JudgesSkipped.Should().Be(1);
        verdict.ModelCalls.Should().Be(2);
        _server.Requests.Select(r => r.Model).Should().BeEquivalentTo("model-a", "model-b");
    }

    [Fact]
    public void A_judge_on_the_model_under_test_is_refused_unless_explicitly_allowed()
    {
        var own = new RubricJudge("own", _server.CreateChatClient("gpt-4o"), new LlmJudgeOptions { ChatOptions = new() { ModelId = "gpt-4o" } });
        var allowed = new RubricJudge("allowed", _server.CreateChatClient("gpt-4o"), new LlmJudgeOptions { AllowSelfPreference = true });
        var other = new RubricJudge("other", _server.CreateChatClient("llama-3-70b"));

        FluentActions.Invoking(() => SelfPreferenceGuard.Check(new IJudge[] { own, other }, new[] { "GPT-4o" }))
            .Should().Throw<InvalidOperationException>().WithMessage("*'own' (gpt-4o)*self-preference*AllowSelfPreference*");
        FluentActions.Invoking(() => SelfPreferenceGuard.Check(new IJudge[] { allowed, other }, new[] { "gpt-4o" })).Should().NotThrow();
        own.Model.Should().Be("gpt-4o");
        other.Model.Should().Be("llama-3-70b", "read from the client's metadata");
    }

    private JudgePanel Panel(bool earlyStop, params string[] models) => new(
        "rubric",
        models.Select(m => new RubricJudge("judge-" + m, _server.CreateChatClient(m), new LlmJudgeOptions { MaxRetries = 0 })),
        earlyStop: earlyStop);

    private static JudgeRequest Request() => new("You can return it within 30 days.") { Rubric = "States the refund window.", Expected = "30 days" };
}
