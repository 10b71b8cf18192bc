using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Bench.LlmBar;

/// <summary>
/// Gives a judge's already computed verdict for an item (the request's output is the item index), so panels
/// can be aggregated many ways without replaying again; the verdict keeps its model-call count.
/// </summary>
internal sealed class RecordedJudge(string name, IReadOnlyList<Verdict> verdicts) : IJudge
{
    public string Name => name;

    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(verdicts[int.Parse(request.Output, CultureInfo.InvariantCulture)]);
}
