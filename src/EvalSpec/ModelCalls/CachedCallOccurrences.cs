using System.Collections.Concurrent;
using System.Threading;

namespace EvalSpec.ModelCalls;

/// <summary>
/// Counts identical requests within one row context (row, phase, trial), as recordings do, so that a request repeated on
/// purpose (sampling the same question twice) gets a fresh answer for each occurrence instead of the first one twice.
/// One per run.
/// </summary>
internal sealed class CachedCallOccurrences
{
    private readonly ConcurrentDictionary<string, StrongBox> _counts = new(System.StringComparer.Ordinal);

    /// <summary>The occurrence (0, 1, ...) of <paramref name="requestHash"/> in <paramref name="context"/>.</summary>
    public int Next(string context, string requestHash) =>
        Interlocked.Increment(ref _counts.GetOrAdd(context + "\n" + requestHash, static _ => new StrongBox()).Value) - 1;

    private sealed class StrongBox
    {
        public int Value;
    }
}
