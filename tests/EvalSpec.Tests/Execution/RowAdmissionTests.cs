using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// How a run admits rows and readies threads for them (bench/Speed, docs/concurrency.md#speed): at most
/// <see cref="EvalRunHost.RowsInFlight"/> rows of a test framework that starts every row at once (xUnit v3) are in flight,
/// and the thread pool keeps that many worker threads ready, so that the first answers do not wait for the pool to grow.
/// </summary>
public sealed class RowAdmissionTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Rows_past_the_rows_in_flight_wait_for_a_slot_and_start_when_one_is_freed()
    {
        using var run = new EvalRunFixture(new Dictionary<string, string?> { ["MaxConcurrency"] = "2" });
        run.Host.RowsInFlight.Should().Be(8, "four times MaxConcurrency");

        IDisposable[] admitted = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => run.Host.AdmitRowAsync(CancellationToken.None)));
        Task<IDisposable> waiting = run.Host.AdmitRowAsync(CancellationToken.None);
        (await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(300)))).Should().NotBeSameAs(waiting, "every slot is taken");

        admitted[0].Dispose();
        admitted[0].Dispose(); // a second dispose frees nothing more
        using IDisposable ninth = await waiting.WaitAsync(Generous);
        Task<IDisposable> tenth = run.Host.AdmitRowAsync(CancellationToken.None);
        (await Task.WhenAny(tenth, Task.Delay(TimeSpan.FromMilliseconds(300)))).Should().NotBeSameAs(tenth, "disposing one slot twice freed one slot, not two");

        foreach (IDisposable slot in admitted.Skip(1))
        {
            slot.Dispose();
        }

        (await tenth.WaitAsync(Generous)).Dispose();
    }

    [Fact]
    public async Task A_row_cancelled_while_it_waits_goes_on_without_a_slot_and_frees_none()
    {
        using var run = new EvalRunFixture(new Dictionary<string, string?> { ["MaxConcurrency"] = "1" });
        int slots = run.Host.RowsInFlight;
        IDisposable[] admitted = await Task.WhenAll(Enumerable.Range(0, slots).Select(_ => run.Host.AdmitRowAsync(CancellationToken.None)));

        using var cancellation = new CancellationTokenSource();
        Task<IDisposable> waiting = run.Host.AdmitRowAsync(cancellation.Token);
        cancellation.Cancel();
        IDisposable none = await waiting.WaitAsync(Generous);
        none.Dispose();

        Task<IDisposable> next = run.Host.AdmitRowAsync(CancellationToken.None);
        (await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(300)))).Should().NotBeSameAs(next, "the cancelled row's slot freed nothing");
        admitted[0].Dispose();
        (await next.WaitAsync(Generous)).Dispose();
        foreach (IDisposable slot in admitted.Skip(1))
        {
            slot.Dispose();
        }
    }

    [Theory]
    [InlineData(1_000_000_000)] // four times this does not fit an int
    [InlineData(int.MaxValue - 3)] // nor does this plus four
    [InlineData(int.MaxValue)] // "as many as you like"
    public void A_very_large_MaxConcurrency_still_gives_a_count_of_row_slots(int concurrency)
    {
        // Not through a run host: creating one raises the process's thread-pool floor to its ceiling, and the floor test
        // below must see it lower. (Through a host, before the fix, creating the run threw SemaphoreSlim's
        // ArgumentOutOfRangeException for the two largest values.)
        int slots = EvalRunHost.RowsInFlightFor(concurrency);
        slots.Should().BeGreaterThanOrEqualTo(concurrency, "rows in flight are never fewer than the calls in flight");
        using var semaphore = new SemaphoreSlim(slots, slots);
    }

    [Fact]
    public void Creating_a_run_raises_the_thread_pools_minimum_of_worker_threads_to_its_rows_in_flight_never_above_the_ceiling()
    {
        // Process-wide and only ever raised (one test, so that no other test of this class raises it in between): ask for
        // more than the minimum is now, whatever other test classes did before.
        ThreadPool.GetMinThreads(out int before, out int completionPortsBefore);
        int concurrency = (before / 4) + 1;
        if (4 * concurrency <= ThreadPoolFloor.Ceiling)
        {
            using var run = new EvalRunFixture(new Dictionary<string, string?> { ["MaxConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            ThreadPool.GetMinThreads(out int after, out int completionPortsAfter);
            after.Should().BeGreaterThanOrEqualTo(run.Host.RowsInFlight).And.BeGreaterThan(before);
            completionPortsAfter.Should().Be(completionPortsBefore, "only worker threads are raised");
            before = after;
        }

        ThreadPoolFloor.Raise(1).Should().BeFalse("a floor below the minimum leaves it");
        ThreadPool.GetMinThreads(out int unchanged, out _);

        // At least, not exactly: a run another test class creates meanwhile (MaxConcurrency 8 by default) raises it too.
        unchanged.Should().BeGreaterThanOrEqualTo(before, "a floor below the minimum never lowers it");

        ThreadPoolFloor.Raise(ThreadPoolFloor.Ceiling * 40);
        ThreadPool.GetMinThreads(out int capped, out _);
        capped.Should().Be(Math.Max(before, ThreadPoolFloor.Ceiling), "a concurrency of thousands asks for at most the ceiling");
    }
}
