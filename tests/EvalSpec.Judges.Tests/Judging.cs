using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Judges.Tests;

/// <summary>Shorthands for asking a judge about one output.</summary>
internal static class Judging
{
    public static Task<Verdict> JudgeAsync(this IJudge judge, string output, string? expected = null, double threshold = 0.5) =>
        judge.JudgeAsync(new JudgeRequest(output) { Expected = expected, Threshold = threshold }).AsTask();

    public static Task<Verdict> JudgeAgainstSourceAsync(this IJudge judge, string output, string? sourceOutput, double threshold = 0.5) =>
        judge.JudgeAsync(new JudgeRequest(output) { ReferenceOutput = sourceOutput, Threshold = threshold }).AsTask();
}
