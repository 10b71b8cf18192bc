using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.FluentAssertions;
using EvalSpec.Judging;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using Xunit;
using Xunit.Sdk;

namespace EvalSpec.LlmJudges.Tests;

/// <summary>FluentAssertions extensions and Microsoft.Extensions.AI.Evaluation interop, both ways.</summary>
public sealed class AssertionAndInteropTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PassPanelAsync_succeeds_when_the_panel_passes()
    {
        _server.Responder = _ => ScriptedResponse.Completion("""{"reasoning":"right window","score":5,"verdict":"pass"}""");

        await "Laptops: 30 days.".Should().PassPanelAsync(Panel(), rubric: "States the refund window.");
    }

    [Fact]
    public async Task PassPanelAsync_fails_listing_every_judges_verdict_score_and_reason()
    {
        _server.Responder = r => r.Model == "model-a"
            ? ScriptedResponse.Completion("""{"reasoning":"says 14 days, wrong","score":1,"verdict":"fail"}""")
            : ScriptedResponse.Completion("""{"reasoning":"also wrong {braces}","score":2,"verdict":"fail"}""");

        Func<Task> act = () => "Laptops: 14 days.".Should().PassPanelAsync(Panel(), rubric: "States the refund window.", because: "refund windows are legal commitments");

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should()
            .Contain("refund windows are legal commitments")
            .And.Contain("FAIL")
            .And.Contain("judge-model-a: Fail (score 0.00)").And.Contain("says 14 days, wrong")
            .And.Contain("judge-model-b: Fail (score 0.25)").And.Contain("also wrong {braces}");
    }

    [Fact]
    public async Task An_inconclusive_panel_never_lets_the_assertion_pass()
    {
        _server.Responder = _ => ScriptedResponse.ServerError();

        Func<Task> act = () => "Laptops: 30 days.".Should().PassPanelAsync(Panel(), rubric: "States the refund window.");

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().Contain("INCONCLUSIVE").And.Contain("HTTP 500");
    }

    [Fact]
    public async Task BeEquivalentInMeaningToAsync_asks_the_judge_to_compare_with_the_expected_text()
    {
        _server.Responder = _ => ScriptedResponse.Completion("""{"reasoning":"same facts","equivalent":true}""");
        var judge = new EquivalenceJudge("equivalence", _server.CreateChatClient("model-e"), new LlmJudgeOptions { MaxRetries = 0 });

        await "You have thirty days.".Should().BeEquivalentInMeaningToAsync("The window is 30 days.", judge);

        _server.Requests.Single().LastUserMessage.Should().Contain("The window is 30 days.").And.Contain("You have thirty days.");
    }

    [Fact]
    public async Task A_panel_used_as_an_IEvaluator_reports_a_boolean_metric_that_is_failed_unless_it_passed()
    {
        _server.Responder = r => r.Model == "model-a"
            ? ScriptedResponse.Completion("""{"reasoning":"fine","score":5,"verdict":"pass"}""")
            : ScriptedResponse.ServerError();
        // Quorum 1: with the default (a majority of both judges), the panel would be inconclusive.
        var evaluator = new JudgeEvaluator(Panel(quorum: 1), "refund-policy");

        EvaluationResult result = await evaluator.EvaluateAsync(
            new[] { new ChatMessage(ChatRole.User, "How long can I return a laptop?") },
            new ChatResponse(new ChatMessage(ChatRole.Assistant, "30 days.")),
            additionalContext: new[] { new JudgeEvaluatorContext(rubric: "States the refund window.") });

        BooleanMetric metric = result.Get<BooleanMetric>("refund-policy");
        metric.Value.Should().BeTrue();
        metric.Interpretation!.Failed.Should().BeFalse();
        metric.Diagnostics.Should().ContainSingle(d => d.Severity == EvaluationDiagnosticSeverity.Warning && d.Message.Contains("HTTP 500"));
        metric.Metadata!.Keys.Should().Contain(new[] { "judge.judge-model-a", "judge.judge-model-b" });
        _server.Requests.Where(r => r.Model == "model-a").Single().LastUserMessage.Should().Contain("How long can I return a laptop?");
    }

    [Fact]
    public async Task A_two_judge_panel_as_an_IEvaluator_with_one_judge_down_has_no_value_by_default()
    {
        _server.Responder = r => r.Model == "model-a"
            ? ScriptedResponse.Completion("""{"reasoning":"fine","score":5,"verdict":"pass"}""")
            : ScriptedResponse.ServerError();

        EvaluationResult result = await new JudgeEvaluator(Panel(), "refund-policy").EvaluateAsync(
            new[] { new ChatMessage(ChatRole.User, "How long can I return a laptop?") },
            new ChatResponse(new ChatMessage(ChatRole.Assistant, "30 days.")),
            additionalContext: new[] { new JudgeEvaluatorContext(rubric: "States the refund window.") });

        BooleanMetric metric = result.Get<BooleanMetric>("refund-policy");
        metric.Value.Should().BeNull("one judge of two is not a majority");
        metric.Interpretation!.Failed.Should().BeTrue();
    }

    [Fact]
    public async Task An_inconclusive_panel_as_an_IEvaluator_has_no_value_and_is_failed()
    {
        _server.Responder = _ => ScriptedResponse.ServerError();

        EvaluationResult result = await new JudgeEvaluator(Panel()).EvaluateAsync(
            Array.Empty<ChatMessage>(),
            new ChatResponse(new ChatMessage(ChatRole.Assistant, "30 days.")),
            additionalContext: new[] { new JudgeEvaluatorContext(rubric: "States the refund window.") });

        BooleanMetric metric = result.Get<BooleanMetric>("rubric");
        metric.Value.Should().BeNull();
        metric.Interpretation!.Rating.Should().Be(EvaluationRating.Inconclusive);
        metric.Interpretation.Failed.Should().BeTrue();
        metric.Diagnostics.Should().Contain(d => d.Severity == EvaluationDiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData(EvaluationRating.Good, false, VerdictOutcome.Pass, 0.75)]
    [InlineData(EvaluationRating.Exceptional, false, VerdictOutcome.Pass, 1.0)]
    [InlineData(EvaluationRating.Poor, true, VerdictOutcome.Fail, 0.25)]
    [InlineData(EvaluationRating.Unacceptable, true, VerdictOutcome.Fail, 0.0)]
    [InlineData(EvaluationRating.Inconclusive, false, VerdictOutcome.Inconclusive, null)]
    [InlineData(EvaluationRating.Unknown, false, VerdictOutcome.Inconclusive, null)]
    public async Task An_IEvaluators_interpretation_decides_the_verdict(EvaluationRating rating, bool failed, VerdictOutcome outcome, double? score)
    {
        var evaluator = new StubEvaluator(new NumericMetric("Relevance", 4, "on topic") { Interpretation = new EvaluationMetricInterpretation(rating, failed, "as interpreted") });

        Verdict verdict = await new EvaluatorJudge("relevance", evaluator).JudgeAsync(new JudgeRequest("30 days") { Input = "Refund window?" });

        verdict.Outcome.Should().Be(outcome);
        verdict.Score.Should().Be(score);
        verdict.Rationale.Should().Contain("Relevance = 4").And.Contain("as interpreted");
        evaluator.LastResponse!.Text.Should().Be("30 days");
        evaluator.LastMessages!.Single().Text.Should().Be("Refund window?");
    }

    [Fact]
    public async Task An_IEvaluator_metric_without_interpretation_or_with_errors_is_never_a_pass()
    {
        var noInterpretation = new StubEvaluator(new BooleanMetric("Grounded", true, "looks grounded"));
        var withError = new StubEvaluator(new BooleanMetric("Grounded", true, "?") { Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Good) });
        withError.Metric.AddDiagnostics(EvaluationDiagnostic.Error("the evaluator's model call failed"));

        Verdict first = await new EvaluatorJudge("grounded", noInterpretation).JudgeAsync(new JudgeRequest("x"));
        Verdict second = await new EvaluatorJudge("grounded", withError).JudgeAsync(new JudgeRequest("x"));

        first.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        first.Rationale.Should().Contain("no interpretation");
        second.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        second.Errored.Should().BeTrue();
        second.Rationale.Should().Contain("the evaluator's model call failed");
    }

    [Fact]
    public async Task A_judge_wrapped_as_an_evaluator_and_back_keeps_its_outcome()
    {
        var roundTrip = new EvaluatorJudge("round-trip", new JudgeEvaluator(new ExpectedAnswerJudge()));

        Verdict pass = await roundTrip.JudgeAsync(new JudgeRequest("It takes 30 days."));
        Verdict fail = await new EvaluatorJudge("round-trip", new JudgeEvaluator(new ContainsJudge(new[] { "30 days" }))).JudgeAsync(new JudgeRequest("It takes 14 days."));

        pass.Outcome.Should().Be(VerdictOutcome.Inconclusive, "the expected-answer judge abstains without an expected answer, and that survives the round trip");
        fail.Outcome.Should().Be(VerdictOutcome.Fail);
    }

    private JudgePanel Panel(int? quorum = null) => new(
        "rubric",
        new[] { "model-a", "model-b" }.Select(m => new RubricJudge("judge-" + m, _server.CreateChatClient(m), new LlmJudgeOptions { MaxRetries = 0 })),
        quorum: quorum);

    private sealed class StubEvaluator(EvaluationMetric metric) : IEvaluator
    {
        public EvaluationMetric Metric => metric;

        public IEnumerable<ChatMessage>? LastMessages { get; private set; }

        public ChatResponse? LastResponse { get; private set; }

        public IReadOnlyCollection<string> EvaluationMetricNames => new[] { metric.Name };

        public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
        {
            LastMessages = messages.ToArray();
            LastResponse = modelResponse;
            return ValueTask.FromResult(new EvaluationResult(metric));
        }
    }
}
