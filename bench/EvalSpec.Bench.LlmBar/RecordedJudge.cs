using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Bench.LlmBar;

/// <summary>
/// Gives a judge's already computed verdict for an item (the request's output is the item's id, "set/index"), so panels and
/// cascades can decide many ways without replaying again; the verdict keeps its model-call count.
/// </summary>
internal sealed class RecordedJudge(string name, IReadOnlyDictionary<string, Verdict> verdicts) : IJudge
{
    public string Name => name;

    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(verdicts[request.Output]);
}
