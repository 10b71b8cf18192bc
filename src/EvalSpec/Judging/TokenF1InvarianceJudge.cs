using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Invariance check for metamorphic relation rows: the follow-up output (<see cref="JudgeRequest.Output"/>)
/// must be equivalent to the source output (<see cref="JudgeRequest.ReferenceOutput"/>), measured as token
/// F1 (<see cref="TextTokens.F1"/>) at or above the threshold. Lexical, so it suits outputs that should
/// stay (nearly) the same text; paraphrasing systems need a semantic equivalence judge.
/// </summary>
public sealed class TokenF1InvarianceJudge : IJudge
{
    /// <summary>The judge's name in messages and results.</summary>
    public const string JudgeName = "token-f1-invariance";

    /// <inheritdoc/>
    public string Name => JudgeName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ReferenceOutput is null)
        {
            return ValueTask.FromResult(Verdict.Inconclusive(JudgeName, "no source output to compare with"));
        }

        double f1 = TextTokens.F1(request.Output, request.ReferenceOutput);
        string detail = string.Create(CultureInfo.InvariantCulture, $"token F1 between source and follow-up outputs is {f1:0.00} (threshold {request.Threshold:0.00})");
        return ValueTask.FromResult(f1 >= request.Threshold
            ? Verdict.Pass(JudgeName, f1, $"outputs equivalent: {detail}")
            : Verdict.Fail(JudgeName, f1, $"the follow-up output changed: {detail}"));
    }
}
