using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace EvalSpec.Judging;

/// <summary>
/// Single-answer grading by a language model (any <see cref="IChatClient"/>): the response is graded against
/// the rubric (<see cref="JudgeRequest.Rubric"/>, else <see cref="DefaultRubric"/>), optionally guided by the
/// case's expected answer as a reference (reference-guided grading helps on facts and reasoning, MT-Bench).
/// The judge answers pass or fail with a 1-5 score (normalised to [0, 1]).
/// </summary>
/// <remarks>
/// Asks for a JSON answer (structured output) and reads it with the one answer grammar of the LLM judges (docs/judges.md,
/// "How a judge's answer is read"): a JSON <c>verdict</c> or <c>pass</c> field or a verdict line decides; claims
/// that contradict each other, a score off the 1-5 scale (or on the wrong side of <see cref="PassingScore"/>) and
/// answers too long to read are unreadable. Unreadable answers are re-asked once; transient model errors are
/// retried with backoff; anything else ends as an errored, inconclusive verdict with the reason and the raw text.
/// </remarks>
public sealed class RubricJudge : IModelJudge
{
    private readonly JudgeModelCaller _caller;
    private readonly LlmJudgeOptions _options;
    private readonly double? _passingScore;

    /// <summary>Creates the judge.</summary>
    /// <param name="name">The judge's name in messages and results, e.g. <c>"gpt-4o-mini-rubric"</c>.</param>
    /// <param name="chatClient">The judge's model.</param>
    /// <param name="options">Model, retries, few-shot examples; default <see cref="LlmJudgeOptions"/>.</param>
    public RubricJudge(string name, IChatClient chatClient, LlmJudgeOptions? options = null)
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
    /// <remarks>True: the judge grades against the request's rubric (else <see cref="DefaultRubric"/>).</remarks>
    public bool ReadsRubric => true;

    /// <summary>Whether the case's expected answer is shown to the judge as a reference answer. Default true.</summary>
    public bool ReferenceGuided { get; init; } = true;

    /// <summary>The rubric used when the request has none.</summary>
    public string? DefaultRubric { get; init; }

    /// <summary>
    /// The lowest score on the 1-5 scale that passes, when the judge should hold its model to one (for example 4);
    /// off (<see langword="null"/>) by default. When set, the prompt states it, and an answer whose score is on the
    /// wrong side of it (a pass scored below it, a fail scored at or above it) contradicts itself: it is re-asked
    /// once, then inconclusive, naming the score and the verdict.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and 5.</exception>
    public double? PassingScore
    {
        get => _passingScore;
        init => _passingScore = value is double score && !(score >= 1 && score <= 5)
            ? throw new ArgumentOutOfRangeException(nameof(PassingScore), value, $"Judge '{Name}': PassingScore must be on the rubric's 1-5 scale (or null for none).")
            : value;
    }

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? rubric = request.Rubric ?? DefaultRubric;
        if (string.IsNullOrWhiteSpace(rubric))
        {
            return Verdict.Inconclusive(Name, "no rubric to grade against: set [Eval(Rubric = \"...\")] or the judge's DefaultRubric");
        }

        string? reference = ReferenceGuided ? request.Expected : null;
        List<ChatMessage> messages = JudgePrompts.Conversation(
            PassingScore is double passing ? JudgePrompts.RubricSystem + "\n" + JudgePrompts.PassingScore(passing) : JudgePrompts.RubricSystem,
            _options.Examples.Select(e => (Item(rubric, reference: null, e.Input, e.Output), JudgePrompts.Json(new { reasoning = e.Reasoning ?? string.Empty, score = e.Outcome == VerdictOutcome.Pass ? 5 : 1, verdict = e.Outcome == VerdictOutcome.Pass ? "pass" : "fail" }))),
            Item(rubric, reference, request.Input, request.Output),
            request.RowId);

        JudgeCall<RubricAnswer> call = await _caller.AskAsync(
            messages,
            _options.UseStructuredOutput ? JudgePrompts.RubricFormat : null,
            raw => JudgeAnswers.ParseRubric(raw, PassingScore),
            JudgePrompts.RubricAnswerInstruction,
            cancellationToken).ConfigureAwait(false);
        if (call.Failure is not null)
        {
            return _caller.Account(call.Failure, call);
        }

        RubricAnswer answer = call.Value!.Value;
        double? score = answer.Score is double s ? (s - 1) / 4.0 : null;
        string scoreText = answer.Score is double value ? string.Create(CultureInfo.InvariantCulture, $" (score {value:0.##}/5)") : string.Empty;
        string rationale = $"{(answer.Pass ? "pass" : "fail")}{scoreText}: {answer.Reasoning ?? "no reasoning given"} [read from {answer.ReadFrom}]";
        Verdict verdict = answer.Pass ? Verdict.Pass(Name, score, rationale) : Verdict.Fail(Name, score, rationale);
        return _caller.Account(verdict with { RawOutput = call.Raw }, call);
    }

    private static string Item(string rubric, string? reference, string? question, string response) => JudgePrompts.Lines(
        JudgePrompts.Data("rubric", rubric),
        reference is null ? null : JudgePrompts.Data("reference_answer", reference),
        question is null ? null : JudgePrompts.Data("question", question),
        JudgePrompts.Data("response", response));
}
