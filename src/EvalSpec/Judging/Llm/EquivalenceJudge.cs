using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Asks a language model whether the output (<see cref="JudgeRequest.Output"/>) says the same thing as the
/// output it is compared with (<see cref="JudgeRequest.ReferenceOutput"/>, else the expected answer): the
/// semantic check for metamorphic relations. With <see cref="ExpectEquivalent"/> (default) it passes when the
/// two are equivalent — invariance; set it to false for a directional "must change" check.
/// </summary>
public sealed class EquivalenceJudge : IModelJudge
{
    private readonly JudgeModelCaller _caller;
    private readonly LlmJudgeOptions _options;

    /// <summary>Creates the judge.</summary>
    /// <param name="name">The judge's name in messages and results.</param>
    /// <param name="chatClient">The judge's model.</param>
    /// <param name="options">Model, retries, few-shot examples; default <see cref="LlmJudgeOptions"/>.</param>
    public EquivalenceJudge(string name, IChatClient chatClient, LlmJudgeOptions? options = null)
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

    /// <summary>Pass when the outputs are equivalent (true, the default) or when they differ (false).</summary>
    public bool ExpectEquivalent { get; init; } = true;

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? reference = request.ReferenceOutput ?? request.Expected;
        if (reference is null)
        {
            return Verdict.Inconclusive(Name, "nothing to compare with: the request has no reference output and no expected answer");
        }

        List<ChatMessage> messages = JudgePrompts.Conversation(
            JudgePrompts.EquivalenceSystem,
            _options.Examples.Where(e => e.ReferenceOutput is not null).Select(e => (
                Item(e.Input, e.ReferenceOutput!, e.Output),
                JudgePrompts.Json(new { reasoning = e.Reasoning ?? string.Empty, equivalent = e.Outcome == VerdictOutcome.Pass }))),
            Item(request.Input, reference, request.Output),
            request.RowId);
        JudgeCall<EquivalenceAnswer> call = await _caller.AskAsync(
            messages,
            _options.UseStructuredOutput ? JudgePrompts.EquivalenceFormat : null,
            JudgeAnswers.ParseEquivalence,
            JudgePrompts.EquivalenceAnswerInstruction,
            cancellationToken).ConfigureAwait(false);
        if (call.Failure is not null)
        {
            return _caller.Account(call.Failure, call);
        }

        EquivalenceAnswer answer = call.Value!.Value;
        string rationale = $"{(answer.Equivalent ? "equivalent" : "not equivalent")}: {answer.Reasoning ?? "no reasoning given"} [read from {answer.ReadFrom}]";
        Verdict verdict = answer.Equivalent == ExpectEquivalent
            ? Verdict.Pass(Name, 1.0, rationale)
            : Verdict.Fail(Name, 0.0, rationale);
        return _caller.Account(verdict with { RawOutput = call.Raw }, call);
    }

    private static string Item(string? request, string first, string second) => JudgePrompts.Lines(
        request is null ? null : JudgePrompts.Data("request", request),
        JudgePrompts.Data("response_1", first),
        JudgePrompts.Data("response_2", second));
}
