using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Deterministic check against the case's expected answer.
/// <list type="number">
/// <item>Passes with score 1 when the normalised output contains the normalised expected answer as a
/// whole-word phrase (normalisation as <see cref="TextTokens"/>: case, punctuation and articles ignored).</item>
/// <item>Otherwise scores the share of the expected answer's words found in the output (token recall) and
/// passes at or above the threshold, but only if no <em>key token</em> of the expected answer is missing:
/// a token with a digit ("14", "$14.99" becomes "1499") or a negation ("not", "never", "cannot"...). So
/// "30 days" never passes for an expected "14 days", and "expires" never passes for "never expires".</item>
/// </list>
/// </summary>
public sealed class ExpectedAnswerJudge : IJudge
{
    /// <summary>The judge's name in messages and results.</summary>
    public const string JudgeName = "expected-answer";

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "none", "nothing", "neither", "nor", "without", "cannot", "cant", "dont", "doesnt",
        "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "shouldnt", "couldnt", "mustnt", "non",
    };

    /// <inheritdoc/>
    /// <remarks>
    /// Defaults to <see cref="JudgeName"/>, the name of the expected-answer check of every row with an expected answer;
    /// set another name to put this judge on a panel as well (judge statistics are kept by name).
    /// </remarks>
    public string Name
    {
        get;
        init => field = JudgeNames.Validate(value);
    } = JudgeName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Verdict verdict = Judge(request);
        return ValueTask.FromResult(verdict.Judge == Name ? verdict : verdict with { Judge = Name });
    }

    /// <summary>Whether a normalised token carries meaning a paraphrase cannot drop: a number or a negation.</summary>
    /// <param name="token">A token from <see cref="TextTokens.Tokenize"/>.</param>
    /// <returns>Whether it is a key token.</returns>
    public static bool IsKeyToken(string token) => token.Any(char.IsDigit) || Negations.Contains(token);

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
        string[] missingKeys = missing.Where(IsKeyToken).Distinct().ToArray();
        string detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{recall * 100:0}% of its words are in the output (threshold {request.Threshold * 100:0}%); missing: {string.Join(", ", missing.Select(m => "\"" + m + "\""))}");
        if (missingKeys.Length > 0)
        {
            return Verdict.Fail(JudgeName, recall, $"the output does not contain the expected answer \"{request.Expected}\" and lacks its key token(s) {string.Join(", ", missingKeys.Select(m => "\"" + m + "\""))}: {detail}");
        }

        return recall >= request.Threshold
            ? Verdict.Pass(JudgeName, recall, $"the output has the expected answer's key facts, not its exact words: {detail}")
            : Verdict.Fail(JudgeName, recall, $"the output does not contain the expected answer \"{request.Expected}\": {detail}");
    }
}
