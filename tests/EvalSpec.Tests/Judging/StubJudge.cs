using System;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Tests.Judging;

/// <summary>A judge whose behaviour the test supplies.</summary>
internal sealed class StubJudge : IJudge
{
    private readonly Func<JudgeRequest, CancellationToken, ValueTask<Verdict>> _judge;

    public StubJudge(string name, Func<JudgeRequest, CancellationToken, ValueTask<Verdict>> judge)
    {
        Name = name;
        _judge = judge;
    }

    public string Name { get; }

    public static StubJudge Passing(string name, double? score = 1.0) => Returning(Verdict.Pass(name, score, name + " liked it"));

    public static StubJudge Failing(string name, double? score = 0.0) => Returning(Verdict.Fail(name, score, name + " disliked it"));

    public static StubJudge Abstaining(string name) => Returning(Verdict.Inconclusive(name, name + " could not tell"));

    public static StubJudge Returning(Verdict verdict) => new(verdict.Judge, (_, _) => ValueTask.FromResult(verdict));

    public static StubJudge Throwing(string name, Exception exception) => new(name, async (_, _) =>
    {
        await Task.Yield();
        throw exception;
    });

    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) => _judge(request, cancellationToken);
}
