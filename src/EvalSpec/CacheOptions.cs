using System;

namespace EvalSpec;

/// <summary>
/// The shared response cache (section <c>Cache</c> of evalspec.json): model calls of recording clients (the system under
/// test and LLM judges) that the recordings do not answer are looked up in Redis first, so a second shard, process or run
/// asking the same request within <see cref="Ttl"/> pays nothing. Off unless <see cref="Redis"/> is set.
/// </summary>
/// <remarks>
/// Recordings stay the committed, reviewed source of answers: Replay never consults the cache, Record never reads it (it
/// asks the model and writes the fresh answer to both), Auto and Live read and write it. docs/concurrency.md, "Shared response cache on Redis".
/// </remarks>
public sealed class CacheOptions
{
    /// <summary>
    /// The Redis server, <c>host:port</c> (a StackExchange.Redis configuration string; put a password in the
    /// <c>EVALSPEC_CACHE__REDIS</c> variable, never in the committed file). Unset: no cache. Set with <c>EVALSPEC_CACHE__REDIS</c>.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>How long a cached answer is kept. Default seven days. Set with <c>EVALSPEC_CACHE__TTL</c> (<c>7.00:00:00</c>).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromDays(7);
}
