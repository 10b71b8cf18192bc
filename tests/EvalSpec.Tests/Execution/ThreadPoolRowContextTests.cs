using System;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using FluentAssertions;
using Xunit;
using Xunit.Sdk;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// <see cref="ThreadPoolRowContext"/> with xUnit v2's own per-test context (<see cref="AsyncTestSyncContext"/>, the
/// real one from xunit.execution): the continuation of an asynchronously finishing test runs on the thread pool when the
/// test starts under it, and on a thread of its own (a new thread per continuation) when it starts under no context.
/// </summary>
public sealed class ThreadPoolRowContextTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Under_the_context_an_xunit_test_continuation_runs_on_the_thread_pool()
    {
        bool? onPool = await RunAsXunitV2Would(new ThreadPoolRowContext());

        onPool.Should().BeTrue("xUnit's AsyncTestSyncContext forwards to the context current when the test started");
    }

    [Fact]
    public async Task Without_a_context_xunit_v2_runs_the_continuation_on_a_thread_of_its_own()
    {
        // The cause this context removes: one new thread per asynchronously finishing test.
        bool? onPool = await RunAsXunitV2Would(null);

        onPool.Should().BeFalse();
    }

    [Fact]
    public async Task Posted_work_sees_the_context_as_current_and_the_posting_flow()
    {
        var context = new ThreadPoolRowContext();
        var flow = new AsyncLocal<string>();
        var seen = new TaskCompletionSource<(bool OnPool, bool Current, string? Flow)>(TaskCreationOptions.RunContinuationsAsynchronously);
        flow.Value = "row-1";
        context.Post(
            _ => seen.SetResult((Thread.CurrentThread.IsThreadPoolThread, SynchronizationContext.Current == context, flow.Value)),
            null);

        (bool onPool, bool current, string? flowed) = await seen.Task.WaitAsync(Generous);

        onPool.Should().BeTrue();
        current.Should().BeTrue("xUnit's runners await without ConfigureAwait(false): the context must stay current until the test is invoked");
        flowed.Should().Be("row-1");
    }

    [Fact]
    public void Send_runs_inline_and_restores_the_previous_context()
    {
        SynchronizationContext? before = SynchronizationContext.Current;
        SynchronizationContext? during = null;
        var context = new ThreadPoolRowContext();

        context.Send(_ => during = SynchronizationContext.Current, null);

        during.Should().BeSameAs(context);
        SynchronizationContext.Current.Should().BeSameAs(before);
    }

    [Fact]
    public async Task An_exception_in_the_test_body_still_reaches_xunit()
    {
        SynchronizationContext? previous = SynchronizationContext.Current;
        AsyncTestSyncContext testContext;
        Task body;
        SynchronizationContext.SetSynchronizationContext(new ThreadPoolRowContext());
        try
        {
            testContext = new AsyncTestSyncContext(SynchronizationContext.Current);
            SynchronizationContext.SetSynchronizationContext(testContext);
            body = Body();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Func<Task> awaiting = () => body.WaitAsync(Generous);
        await awaiting.Should().ThrowAsync<InvalidOperationException>().WithMessage("row failed");
        (await testContext.WaitForCompletionAsync().WaitAsync(Generous)).Should().BeNull();

        static async Task Body()
        {
            await Task.Delay(10);
            throw new InvalidOperationException("row failed");
        }
    }

    /// <summary>Starts an async test body as xUnit v2's TestInvoker does (its context over <paramref name="outer"/>), returns where its continuation ran.</summary>
    private static async Task<bool?> RunAsXunitV2Would(SynchronizationContext? outer)
    {
        bool? onPool = null;
        SynchronizationContext? previous = SynchronizationContext.Current;
        AsyncTestSyncContext testContext;
        Task body;
        SynchronizationContext.SetSynchronizationContext(outer);
        try
        {
            testContext = new AsyncTestSyncContext(SynchronizationContext.Current);
            SynchronizationContext.SetSynchronizationContext(testContext);
            body = Body();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        await body.WaitAsync(Generous);
        (await testContext.WaitForCompletionAsync().WaitAsync(Generous)).Should().BeNull();
        return onPool;

        async Task Body()
        {
            // Not ConfigureAwait(false): the continuation goes to the test's context, as xUnit's own `await` of the test does.
            await Task.Delay(10);
            onPool = Thread.CurrentThread.IsThreadPoolThread;
        }
    }
}
