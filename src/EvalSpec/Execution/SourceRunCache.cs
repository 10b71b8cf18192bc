using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace EvalSpec.Execution;

/// <summary>
/// Memo of source runs: the eval method runs once per case x prompt variant on the unperturbed input, and
/// that pair's identity row and relation rows all use that one output.
/// </summary>
internal sealed class SourceRunCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MethodRun>>> _runs = new(StringComparer.Ordinal);

    public Task<MethodRun> GetOrRun(string key, Func<Task<MethodRun>> run) =>
        _runs.GetOrAdd(key, _ => new Lazy<Task<MethodRun>>(run)).Value;
}
