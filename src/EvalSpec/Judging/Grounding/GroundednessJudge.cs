using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Checks that an answer is grounded in its context, claim by claim (MiniCheck, Tang et al. 2024): the output is split
/// into claims (<see cref="ClaimSplitter"/>), and a language model decides for each whether the context
/// (<see cref="JudgeRequest.Context"/>, from <see cref="EvalInput.AddContext(string[])"/>) supports it. The score is the
/// share of supported claims; the verdict passes when it is at least <see cref="Threshold"/>, and its reason quotes every
/// unsupported claim.
/// </summary>
/// <remarks>
/// Claims are sent numbered, <see cref="ClaimsPerCall"/> per model call, with the context and the claims as data in tags;
/// the answer (JSON <c>{"verdicts": [{"claim": 1, "verdict": "supported"}, ...]}</c>, or lines <c>Claim 1: supported</c>)
/// is read with the rules of every LLM judge (docs/judges.md, "How a judge's answer is read"): a claim whose verdict is missing,
/// given twice, contradictory or unreadable (a look-alike letter, a quotation) makes the answer unreadable; it is re-asked
/// once, and a batch still unreadable leaves its claims unknown. With unknown claims the verdict is never a pass: it fails
/// if it would fail even were they all supported, else it is inconclusive with the reason and the raw answers. An answer
/// with no claims, or a request with no context, is inconclusive and says so.
/// </remarks>
public sealed class GroundednessJudge : IModelJudge
{
    private readonly ItemCheck _check;
    private readonly LlmJudgeOptions _options;
    private readonly double _threshold = 1.0;
    private readonly int _claimsPerCall = 10;
    private readonly int _maxClaims = 100;

    /// <summary>Creates the judge.</summary>
    /// <param name="name">The judge's name in messages and results.</param>
    /// <param name="chatClient">The judge's model.</param>
    /// <param name="options">Model, retries; default <see cref="LlmJudgeOptions"/> (its few-shot examples are not used).</param>
    public GroundednessJudge(string name, IChatClient chatClient, LlmJudgeOptions? options = null)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A judge needs a name.", nameof(name)) : name;
        _options = options ?? new LlmJudgeOptions();
        _check = new ItemCheck(name, chatClient, _options, GroundingPrompts.GroundednessSystem, ItemVocabulary.Claims);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string? Model => _check.Model;

    /// <inheritdoc/>
    public bool AllowSelfPreference => _options.AllowSelfPreference;

    /// <summary>The lowest share of supported claims that passes, in (0, 1]. Default 1: every claim must be supported.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double Threshold
    {
        get => _threshold;
        init => _threshold = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, $"Judge '{Name}': Threshold must be in (0, 1].");
    }

    /// <summary>How many claims one model call checks. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ClaimsPerCall
    {
        get => _claimsPerCall;
        init => _claimsPerCall = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ClaimsPerCall), value, $"Judge '{Name}': ClaimsPerCall must be at least 1.");
    }

    /// <summary>
    /// The most claims an answer may have; a longer answer is inconclusive (it is not checked in part). Default 100, which
    /// bounds the model calls per row to <c>MaxClaims / ClaimsPerCall</c> (and one re-ask each).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxClaims
    {
        get => _maxClaims;
        init => _maxClaims = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxClaims), value, $"Judge '{Name}': MaxClaims must be at least 1.");
    }

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Context is not { Count: > 0 } context || context.All(string.IsNullOrWhiteSpace))
        {
            return Verdict.Inconclusive(Name, "no context to check the answer against: the eval method gives its retrieved passages with input.AddContext(...)");
        }

        IReadOnlyList<string> claims = ClaimSplitter.Split(request.Output);
        if (claims.Count == 0)
        {
            return Verdict.Inconclusive(Name, "the answer has no claims to check (no sentence with a letter or digit)", request.Output);
        }

        if (claims.Count > MaxClaims)
        {
            return Verdict.Inconclusive(Name, string.Create(CultureInfo.InvariantCulture, $"the answer has {claims.Count} claims, more than the judge's MaxClaims ({MaxClaims}): it is not checked in part"));
        }

        return await _check.JudgeAsync(
            claims,
            batch => JudgePrompts.Lines(GroundingPrompts.Context(context), JudgePrompts.Data("claims", ItemCheck.Numbered(batch))),
            ClaimsPerCall,
            Threshold,
            "unsupported",
            request.RowId,
            cancellationToken).ConfigureAwait(false);
    }
}
