using System;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.ModelCalls;

/// <summary>
/// What a call to one provider and model passes before it goes out: a slot of the adaptive concurrency limit, then the
/// request and token window (in Redis, shared by every process, when Redis is configured and answers; else this
/// process's). One per provider and model per run.
/// </summary>
internal sealed class ModelCallGate : IDisposable
{
    private const string What = "the shared rate limit";
    private readonly RedisCallWindow? _shared;
    private readonly LocalCallWindow _local;
    private readonly RedisConnection? _connection;

    public ModelCallGate(string key, RateLimitOptions limit, RedisConnection? connection, TimeProvider? time = null)
    {
        Key = key;
        Limit = limit;
        Concurrency = new AdaptiveConcurrency(limit.MaxInFlight, time);
        _local = new LocalCallWindow(limit, time);
        _connection = connection;
        _shared = connection is not null && (limit.Requests is not null || limit.Tokens is not null) ? new RedisCallWindow(connection, key, limit) : null;
    }

    /// <summary>The provider and model (<c>openai/gpt-4o-mini</c>).</summary>
    public string Key { get; }

    /// <summary>The limits that apply.</summary>
    public RateLimitOptions Limit { get; }

    /// <summary>The adaptive limit of calls in flight.</summary>
    public AdaptiveConcurrency Concurrency { get; }

    /// <summary>
    /// Waits for a slot and for the window; dispose the result when the call has ended. The slot comes first, so a call
    /// is counted in the window just before it goes out, not while it still waits for a slot.
    /// </summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        IDisposable slot = await Concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await AcquireWindowAsync(cancellationToken).ConfigureAwait(false);
            return slot;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>Counts the tokens of a call that ended (input plus output).</summary>
    public async Task EndedAsync(long tokens)
    {
        if (_shared is not null)
        {
            try
            {
                await _shared.AddTokensAsync(tokens).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                _connection!.Failed(What, ex);
            }
        }

        _local.AddTokens(tokens);
    }

    private async Task AcquireWindowAsync(CancellationToken cancellationToken)
    {
        if (_shared is not null)
        {
            try
            {
                await _shared.AcquireAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _connection!.Failed(What, ex);
            }
        }

        await _local.AcquireAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _local.Dispose();
}
