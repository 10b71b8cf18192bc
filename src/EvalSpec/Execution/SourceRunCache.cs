using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Execution;

/// <summary>
/// Memo of source runs: the eval method runs once per case x prompt variant on the unperturbed input, and
/// that pair's identity row and relation rows all use that one output.
/// </summary>
internal sealed class SourceRunCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MethodRun>>> _runs = new(StringComparer.Ordinal);

    /// <summary>The source run of <paramref name="key"/>, started by the first row that asks for it.</summary>
    /// <remarks>
    /// It starts outside the asking row's own cancellation (<see cref="EvalFlow.RowCancellation"/>): the run is shared by
    /// the case x variant's rows, so only the run's cancellation and its timeout bound it; a row whose test is cancelled
    /// stops waiting for it instead.
    /// </remarks>
    public Task<MethodRun> GetOrRun(string key, Func<Task<MethodRun>> run)
    {
        Lazy<Task<MethodRun>> source = _runs.GetOrAdd(key, _ => new Lazy<Task<MethodRun>>(run));
        if (source.IsValueCreated || EvalFlow.Current is not { RowCancellation.CanBeCanceled: true } flow)
        {
            return source.Value;
        }

        // The async call captures the flow it starts in: it starts in the row's flow without the row's cancellation.
        using IDisposable shared = EvalFlow.Enter(flow with { RowCancellation = CancellationToken.None });
        return source.Value;
    }
}
