using System;

namespace EvalSpec;

/// <summary>
/// Limits of the model calls to one provider and model (an entry of the <c>RateLimits</c> section of evalspec.json, keyed
/// <c>provider/model</c>, <c>model</c> or <c>default</c>). Shared by every process of the run through Redis when
/// <see cref="CacheOptions.Redis"/> is set, per process otherwise. docs/concurrency.md, "Rate limits and adaptive concurrency".
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests that may start within any <see cref="Window"/>; unset for no request limit.</summary>
    public int? Requests { get; set; }

    /// <summary>
    /// Tokens (input plus output, as the provider reports them) that calls may use within any <see cref="Window"/>; unset for
    /// no token limit. A call starts only while the window's tokens are below the limit, and its tokens count when it ends.
    /// </summary>
    public int? Tokens { get; set; }

    /// <summary>The sliding window <see cref="Requests"/> and <see cref="Tokens"/> are counted over. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The most calls in flight at once in one process (the ceiling of the adaptive limit, which halves on HTTP 429 and
    /// grows back by one per round of successful calls). Default 16.
    /// </summary>
    public int MaxInFlight { get; set; } = 16;

    /// <summary>
    /// How often a call answered HTTP 429 is tried again, after the server's <c>Retry-After</c> (or one second, doubling;
    /// at most <see cref="MaxRetryAfter"/>). Default 3.
    /// </summary>
    public int RetriesOn429 { get; set; } = 3;

    /// <summary>The longest wait honoured for one <c>Retry-After</c>. Default one minute.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);
}
