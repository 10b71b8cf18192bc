using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace EvalSpec.ModelCalls;

/// <summary>
/// The window of requests and tokens of one provider and model in this process (no Redis, or Redis unreachable): a
/// <see cref="SlidingWindowRateLimiter"/> for requests, and the tokens of the calls that ended within the window.
/// </summary>
internal sealed class LocalCallWindow : IDisposable
{
    private const int Segments = 10;
    private readonly SlidingWindowRateLimiter? _requests;
    private readonly int? _tokenLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Queue<(DateTimeOffset At, long Tokens)> _tokens = new();
    private long _tokensInWindow;

    public LocalCallWindow(RateLimitOptions limit, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _window = limit.Window;
        _tokenLimit = limit.Tokens;
        if (limit.Requests is { } requests)
        {
            // The window moves in tenths: at most a tenth of a window's requests more than the limit can fall into a window
            // that straddles two segments' edges. Calls queue (oldest first) rather than fail.
            _requests = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = requests,
                Window = limit.Window,
                SegmentsPerWindow = Segments,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        if (_tokenLimit is { } limit)
        {
            while (TokensInWindow() >= limit)
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, _window.Ticks / Segments)), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_requests is not null)
        {
            using RateLimitLease lease = await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException("The local request window refused a queued request.");
            }
        }
    }

    public void AddTokens(long tokens)
    {
        if (_tokenLimit is null || tokens <= 0)
        {
            return;
        }

        lock (_gate)
        {
            _tokens.Enqueue((_time.GetUtcNow(), tokens));
            _tokensInWindow += tokens;
        }
    }

    private long TokensInWindow()
    {
        lock (_gate)
        {
            DateTimeOffset since = _time.GetUtcNow() - _window;
            while (_tokens.Count > 0 && _tokens.Peek().At <= since)
            {
                _tokensInWindow -= _tokens.Dequeue().Tokens;
            }

            return _tokensInWindow;
        }
    }

    public void Dispose() => _requests?.Dispose();
}
