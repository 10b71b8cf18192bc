using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Context recall for retrieval: is each expected fact present in the retrieved passages
/// (<see cref="JudgeRequest.Context"/>)? The expected facts are the case's <see cref="JudgeRequest.Expected"/> answer, split
/// into sentences by <see cref="ClaimSplitter"/> (write one fact per sentence or list item), unless the judge was given
/// <see cref="Facts"/>. The score is the share of facts found; it passes at or above <see cref="Threshold"/> (default 1), and
/// the reason quotes every fact that was not found.
/// </summary>
/// <remarks>
/// Asks and reads as <see cref="GroundednessJudge"/> does (numbered facts, batched, one verdict per fact, never a pass with a
/// fact unread). No passages, or no expected facts, is inconclusive with the reason.
/// </remarks>
public sealed class ContextRecallJudge : IModelJudge
{
    private readonly ItemCheck _check;
    private readonly LlmJudgeOptions _options;
    private readonly double _threshold = 1.0;
    private readonly int _factsPerCall = 10;

    /// <summary>Creates the judge.</summary>
    /// <param name="name">The judge's name in messages and results.</param>
    /// <param name="chatClient">The judge's model.</param>
    /// <param name="options">Model, retries; default <see cref="LlmJudgeOptions"/>.</param>
    public ContextRecallJudge(string name, IChatClient chatClient, LlmJudgeOptions? options = null)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A judge needs a name.", nameof(name)) : name;
        _options = options ?? new LlmJudgeOptions();
        _check = new ItemCheck(name, chatClient, _options, GroundingPrompts.RecallSystem, ItemVocabulary.Facts);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string? Model => _check.Model;

    /// <inheritdoc/>
    public bool AllowSelfPreference => _options.AllowSelfPreference;

    /// <summary>The facts to look for, when they are the same for every row; null (default): the request's expected answer, split into sentences.</summary>
    public IReadOnlyList<string>? Facts { get; init; }

    /// <summary>The lowest share of facts found that passes, in (0, 1]. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double Threshold
    {
        get => _threshold;
        init => _threshold = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, $"Judge '{Name}': Threshold must be in (0, 1].");
    }

    /// <summary>How many facts one model call checks. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int FactsPerCall
    {
        get => _factsPerCall;
        init => _factsPerCall = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(FactsPerCall), value, $"Judge '{Name}': FactsPerCall must be at least 1.");
    }

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Context is not { Count: > 0 } context || context.All(string.IsNullOrWhiteSpace))
        {
            return Verdict.Inconclusive(Name, "no retrieved passages to look in: the eval method gives them with input.AddContext(...)");
        }

        IReadOnlyList<string> facts = Facts?.Where(f => !string.IsNullOrWhiteSpace(f)).ToArray() ?? ClaimSplitter.Split(request.Expected);
        if (facts.Count == 0)
        {
            return Verdict.Inconclusive(Name, "no expected facts to look for: give the case an Expected answer (one fact per sentence) or the judge its Facts");
        }

        return await _check.JudgeAsync(
            facts,
            batch => JudgePrompts.Lines(GroundingPrompts.Context(context), JudgePrompts.Data("facts", ItemCheck.Numbered(batch))),
            FactsPerCall,
            Threshold,
            "not found",
            request.RowId,
            cancellationToken).ConfigureAwait(false);
    }
}
