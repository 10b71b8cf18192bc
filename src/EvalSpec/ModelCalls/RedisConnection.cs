using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using StackExchange.Redis;

namespace EvalSpec.ModelCalls;

/// <summary>
/// The run's one connection to the Redis of <see cref="CacheOptions.Redis"/>, shared by the response cache and the rate
/// limiters. It never fails a call: commands fail fast while Redis is unreachable (the callers then go without it), the
/// first such failure is reported once on standard error, and the connection comes back by itself when Redis does.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;
    private readonly Action<string> _warn;
    private int _warned;
    private int _disposed;

    /// <param name="configuration">The <c>host:port</c> (StackExchange.Redis configuration string).</param>
    /// <param name="warn">Where the one warning goes (standard error in a run).</param>
    public RedisConnection(string configuration, Action<string>? warn = null)
    {
        _configuration = ConfigurationOptions.Parse(configuration);

        // Never stop the run for Redis: connect in the background, fail commands at once while disconnected (rather than
        // queueing them for seconds), and keep short timeouts, since a cache that is slower than the model is no cache.
        _configuration.AbortOnConnectFail = false;
        _configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _configuration.ConnectTimeout = 2000;
        _configuration.SyncTimeout = 2000;
        _configuration.AsyncTimeout = 2000;
        _configuration.ConnectRetry = 1;
        Endpoint = string.Join(",", _configuration.EndPoints.Select(e => e.ToString()));
        _warn = warn ?? EvalConsole.WriteError;
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(ConnectAsync);
    }

    /// <summary>The server's address, without a password, for messages.</summary>
    public string Endpoint { get; }

    /// <summary>How many Redis operations failed (each went on without Redis).</summary>
    public int Failures => Volatile.Read(ref _failures);

    private int _failures;

    /// <summary>The connection (connecting on first use; a server that is down gives a disconnected one).</summary>
    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    /// <summary>
    /// Connects, and waits up to the connect timeout for the first connection: without the wait the first commands would
    /// fail at once (fail-fast backlog) while the connection is still being made, and a run's first calls would miss a
    /// cache that is there.
    /// </summary>
    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        ConnectionMultiplexer multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        long deadline = Environment.TickCount64 + _configuration.ConnectTimeout;
        while (!multiplexer.IsConnected && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        return multiplexer;
    }

    /// <summary>Reports a failed Redis operation: once per run on standard error, counted always.</summary>
    /// <param name="what">What went on without Redis ("the response cache", "the shared rate limit").</param>
    /// <param name="exception">The failure.</param>
    public void Failed(string what, Exception exception)
    {
        Interlocked.Increment(ref _failures);
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            _warn($"EvalSpec warning: Redis at {Endpoint} cannot be used ({exception.GetType().Name}: {FirstLine(exception.Message)}): {what} goes on without it; "
                + "model calls go to the provider, and rate limits are kept per process, until Redis answers again. This warning is shown once per run. "
                + "Check that Redis runs and that Cache:Redis (EVALSPEC_CACHE__REDIS) names it.");
        }
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline].TrimEnd();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            _multiplexer.Value.Result.Dispose();
        }
    }
}
