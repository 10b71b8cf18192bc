using System;
using System.Threading;

namespace EvalSpec.Execution;

/// <summary>
/// Raises the thread pool's minimum of worker threads to the rows a run keeps in flight, before the first row starts.
/// </summary>
/// <remarks>
/// The pool starts with one worker thread per core and adds more only about twice a second while its queue waits. A row's
/// model call finishes on a pool thread, and the rows in flight prepare, judge and write their results on pool threads too:
/// on a 2-core runner the first answers waited behind that work for a few hundred milliseconds, once per concurrency slot,
/// until the pool had grown (bench/Speed: the first calls took 0.4-1.0 s against 0.1 s; docs/concurrency.md#speed).
/// Threads above the old minimum are still created only when work waits for one. The setting is process-wide; it is only
/// ever raised, never lowered, so a larger minimum the test project sets (runtimeconfig <c>System.Threading.ThreadPool.MinThreads</c>)
/// stays.
/// </remarks>
internal static class ThreadPoolFloor
{
    /// <summary>The most worker threads a run asks the pool to keep ready, whatever its concurrency.</summary>
    public const int Ceiling = 256;

    /// <summary>Raises the minimum of worker threads to <paramref name="workers"/> (at most <see cref="Ceiling"/>).</summary>
    /// <returns>Whether the minimum was raised.</returns>
    public static bool Raise(int workers)
    {
        int target = Math.Min(workers, Ceiling);
        ThreadPool.GetMinThreads(out int minWorkers, out int minCompletionPorts);
        return minWorkers < target && ThreadPool.SetMinThreads(target, minCompletionPorts);
    }
}
