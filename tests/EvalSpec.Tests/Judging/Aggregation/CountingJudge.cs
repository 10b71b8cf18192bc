using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Tests.Judging.Aggregation;

/// <summary>A judge that always gives the same outcome and counts how often it was asked.</summary>
internal sealed class CountingJudge : IJudge
{
    private readonly VerdictOutcome _outcome;
    private readonly double? _score;
    private int _calls;

    public CountingJudge(string name, VerdictOutcome outcome, double? score = null)
    {
        Name = name;
        _outcome = outcome;
        _score = score;
    }

    public string Name { get; }

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(Verdicts.Of(Name, _outcome, _score));
    }
}
