using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Pairwise comparison by a language model: is the output (<see cref="JudgeRequest.Output"/>) better than the
/// output it is compared with (<see cref="JudgeRequest.ReferenceOutput"/>, else the case's expected answer)?
/// Always judged in both presentation orders; a win counts only when both orders agree (MT-Bench rule):
/// pass when the output wins, fail when it loses, inconclusive on a tie or when the orders disagree
/// (position inconsistency, reported in <see cref="Verdict.Pairwise"/>).
/// </summary>
public sealed class PairwiseJudge : IModelJudge
{
    private readonly JudgeModelCaller _caller;
    private readonly LlmJudgeOptions _options;

    /// <summary>Creates the judge.</summary>
    /// <param name="name">The judge's name in messages and results.</param>
    /// <param name="chatClient">The judge's model.</param>
    /// <param name="options">Model, retries, few-shot examples; default <see cref="LlmJudgeOptions"/>.</param>
    public PairwiseJudge(string name, IChatClient chatClient, LlmJudgeOptions? options = null)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A judge needs a name.", nameof(name)) : name;
        _options = options ?? new LlmJudgeOptions();
        _caller = new JudgeModelCaller(name, chatClient, _options);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string? Model => _caller.Model;

    /// <inheritdoc/>
    public bool AllowSelfPreference => _options.AllowSelfPreference;

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? reference = request.ReferenceOutput ?? request.Expected;
        if (reference is null)
        {
            return Verdict.Inconclusive(Name, "nothing to compare with: the request has no reference output and no expected answer");
        }

        Task<JudgeCall<PairwiseAnswer>> candidateFirst = AskAsync(request, request.Output, reference, candidateShownFirst: true, cancellationToken);
        Task<JudgeCall<PairwiseAnswer>> referenceFirst = AskAsync(request, reference, request.Output, candidateShownFirst: false, cancellationToken);
        JudgeCall<PairwiseAnswer>[] calls = await Task.WhenAll(candidateFirst, referenceFirst).ConfigureAwait(false);
        JudgeCall<PairwiseAnswer> first = calls[0];
        JudgeCall<PairwiseAnswer> second = calls[1];

        var comparison = new PairwiseComparison(
            Map(first, candidateShownFirst: true),
            Map(second, candidateShownFirst: false),
            request.Output.Length,
            reference.Length);
        string raw = "[candidate shown first]\n" + first.Raw + "\n[reference shown first]\n" + second.Raw;
        Verdict verdict;
        if (first.Failure is not null || second.Failure is not null)
        {
            string reasons = string.Join("; ", new[] { first.Failure, second.Failure }.OfType<Verdict>().Select(f => f.Rationale));
            verdict = Verdict.Error(Name, $"both presentation orders are needed and a call failed: {reasons}", raw);
        }
        else if (comparison.Winner == PairwiseChoice.Candidate)
        {
            verdict = Verdict.Pass(Name, 1.0, $"the output wins in both orders [read from {first.Value!.Value.ReadFrom}; {second.Value!.Value.ReadFrom}]");
        }
        else if (comparison.Winner == PairwiseChoice.Reference)
        {
            verdict = Verdict.Fail(Name, 0.0, $"the compared output wins in both orders [read from {first.Value!.Value.ReadFrom}; {second.Value!.Value.ReadFrom}]");
        }
        else
        {
            verdict = Verdict.Inconclusive(Name, $"tie: with the output shown first the judge chose {Describe(comparison.CandidateFirst)}, with it shown second {Describe(comparison.ReferenceFirst)}");
        }

        return _caller.Account(verdict with { RawOutput = raw, Pairwise = comparison }, first, second);
    }

    private Task<JudgeCall<PairwiseAnswer>> AskAsync(JudgeRequest request, string shownFirst, string shownSecond, bool candidateShownFirst, CancellationToken cancellationToken)
    {
        // Examples are shown in the same order as the item, so they do not teach "the first one wins".
        List<ChatMessage> messages = JudgePrompts.Conversation(
            JudgePrompts.PairwiseSystem,
            _options.Examples.Where(e => e.ReferenceOutput is not null).Select(e => (
                candidateShownFirst ? Item(e.Input, e.Output, e.ReferenceOutput!) : Item(e.Input, e.ReferenceOutput!, e.Output),
                JudgePrompts.Json(new { reasoning = e.Reasoning ?? string.Empty, winner = ExampleWinner(e.Outcome, candidateShownFirst) }))),
            Item(request.Input, shownFirst, shownSecond),
            request.RowId);
        return _caller.AskAsync(messages, _options.UseStructuredOutput ? JudgePrompts.PairwiseFormat : null, JudgeAnswers.ParsePairwise, JudgePrompts.PairwiseAnswerInstruction, cancellationToken);
    }

    private static string ExampleWinner(VerdictOutcome outcome, bool candidateShownFirst) => outcome switch
    {
        VerdictOutcome.Pass => candidateShownFirst ? "Output (a)" : "Output (b)",
        VerdictOutcome.Fail => candidateShownFirst ? "Output (b)" : "Output (a)",
        _ => "tie",
    };

    private static PairwiseChoice Map(JudgeCall<PairwiseAnswer> call, bool candidateShownFirst) => call.Value?.Choice switch
    {
        PairwiseLabel.A => candidateShownFirst ? PairwiseChoice.Candidate : PairwiseChoice.Reference,
        PairwiseLabel.B => candidateShownFirst ? PairwiseChoice.Reference : PairwiseChoice.Candidate,
        PairwiseLabel.Tie => PairwiseChoice.Tie,
        _ => PairwiseChoice.None,
    };

    private static string Describe(PairwiseChoice choice) => choice switch
    {
        PairwiseChoice.Candidate => "the output",
        PairwiseChoice.Reference => "the compared output",
        PairwiseChoice.Tie => "a tie",
        _ => "nothing readable",
    };

    private static string Item(string? instruction, string outputA, string outputB) => JudgePrompts.Lines(
        instruction is null ? null : JudgePrompts.Data("instruction", instruction),
        "Output (a):\n" + JudgePrompts.Data("output_a", outputA),
        "Output (b):\n" + JudgePrompts.Data("output_b", outputB));
}
