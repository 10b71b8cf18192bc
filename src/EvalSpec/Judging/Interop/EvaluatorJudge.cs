using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace EvalSpec.Judging;

/// <summary>
/// Puts a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/> on a panel. Its metric is mapped to a
/// verdict preserving the evaluator's own semantics: a rating of <see cref="EvaluationRating.Inconclusive"/> or
/// <see cref="EvaluationRating.Unknown"/>, a metric without interpretation, or error diagnostics make the
/// verdict inconclusive (errors marked as such); otherwise <see cref="EvaluationMetricInterpretation.Failed"/>
/// is a fail, and anything else passes. The rating becomes the score (Unacceptable 0 ... Exceptional 1).
/// </summary>
public sealed class EvaluatorJudge : IJudge
{
    private readonly IEvaluator _evaluator;
    private readonly ChatConfiguration? _chatConfiguration;
    private readonly string? _metricName;
    private readonly Func<JudgeRequest, IEnumerable<EvaluationContext>>? _context;

    /// <summary>Wraps an evaluator.</summary>
    /// <param name="name">The judge's name in messages and results.</param>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="chatConfiguration">The chat configuration LLM-based evaluators need; null for others.</param>
    /// <param name="metricName">The metric that decides; required when the evaluator reports several.</param>
    /// <param name="context">Additional context for the evaluator built from the request (e.g. grounding documents).</param>
    public EvaluatorJudge(string name, IEvaluator evaluator, ChatConfiguration? chatConfiguration = null, string? metricName = null, Func<JudgeRequest, IEnumerable<EvaluationContext>>? context = null)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A judge needs a name.", nameof(name)) : name;
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        _chatConfiguration = chatConfiguration;
        _metricName = metricName;
        _context = context;
        if (metricName is null && evaluator.EvaluationMetricNames.Count > 1)
        {
            throw new ArgumentException($"Evaluator {evaluator.GetType().Name} reports several metrics ({string.Join(", ", evaluator.EvaluationMetricNames)}); name the one that decides with metricName.", nameof(metricName));
        }
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public async ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = new List<ChatMessage>();
        if (request.Input is not null)
        {
            messages.Add(new ChatMessage(ChatRole.User, request.Input));
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, request.Output));
        EvaluationResult result = await _evaluator.EvaluateAsync(messages, response, _chatConfiguration, _context?.Invoke(request), cancellationToken).ConfigureAwait(false);
        string metricName = _metricName ?? result.Metrics.Keys.FirstOrDefault() ?? string.Empty;
        if (!result.Metrics.TryGetValue(metricName, out EvaluationMetric? metric))
        {
            return Verdict.Error(Name, $"evaluator {_evaluator.GetType().Name} reported no metric '{metricName}' (metrics: {string.Join(", ", result.Metrics.Keys)})");
        }

        return ToVerdict(Name, metric);
    }

    /// <summary>Maps an evaluation metric to a verdict (see the class remarks).</summary>
    /// <param name="judge">The judge name for the verdict.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The verdict.</returns>
    public static Verdict ToVerdict(string judge, EvaluationMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        string value = metric switch
        {
            BooleanMetric b => b.Value?.ToString() ?? "no value",
            NumericMetric n => n.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no value",
            StringMetric s => s.Value ?? "no value",
            _ => "no value",
        };
        string reason = metric.Interpretation?.Reason ?? metric.Reason ?? string.Empty;
        string[] errors = metric.Diagnostics?.Where(d => d.Severity == EvaluationDiagnosticSeverity.Error).Select(d => d.Message).ToArray() ?? Array.Empty<string>();
        string detail = $"{metric.Name} = {value}{(reason.Length == 0 ? string.Empty : ": " + reason)}";
        if (errors.Length > 0)
        {
            return Verdict.Error(judge, $"{detail}; evaluator errors: {string.Join("; ", errors)}");
        }

        EvaluationMetricInterpretation? interpretation = metric.Interpretation;
        if (interpretation is null)
        {
            return Verdict.Inconclusive(judge, $"{detail} (the evaluator gave no interpretation, so there is no pass or fail)");
        }

        // An inconclusive rating wins over the failed flag: "could not decide" is more specific than "not acceptable".
        if (interpretation.Rating is EvaluationRating.Inconclusive or EvaluationRating.Unknown)
        {
            return Verdict.Inconclusive(judge, $"{detail} (rated {interpretation.Rating}{(interpretation.Failed ? ", failed" : string.Empty)})");
        }

        return interpretation.Failed
            ? Verdict.Fail(judge, Score(interpretation.Rating), $"{detail} (rated {interpretation.Rating}, failed)")
            : Verdict.Pass(judge, Score(interpretation.Rating), $"{detail} (rated {interpretation.Rating})");
    }

    private static double? Score(EvaluationRating rating) => rating switch
    {
        EvaluationRating.Unacceptable => 0.0,
        EvaluationRating.Poor => 0.25,
        EvaluationRating.Average => 0.5,
        EvaluationRating.Good => 0.75,
        EvaluationRating.Exceptional => 1.0,
        _ => null,
    };
}
