using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Secrets;
using Microsoft.Extensions.Caching.Distributed;

namespace EvalSpec.ModelCalls;

/// <summary>
/// The shared response cache as <see cref="Microsoft.Extensions.AI.DistributedCachingChatClient"/>'s store: Redis underneath, but never a reason
/// for a call to fail. A read that fails is a miss and a write that fails is skipped (reported once by
/// <see cref="RedisConnection"/>); every value is redacted before it is stored and kept for the TTL; reads can be switched
/// off (Record mode asks the model, and only writes).
/// </summary>
internal sealed class ResponseCache : IDistributedCache
{
    private const string What = "the shared response cache";
    private readonly IDistributedCache _store;
    private readonly RedisConnection _connection;
    private readonly DistributedCacheEntryOptions _entry;
    private int _hits;
    private int _misses;
    private int _writes;

    /// <param name="store">The Redis cache.</param>
    /// <param name="connection">Reports failures.</param>
    /// <param name="ttl">How long an answer is kept.</param>
    /// <param name="reads">Whether lookups are made (false: every lookup misses, answers are still written).</param>
    public ResponseCache(IDistributedCache store, RedisConnection connection, TimeSpan ttl, bool reads)
    {
        _store = store;
        _connection = connection;
        _entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl };
        Reads = reads;
    }

    /// <summary>Whether lookups are made.</summary>
    public bool Reads { get; }

    /// <summary>Lookups answered from the cache.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Lookups the cache did not answer (including failed ones).</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>Answers stored.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (!Reads)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }

        byte[]? value;
        try
        {
            value = await _store.GetAsync(key, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            _connection.Failed(What, ex);
            value = null;
        }

        Interlocked.Increment(ref value is null ? ref _misses : ref _hits);
        return value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    /// <remarks>The caller's entry options are replaced by the configured TTL (the chat client sets none).</remarks>
    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        // An answer may quote a key (a model echoing its prompt, a provider's error text): the same redaction as recordings.
        string text = Encoding.UTF8.GetString(value);
        string redacted = SecretRedactor.Default.Redact(text);
        byte[] stored = ReferenceEquals(text, redacted) || text == redacted ? value : Encoding.UTF8.GetBytes(redacted);
        try
        {
            await _store.SetAsync(key, stored, _entry, token).ConfigureAwait(false);
            Interlocked.Increment(ref _writes);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            _connection.Failed(What, ex);
        }
    }

    public void Refresh(string key)
    {
        // Entries expire at their absolute TTL: nothing to refresh.
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        try
        {
            await _store.RemoveAsync(key, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            _connection.Failed(What, ex);
        }
    }
}
