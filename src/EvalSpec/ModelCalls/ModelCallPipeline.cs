using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using EvalSpec.Execution;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace EvalSpec.ModelCalls;

/// <summary>
/// What a run puts between a recording client and the provider, for the calls the recordings do not answer (docs/concurrency.md,
/// "Shared response cache on Redis", "Rate limits and adaptive concurrency", "OpenTelemetry"). Outermost first:
/// <list type="number">
/// <item>the shared response cache (<see cref="EvalCachingChatClient"/>), when <see cref="CacheOptions.Redis"/> is set and
/// the mode is not Replay; in Record mode it only writes;</item>
/// <item>Microsoft.Extensions.AI's <see cref="OpenTelemetryChatClient"/> (source "EvalSpec"): a span per provider call;</item>
/// <item>the rate limits and adaptive concurrency (<see cref="RateLimitedChatClient"/>), when <see cref="EvalOptions.RateLimits"/> has entries;</item>
/// <item>the user's client, which the run never disposes.</item>
/// </list>
/// One per run: it owns the Redis connection, the cache's occurrence counts and the gates of every provider and model.
/// </summary>
internal sealed class ModelCallPipeline : IDisposable
{
    private readonly EvalOptions _options;
    private readonly CachedCallOccurrences _occurrences = new();
    private readonly ConcurrentDictionary<string, Lazy<ModelCallGate>> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<IChatClient> _built = new();
    private readonly RedisCache? _redisCache;
    private readonly Action<string> _report;
    private int _disposed;

    /// <param name="options">The run's options (<see cref="EvalOptions.Cache"/>, <see cref="EvalOptions.RateLimits"/>, <see cref="EvalOptions.Telemetry"/>).</param>
    /// <param name="mode">The run's recording mode: Replay gets no cache, Record a cache that only writes.</param>
    /// <param name="warn">Where warnings go (standard error in a run).</param>
    /// <param name="report">Where the end-of-run line goes (the console in a run).</param>
    public ModelCallPipeline(EvalOptions options, RecordingMode mode, Action<string>? warn = null, Action<string>? report = null)
    {
        _options = options;
        Mode = mode;
        _report = report ?? EvalConsole.WriteLine;
        if (!string.IsNullOrWhiteSpace(options.Cache.Redis))
        {
            Redis = new RedisConnection(options.Cache.Redis!, warn);
            if (mode != RecordingMode.Replay)
            {
                RedisConnection connection = Redis;
                _redisCache = new RedisCache(Options.Create(new RedisCacheOptions
                {
                    InstanceName = "evalspec:",
                    ConnectionMultiplexerFactory = connection.GetAsync,
                }));
                Cache = new ResponseCache(_redisCache, Redis, options.Cache.Ttl, reads: mode != RecordingMode.Record);
            }
        }
    }

    /// <summary>The recording mode the pipeline was built for.</summary>
    public RecordingMode Mode { get; }

    /// <summary>The run's Redis, or null when none is configured.</summary>
    public RedisConnection? Redis { get; }

    /// <summary>The shared response cache, or null (no Redis, or Replay mode).</summary>
    public ResponseCache? Cache { get; }

    /// <summary>The gates made so far, by provider and model.</summary>
    public IReadOnlyCollection<ModelCallGate> Gates => _gates.Values.Where(g => g.IsValueCreated).Select(g => g.Value).ToArray();

    /// <summary>Builds the pipeline in front of <paramref name="provider"/> for the recording client <paramref name="name"/>.</summary>
    public IChatClient Wrap(IChatClient provider, string name)
    {
        ArgumentNullException.ThrowIfNull(provider);
        IChatClient client = new NonOwningChatClient(provider);
        if (_options.RateLimits.Count > 0)
        {
            client = new RateLimitedChatClient(client, Gate);
        }

        client = new OpenTelemetryChatClient(client, logger: null, sourceName: EvalTelemetry.SourceName)
        {
            EnableSensitiveData = _options.Telemetry.IncludeMessages,
        };
        if (Cache is not null)
        {
            client = new EvalCachingChatClient(client, Cache, name, _occurrences);
        }

        _built.Enqueue(client);
        return client;
    }

    /// <summary>The gate of a provider and model, or null when no <see cref="EvalOptions.RateLimits"/> entry applies.</summary>
    public ModelCallGate? Gate(string provider, string model)
    {
        if (ModelCallSettings.Find(_options.RateLimits, provider, model) is not { } limit)
        {
            return null;
        }

        string key = provider + "/" + model;
        return _gates.GetOrAdd(key, k => new Lazy<ModelCallGate>(() => new ModelCallGate(k, limit, Redis), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>One line on what the cache and the limits did, or null when neither is configured.</summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (Cache is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"shared response cache at {Redis!.Endpoint}: {Cache.Hits} answered from the cache, {Cache.Misses} asked the provider, {Cache.Writes} stored{(Cache.Reads ? string.Empty : " (Record mode: the cache is written, never read)")}"));
        }
        else if (Redis is not null)
        {
            parts.Add($"shared response cache at {Redis.Endpoint}: not used in Replay mode");
        }

        foreach (ModelCallGate gate in Gates.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"rate limit {gate.Key}: {(gate.Concurrency.Decreases == 0 ? "never slowed down" : $"slowed down {gate.Concurrency.Decreases} time(s) on HTTP 429, {gate.Concurrency.Limit} of {gate.Concurrency.Ceiling} calls in flight at the end")}"));
        }

        if (Redis is { Failures: > 0 })
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Redis.Failures} Redis operation(s) failed and went on without it"));
        }

        return parts.Count == 0 ? null : "EvalSpec: " + string.Join("; ", parts) + ".";
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Describe() is { } line)
        {
            _report(line);
        }

        while (_built.TryDequeue(out IChatClient? client))
        {
            // Disposes the middleware (the telemetry client's source and meter); the user's client below stays open.
            client.Dispose();
        }

        foreach (Lazy<ModelCallGate> gate in _gates.Values)
        {
            if (gate.IsValueCreated)
            {
                gate.Value.Dispose();
            }
        }

        _redisCache?.Dispose();
        Redis?.Dispose();
    }
}
