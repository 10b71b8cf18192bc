using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Deterministic check against the case's expected answer. Passes with score 1 when the normalised output
/// contains the normalised expected answer as a whole-word phrase; otherwise scores the share of the
/// expected answer's words found in the output (token recall) and passes at or above the threshold.
/// Normalisation as <see cref="TextTokens"/>: case, punctuation and articles are ignored.
/// </summary>
public sealed class ExpectedAnswerJudge : IJudge
{
    /// <summary>The judge's name in messages and results.</summary>
    public const string JudgeName = "expected-answer";

    /// <inheritdoc/>
    public string Name => JudgeName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Judge(request));
    }

    private static Verdict Judge(JudgeRequest request)
    {
        if (request.Expected is null || TextTokens.Tokenize(request.Expected).Count == 0)
        {
            return Verdict.Inconclusive(JudgeName, "the case has no expected answer (or it has no words); set Expected on the [Case]");
        }

        string output = TextTokens.Normalize(request.Output);
        string expected = TextTokens.Normalize(request.Expected);
        if ((" " + output + " ").Contains(" " + expected + " ", StringComparison.Ordinal))
        {
            return Verdict.Pass(JudgeName, 1.0, $"the output contains the expected answer \"{request.Expected}\"");
        }

        double recall = TextTokens.Recall(request.Output, request.Expected);
        IReadOnlyList<string> missing = TextTokens.Missing(request.Output, request.Expected);
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{recall:P0} of the expected answer's words are in the output (threshold {request.Threshold:P0}); missing: {string.Join(", ", missing.Select(m => "\"" + m + "\""))}");
        return recall >= request.Threshold
            ? Verdict.Pass(JudgeName, recall, detail)
            : Verdict.Fail(JudgeName, recall, $"the output does not contain the expected answer \"{request.Expected}\": {detail}");
    }
}
