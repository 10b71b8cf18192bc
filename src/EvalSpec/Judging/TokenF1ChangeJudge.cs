using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Change check for directional relation rows (<see cref="Change.Differs"/>): the follow-up output must
/// differ from the source output, measured as token F1 (<see cref="TextTokens.F1"/>) below the threshold.
/// Score: 1 - F1.
/// </summary>
public sealed class TokenF1ChangeJudge : IJudge
{
    /// <summary>The judge's name in messages and results.</summary>
    public const string JudgeName = "token-f1-change";

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
        string detail = string.Create(CultureInfo.InvariantCulture, $"token F1 between source and follow-up outputs is {f1:0.00} (must be below {request.Threshold:0.00})");
        return ValueTask.FromResult(f1 < request.Threshold
            ? Verdict.Pass(JudgeName, 1 - f1, $"the follow-up output differs: {detail}")
            : Verdict.Fail(JudgeName, 1 - f1, $"the follow-up output did not change: {detail}"));
    }
}
