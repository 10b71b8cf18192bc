using System;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Execution;

/// <summary>
/// A synchronization context that runs what is posted to it on the thread pool, and is current while it runs. xUnit v2
/// wraps every test in its own context (<c>AsyncTestSyncContext</c>), which hands each continuation of an asynchronously
/// finishing test to the context that was current when the test started, or, when there is none, to a new thread
/// (xUnit's worker-thread helper starts a long-running task per continuation). EvalSpec's v2 class runner starts eval
/// rows under this context, so those continuations go to the thread pool instead of creating a thread each (the issue
/// 16 trace counted 1,942 threads in 5 s); being current while its callbacks run keeps it current across xUnit's
/// own awaits until the test is invoked. It holds no state (one per row method, no static instance).
/// </summary>
internal sealed class ThreadPoolRowContext : SynchronizationContext
{
    /// <summary>Starts <paramref name="start"/> with a new context of this kind current, so what it starts captures it.</summary>
    public static Task<T> Start<T>(Func<Task<T>> start)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(new ThreadPoolRowContext());
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public override void Post(SendOrPostCallback d, object? state) =>
        ThreadPool.QueueUserWorkItem(static work => work.Context.Run(work.Callback, work.State), (Context: this, Callback: d, State: state), preferLocal: false);

    public override void Send(SendOrPostCallback d, object? state) => Run(d, state);

    public override SynchronizationContext CreateCopy() => this;

    private void Run(SendOrPostCallback d, object? state)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            d(state);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
