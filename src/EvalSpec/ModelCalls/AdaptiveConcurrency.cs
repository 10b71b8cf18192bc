using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.ModelCalls;

/// <summary>
/// How many calls to one provider and model may be in flight in this process: additive increase, multiplicative decrease
/// (AIMD, as TCP does). Starting at the ceiling, a rate-limited answer (HTTP 429, or any answer with <c>Retry-After</c>)
/// halves the limit (at least 1) and holds every new call until the server's <c>Retry-After</c> has passed; each
/// successful call adds 1/limit, so one full round of successful calls adds one slot, back up to the ceiling.
/// </summary>
internal sealed class AdaptiveConcurrency
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _waiting = new();
    private readonly TimeProvider _time;
    private double _limit;
    private int _inFlight;
    private DateTimeOffset _pausedUntil;
    private int _decreases;

    /// <param name="ceiling">The most calls in flight (<see cref="RateLimitOptions.MaxInFlight"/>).</param>
    /// <param name="time">The clock of pauses.</param>
    public AdaptiveConcurrency(int ceiling, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, 1);
        Ceiling = ceiling;
        _limit = ceiling;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The ceiling of the limit.</summary>
    public int Ceiling { get; }

    /// <summary>The current limit of calls in flight (a whole number of slots: the integer part).</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return (int)_limit;
            }
        }
    }

    /// <summary>Calls in flight now.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>How many times the limit was halved.</summary>
    public int Decreases => Volatile.Read(ref _decreases);

    /// <summary>Waits for a slot (and for a pause to end); dispose the result when the call has ended.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan pause;
            TaskCompletionSource<bool>? waiter = null;
            LinkedListNode<TaskCompletionSource<bool>>? node = null;
            lock (_gate)
            {
                pause = _pausedUntil - _time.GetUtcNow();
                if (pause <= TimeSpan.Zero)
                {
                    if (_inFlight < (int)_limit)
                    {
                        _inFlight++;
                        return new Slot(this);
                    }

                    waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    node = _waiting.AddLast(waiter);
                }
            }

            if (waiter is null)
            {
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), waiter))
                {
                    await waiter.Task.ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    if (node!.List is not null)
                    {
                        _waiting.Remove(node);
                    }
                    else
                    {
                        // Woken and cancelled at once: pass the wake-up on, or a free slot would wait for the next exit.
                        WakeLocked();
                    }
                }

                throw;
            }

            // Woken: try again (another caller may have taken the slot, or a pause may have started).
        }
    }

    /// <summary>A call succeeded: one more slot per round of successful calls, up to the ceiling.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _limit = Math.Min(Ceiling, _limit + (1.0 / _limit));
            WakeLocked();
        }
    }

    /// <summary>The server said to slow down: halve the limit, and hold new calls for <paramref name="retryAfter"/>.</summary>
    public void RateLimited(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _limit = Math.Max(1, _limit / 2);
            DateTimeOffset until = _time.GetUtcNow() + retryAfter;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            Interlocked.Increment(ref _decreases);
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            _inFlight--;
            WakeLocked();
        }
    }

    private void WakeLocked()
    {
        int free = (int)_limit - _inFlight;
        while (free-- > 0 && _waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            first.Value.TrySetResult(true);
        }
    }

    private sealed class Slot : IDisposable
    {
        private AdaptiveConcurrency? _owner;

        public Slot(AdaptiveConcurrency owner) => _owner = owner;

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Exit();
    }
}
