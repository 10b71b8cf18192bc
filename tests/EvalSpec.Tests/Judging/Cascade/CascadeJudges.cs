using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Tests.Judging.Cascade;

/// <summary>A judge with a model id that always says the same thing, counting the times it was asked (one model call each).</summary>
internal sealed class FixedModelJudge(string name, VerdictOutcome outcome, string? model = "model-1") : IModelJudge
{
    private int _asked;

    public string Name => name;

    public string? Model { get; set; } = model;

    public bool AllowSelfPreference => false;

    public int Asked => Volatile.Read(ref _asked);

    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _asked);
        Verdict verdict = outcome switch
        {
            VerdictOutcome.Pass => Verdict.Pass(name, 1, name + " passed it"),
            VerdictOutcome.Fail => Verdict.Fail(name, 0, name + " failed it"),
            _ => Verdict.Inconclusive(name, name + " could not tell"),
        };
        return ValueTask.FromResult(verdict with { ModelCalls = 1 });
    }
}
