using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Execution.StageRows;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// The invoke stage alone (<see cref="RowInvocation"/>): how the eval method is called for a row's source run and a relation
/// row's follow-up run, and how a call ends (an output, an exception, a timeout) without judging anything.
/// </summary>
public sealed class RowInvocationTests : IClassFixture<EvalRunFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly EvalRunFixture _run;

    public RowInvocationTests(EvalRunFixture run)
    {
        _run = run;
    }

    [Fact]
    public async Task The_source_run_gives_the_method_the_rendered_prompt_and_the_rows_keys_and_keeps_its_output()
    {
        EvalInput? seen = null;
        EvalMethodDescriptor method = Method(input =>
        {
            seen = input;
            return Output(GoodAnswer);
        });
        PreparedRow row = Row(_run.Host, method);

        MethodRun source = await RowInvocation.InvokeSourceAsync(_run.Host, null, row, RowInput.Of(row), trial: null, Generous);

        source.Succeeded.Should().BeTrue();
        source.OutputText.Should().Be(GoodAnswer);
        source.Prompt.Should().Be(RenderedPrompt);
        seen!.RowId.Should().Be(row.Id);
        seen.IsFollowUp.Should().BeFalse();
        seen.Trial.Should().Be(0);
        seen.Arguments.Should().ContainKey("product").WhoseValue.Should().Be("a laptop");
    }

    [Fact]
    public async Task The_rows_of_a_case_and_variant_share_one_source_run_and_each_trial_has_its_own()
    {
        var trials = new List<int>();
        EvalMethodDescriptor method = Method(
            input =>
            {
                lock (trials)
                {
                    trials.Add(input.Trial);
                }

                return Output(GoodAnswer);
            },
            relations: new[] { Invariant<Lowercase>("lowercase") });
        PreparedRow identity = Row(_run.Host, method);
        PreparedRow relation = Row(_run.Host, method, "lowercase");

        await RowInvocation.InvokeSourceAsync(_run.Host, null, identity, RowInput.Of(identity), trial: null, Generous);
        await RowInvocation.InvokeSourceAsync(_run.Host, null, relation, RowInput.Of(relation), trial: null, Generous);
        await RowInvocation.InvokeSourceAsync(_run.Host, null, identity, RowInput.Of(identity), trial: 1, Generous);
        await RowInvocation.InvokeSourceAsync(_run.Host, null, relation, RowInput.Of(relation), trial: 1, Generous);

        trials.Should().Equal(0, 1);
    }

    [Fact]
    public async Task The_follow_up_run_gives_the_method_the_relations_input_and_the_relation_rows_keys()
    {
        EvalInput? seen = null;
        EvalMethodDescriptor method = Method(
            input =>
            {
                seen = input;
                return Output(GoodAnswer);
            },
            relations: new[] { Invariant<Lowercase>("lowercase", parameter: "product") });
        PreparedRow row = Row(_run.Host, method, "lowercase");
        var input = new RelationInput(new Lowercase(), "a laptop", "a laptop!", "How many days do I have to return a laptop!?", new object?[] { "a laptop!" }, new Dictionary<string, string>(), null);

        MethodRun followUp = await RowInvocation.InvokeFollowUpAsync(_run.Host, null, row, input, trial: 2, Generous);

        followUp.OutputText.Should().Be(GoodAnswer);
        seen!.Prompt.Should().Be("How many days do I have to return a laptop!?");
        seen.IsFollowUp.Should().BeTrue();
        seen.RowId.Should().Be(row.Id);
        seen.Trial.Should().Be(2);
        seen.Arguments["product"].Should().Be("a laptop!");
    }

    [Fact]
    public async Task A_method_that_throws_ends_as_a_failed_run_carrying_its_exception()
    {
        var thrown = new InvalidOperationException("the bot is down");
        EvalMethodDescriptor method = Method(async _ =>
        {
            await Task.Yield();
            throw thrown;
        });
        PreparedRow row = Row(_run.Host, method);

        MethodRun source = await RowInvocation.InvokeSourceAsync(_run.Host, null, row, RowInput.Of(row), trial: null, Generous);

        source.Succeeded.Should().BeFalse();
        source.TimedOut.Should().BeFalse();
        source.Error.Should().BeSameAs(thrown);
    }

    [Fact]
    public async Task A_call_that_outlasts_the_timeout_ends_as_a_timed_out_run_and_its_token_is_cancelled()
    {
        CancellationToken token = default;
        EvalMethodDescriptor method = Method(async input =>
        {
            token = input.CancellationToken;
            await Task.Delay(Timeout.Infinite, input.CancellationToken);
            return GoodAnswer;
        });
        PreparedRow row = Row(_run.Host, method);

        MethodRun source = await RowInvocation.InvokeSourceAsync(_run.Host, null, row, RowInput.Of(row), trial: null, TimeSpan.FromMilliseconds(200));

        source.TimedOut.Should().BeTrue();
        source.Error!.Message.Should().StartWith("timed out after 0.2 s");
        token.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task An_abandoned_call_keeps_its_concurrency_slot_until_it_really_ends()
    {
        using var run = new EvalRunFixture(new Dictionary<string, string?> { ["MaxConcurrency"] = "1" });
        var release = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Ignores its cancellation token: the row gives up at the timeout, the call goes on.
        EvalMethodDescriptor method = Method(_ => new ValueTask<object?>(release.Task));
        PreparedRow row = Row(run.Host, method);

        // The slot is given back at the latest one more timeout after the call was abandoned: long enough to look at it first.
        MethodRun source = await RowInvocation.InvokeSourceAsync(run.Host, null, row, RowInput.Of(row), trial: null, TimeSpan.FromSeconds(3));

        source.TimedOut.Should().BeTrue();
        run.Host.SystemUnderTestLimiter.CurrentCount.Should().Be(0, "the abandoned call is still running and holds the only slot");
        release.SetResult(GoodAnswer);
        (await WaitForFreeSlotAsync(run.Host)).Should().BeTrue("the slot is given back when the abandoned call ends");
    }

    [Fact]
    public async Task A_call_that_never_returns_gives_its_slot_back_one_timeout_later_so_the_run_goes_on()
    {
        using var run = new EvalRunFixture(new Dictionary<string, string?> { ["MaxConcurrency"] = "1" });
        EvalMethodDescriptor hangs = Method(_ => new ValueTask<object?>(new TaskCompletionSource<object?>().Task), methodName: "Hangs");
        EvalMethodDescriptor answers = Method(_ => Output(GoodAnswer), methodName: "Answers");
        PreparedRow hanging = Row(run.Host, hangs);
        PreparedRow next = Row(run.Host, answers);

        MethodRun abandoned = await RowInvocation.InvokeSourceAsync(run.Host, null, hanging, RowInput.Of(hanging), trial: null, TimeSpan.FromMilliseconds(300));
        MethodRun after = await RowInvocation.InvokeSourceAsync(run.Host, null, next, RowInput.Of(next), trial: null, Generous).WaitAsync(Generous);

        abandoned.TimedOut.Should().BeTrue();
        after.OutputText.Should().Be(GoodAnswer, "the only slot came back although the first call never ended");
    }

    private static async Task<bool> WaitForFreeSlotAsync(EvalRunHost run)
    {
        using var patience = new CancellationTokenSource(Generous);
        while (run.SystemUnderTestLimiter.CurrentCount == 0)
        {
            if (patience.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
