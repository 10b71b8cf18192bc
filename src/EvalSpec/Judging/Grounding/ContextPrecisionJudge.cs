using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Context precision for retrieval: is each retrieved passage (<see cref="JudgeRequest.Context"/>) relevant to the question
/// (<see cref="JudgeRequest.Input"/>, the row's prompt)? The score is the share of relevant passages; it passes at or above
/// <see cref="Threshold"/> (default 0.5), and the reason quotes every irrelevant passage.
/// </summary>
/// <remarks>
/// Asks and reads as <see cref="GroundednessJudge"/> does (numbered passages, batched, one verdict per passage, never a
/// pass with a passage unread). No passages, or no question, is inconclusive with the reason.
/// </remarks>
public sealed class ContextPrecisionJudge : IModelJudge
{
    private readonly ItemCheck _check;
    private readonly LlmJudgeOptions _options;
    private readonly double _threshold = 0.5;
    private readonly int _passagesPerCall = 10;

    /// <summary>Creates the judge.</summary>
    /// <param name="name">The judge's name in messages and results.</param>
    /// <param name="chatClient">The judge's model.</param>
    /// <param name="options">Model, retries; default <see cref="LlmJudgeOptions"/>.</param>
    public ContextPrecisionJudge(string name, IChatClient chatClient, LlmJudgeOptions? options = null)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A judge needs a name.", nameof(name)) : name;
        _options = options ?? new LlmJudgeOptions();
        _check = new ItemCheck(name, chatClient, _options, GroundingPrompts.PrecisionSystem, ItemVocabulary.Passages);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string? Model => _check.Model;

    /// <inheritdoc/>
    public bool AllowSelfPreference => _options.AllowSelfPreference;

    /// <summary>The lowest share of relevant passages that passes, in (0, 1]. Default 0.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double Threshold
    {
        get => _threshold;
        init => _threshold = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, $"Judge '{Name}': Threshold must be in (0, 1].");
    }

    /// <summary>How many passages one model call checks. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int PassagesPerCall
    {
        get => _passagesPerCall;
        init => _passagesPerCall = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(PassagesPerCall), value, $"Judge '{Name}': PassagesPerCall must be at least 1.");
    }

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<string> passages = request.Context?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray() ?? Array.Empty<string>();
        if (passages.Count == 0)
        {
            return Verdict.Inconclusive(Name, "no retrieved passages to judge: the eval method gives them with input.AddContext(...)");
        }

        if (string.IsNullOrWhiteSpace(request.Input))
        {
            return Verdict.Inconclusive(Name, "no question to judge the passages' relevance against (the row has no prompt)");
        }

        string question = request.Input;
        return await _check.JudgeAsync(
            passages,
            batch => JudgePrompts.Lines(JudgePrompts.Data("question", question), JudgePrompts.Data("passages", ItemCheck.Numbered(batch))),
            PassagesPerCall,
            Threshold,
            "irrelevant",
            request.RowId,
            cancellationToken).ConfigureAwait(false);
    }
}
