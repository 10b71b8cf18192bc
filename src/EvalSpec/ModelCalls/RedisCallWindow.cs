using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace EvalSpec.ModelCalls;

/// <summary>
/// A sliding window of requests and tokens kept in Redis, shared by every process that uses the same Redis and key: a
/// sorted set of start times per key, read and written by one Lua script each, on the Redis server's clock (so the
/// processes' clocks do not matter), to the microsecond.
/// </summary>
/// <remarks>
/// Not RedisRateLimiting's limiters: its sliding window (1.2.1) stamps requests in whole seconds, so a limit per second is
/// a fixed window that lets twice the limit through across a second's edge, and its token bucket lets a full bucket burst on
/// top of the refill rate. Here a request is admitted only while fewer than the limit started in the last window.
/// </remarks>
internal sealed class RedisCallWindow
{
    // Returns 0 when the request is admitted (and records it), else the microseconds until the oldest leaves the window.
    private const string RequestScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], math.floor(window / 1000) + 1000)
          return 0
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + window - now)
        """;

    // Members are "<tokens>:<id>": returns 0 while the window's tokens are below the limit, else the wait in microseconds.
    private const string TokenCheckScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
        local sum = 0
        for i = 1, #members, 2 do
          local m = members[i]
          sum = sum + tonumber(string.sub(m, 1, string.find(m, ':') - 1))
        end
        if sum < tonumber(ARGV[1]) then
          return 0
        end
        return math.max(1, tonumber(members[2]) + window - now)
        """;

    private const string TokenAddScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('PEXPIRE', KEYS[1], math.floor(tonumber(ARGV[2]) / 1000) + 1000)
        return 0
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKey _requests;
    private readonly RedisKey _tokens;
    private readonly long _windowMicroseconds;
    private readonly int? _requestLimit;
    private readonly int? _tokenLimit;

    /// <param name="connection">The run's Redis.</param>
    /// <param name="key">The provider and model (<c>openai/gpt-4o-mini</c>): every process limiting it shares the window.</param>
    /// <param name="limit">The limits.</param>
    public RedisCallWindow(RedisConnection connection, string key, RateLimitOptions limit)
    {
        _connection = connection;
        _requests = "evalspec:ratelimit:" + key + ":requests";
        _tokens = "evalspec:ratelimit:" + key + ":tokens";
        _windowMicroseconds = (long)Math.Ceiling(limit.Window.TotalMilliseconds * 1000);
        _requestLimit = limit.Requests;
        _tokenLimit = limit.Tokens;
    }

    /// <summary>Waits until the window admits one more request (and the tokens are below their limit), then counts it.</summary>
    /// <exception cref="RedisException">Redis could not be used (the caller goes on with its local window).</exception>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        IDatabase database = (await _connection.GetAsync().ConfigureAwait(false)).GetDatabase();
        if (_tokenLimit is { } tokens)
        {
            await WaitAsync(database, TokenCheckScript, _tokens, tokens, null, cancellationToken).ConfigureAwait(false);
        }

        if (_requestLimit is { } requests)
        {
            await WaitAsync(database, RequestScript, _requests, requests, Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the tokens of a call that ended.</summary>
    public async Task AddTokensAsync(long tokens)
    {
        if (_tokenLimit is null || tokens <= 0)
        {
            return;
        }

        IDatabase database = (await _connection.GetAsync().ConfigureAwait(false)).GetDatabase();
        await database.ScriptEvaluateAsync(
            TokenAddScript,
            new[] { _tokens },
            new RedisValue[] { tokens.ToString(CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N"), _windowMicroseconds }).ConfigureAwait(false);
    }

    private async Task WaitAsync(IDatabase database, string script, RedisKey key, int limit, string? member, CancellationToken cancellationToken)
    {
        while (true)
        {
            RedisResult result = await database.ScriptEvaluateAsync(
                script,
                new[] { key },
                member is null ? new RedisValue[] { limit, _windowMicroseconds } : new RedisValue[] { limit, _windowMicroseconds, member }).ConfigureAwait(false);
            long waitMicroseconds = (long)result;
            if (waitMicroseconds <= 0)
            {
                return;
            }

            // A millisecond more than the oldest needs, so the next try does not land just before it leaves the window.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(waitMicroseconds / 1000.0) + 1), cancellationToken).ConfigureAwait(false);
        }
    }
}
