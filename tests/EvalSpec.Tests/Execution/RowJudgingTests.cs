using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Execution.StageRows;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// The judge stage alone (<see cref="RowJudging"/>): how a row is decided from runs it is given (no eval method is called),
/// with the run's real panels, and a real LLM judge against the fake OpenAI-compatible server where a judge must break.
/// </summary>
public sealed class RowJudgingTests : IClassFixture<EvalRunFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly EvalRunFixture _run;

    public RowJudgingTests(EvalRunFixture run)
    {
        _run = run;
    }

    private static EvalMethodDescriptor NeverCalled([System.Runtime.CompilerServices.CallerMemberName] string methodName = "") =>
        Method(_ => throw new InvalidOperationException("the judge stage must not call the eval method"), relations: new[] { Invariant<Lowercase>("lowercase") }, methodName: methodName);

    private static RelationInput Lowercased() =>
        new(new Lowercase(), RenderedPrompt, RenderedPrompt.ToLowerInvariant(), RenderedPrompt.ToLowerInvariant(), new object?[] { "a laptop" }, new Dictionary<string, string>(), null);

    [Fact]
    public async Task An_output_with_the_expected_answer_passes_decided_by_its_checks()
    {
        PreparedRow row = Row(_run.Host, NeverCalled());

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(_run.Host, row, Returned(GoodAnswer), trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Pass);
        judgement.Decision.DecidedByChecks.Should().BeTrue();
        judgement.Checks.Select(c => c.Panel).Should().Equal(ExpectedAnswerJudge.JudgeName);
        judgement.StoppedBy.Should().BeNull();
    }

    [Fact]
    public async Task An_output_without_the_expected_answer_fails_with_the_failed_check_as_its_kind()
    {
        PreparedRow row = Row(_run.Host, NeverCalled());

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(_run.Host, row, Returned("Please contact our support team."), trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Fail);
        judgement.Decision.FailureKind.Should().Be("checks: " + ExpectedAnswerJudge.JudgeName);
    }

    [Fact]
    public async Task A_timed_out_source_run_fails_as_a_timeout_without_asking_a_judge()
    {
        PreparedRow row = Row(_run.Host, NeverCalled());

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(_run.Host, row, Threw(new TimeoutException("timed out after 0.2 s")), trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Fail);
        judgement.Decision.FailureKind.Should().Be("timeout");
        judgement.Decision.Reason.Should().Be("timed out after 0.2 s");
        judgement.Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_source_run_that_threw_fails_with_the_exception_as_its_kind()
    {
        PreparedRow row = Row(_run.Host, NeverCalled());
        var thrown = new InvalidOperationException("the bot is down");

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(_run.Host, row, Threw(thrown), trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Fail);
        judgement.Decision.FailureKind.Should().Be("exception: InvalidOperationException");
        judgement.Decision.Exception.Should().BeSameAs(thrown);
        judgement.Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task An_output_EvalSpec_could_not_read_is_inconclusive_not_judged()
    {
        PreparedRow row = Row(_run.Host, NeverCalled());
        MethodRun unreadable = Returned(string.Empty) with { OutputError = "EvalSpec could not serialise the output" };

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(_run.Host, row, unreadable, trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        judgement.Decision.Reason.Should().Be("EvalSpec could not serialise the output");
        judgement.Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_judge_whose_reply_cannot_be_read_makes_the_row_inconclusive_with_its_raw_text()
    {
        const string Reply = "Looks fine to me, I would say it passes.";
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = _ => ScriptedResponse.Completion(Reply) });
        using var run = new EvalRunFixture(new Dictionary<string, string?>
        {
            ["Judges:grader:Provider"] = "OpenAICompatible",
            ["Judges:grader:Model"] = "grader-model",
            ["Judges:grader:Endpoint"] = server.BaseAddress.ToString(),
            ["Judges:grader:MaxRetries"] = "0",

            // A build server (CI=true) replays by default: this judge must really be asked.
            ["Recording"] = "Live",
        });
        PreparedRow row = Row(run.Host, Method(_ => Output(GoodAnswer), expected: null, rubric: "States the refund window."));

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(run.Host, row, Returned(GoodAnswer), trial: 0, Generous);

        server.Requests.Should().NotBeEmpty("the configured judge was asked");
        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Inconclusive, "a judge that cannot be read never passes a row");
        PanelVerdict rubric = judgement.Checks.Should().ContainSingle().Subject;
        rubric.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        Verdict grader = rubric.Verdicts.Should().ContainSingle().Subject;
        grader.Errored.Should().BeTrue();
        grader.RawOutput.Should().Contain(Reply);
    }

    [Fact]
    public async Task A_rubric_no_judge_checks_is_noted_and_the_row_decides_on_its_other_checks()
    {
        PreparedRow row = Row(_run.Host, Method(_ => Output(GoodAnswer), rubric: "States the refund window."));

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(_run.Host, row, Returned(GoodAnswer), trial: 0, Generous);

        judgement.RubricNotChecked.Should().BeTrue();
        judgement.Notes.Should().ContainSingle().Which.Should().StartWith("rubric not checked: no rubric judge registered");
        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task A_cancelled_run_stops_judging_and_the_stage_returns_what_stopped_it()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var run = new EvalRunFixture(new Dictionary<string, string?>(), cancelled.Token);
        PreparedRow row = Row(run.Host, NeverCalled());

        RowJudgement judgement = await RowJudging.JudgeIdentityAsync(run.Host, row, Returned(GoodAnswer), trial: 0, Generous);

        judgement.StoppedBy.Should().NotBeNull();
        judgement.StoppedBy!.SourceException.Should().BeAssignableTo<OperationCanceledException>();
        judgement.Decision.Should().Be(RowDecision.NotEvaluated, "the pipeline decides a stopped row, not the stage");
    }

    [Fact]
    public async Task A_run_cancelled_while_a_judge_answers_keeps_the_checks_judged_before_it()
    {
        // The rubric judge's model never answers; the run is cancelled once it was asked, after the expected answer was checked.
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = _ => ScriptedResponse.Hang() });
        using var cancellation = new CancellationTokenSource();
        using var run = new EvalRunFixture(
            new Dictionary<string, string?>
            {
                ["Judges:grader:Provider"] = "OpenAICompatible",
                ["Judges:grader:Model"] = "grader-model",
                ["Judges:grader:Endpoint"] = server.BaseAddress.ToString(),
                ["Judges:grader:MaxRetries"] = "0",

            // A build server (CI=true) replays by default: this judge must really be asked.
            ["Recording"] = "Live",
            },
            cancellation.Token);
        PreparedRow row = Row(run.Host, Method(_ => Output(GoodAnswer), rubric: "States the refund window."));

        Task<RowJudgement> judging = RowJudging.JudgeIdentityAsync(run.Host, row, Returned(GoodAnswer), trial: 0, Generous);
        await server.WaitForRequestsAsync(1).WaitAsync(Generous);
        cancellation.Cancel();
        RowJudgement judgement = await judging.WaitAsync(Generous);

        judgement.StoppedBy!.SourceException.Should().BeAssignableTo<OperationCanceledException>();
        judgement.Checks.Select(c => c.Panel).Should().Equal(ExpectedAnswerJudge.JudgeName);
        judgement.Decision.Should().Be(RowDecision.NotEvaluated);
    }

    [Fact]
    public async Task An_invariant_relation_passes_when_the_follow_up_output_is_the_same()
    {
        PreparedRow row = Row(_run.Host, NeverCalled(), "lowercase");

        RowJudgement judgement = await RowJudging.JudgeRelationAsync(_run.Host, row, Lowercased(), Returned(GoodAnswer), Returned(GoodAnswer), trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Pass);
        judgement.Checks.Select(c => c.Panel).Should().Equal("relation lowercase (invariant)");
    }

    [Fact]
    public async Task An_invariant_relation_fails_when_the_follow_up_output_changes()
    {
        PreparedRow row = Row(_run.Host, NeverCalled(), "lowercase");

        RowJudgement judgement = await RowJudging.JudgeRelationAsync(
            _run.Host, row, Lowercased(), Returned(GoodAnswer), Returned("Sorry, I cannot help with that."), trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Fail);
        judgement.Decision.FailureKind.Should().Be("checks: relation lowercase (invariant)");
    }

    [Fact]
    public async Task A_relation_row_whose_source_run_failed_is_inconclusive_without_a_follow_up()
    {
        PreparedRow row = Row(_run.Host, NeverCalled(), "lowercase");

        RowJudgement judgement = await RowJudging.JudgeRelationAsync(_run.Host, row, Lowercased(), Threw(new InvalidOperationException("the bot is down")), followUp: null, trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        judgement.Decision.Reason.Should().Contain("the source run (the identity row's input) failed").And.Contain("the bot is down");
        judgement.Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_timed_out_follow_up_run_fails_as_a_timeout()
    {
        PreparedRow row = Row(_run.Host, NeverCalled(), "lowercase");

        RowJudgement judgement = await RowJudging.JudgeRelationAsync(
            _run.Host, row, Lowercased(), Returned(GoodAnswer), Threw(new TimeoutException("timed out after 0.2 s")), trial: 0, Generous);

        judgement.Decision.Outcome.Should().Be(VerdictOutcome.Fail);
        judgement.Decision.FailureKind.Should().Be("timeout");
        judgement.Decision.Reason.Should().Be("the follow-up run timed out after 0.2 s");
    }
}
