using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace EvalSpec.Judging;

/// <summary>
/// Uses an EvalSpec judge or panel as a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>: one
/// <see cref="BooleanMetric"/> (true = pass, false = fail, no value = inconclusive) whose interpretation is
/// failed unless the verdict passed, so an inconclusive verdict is never reported as acceptable. The score
/// and every judge's verdict are in the metric's metadata; errored judges become diagnostics. Pass the rubric,
/// expected answer or reference output as <see cref="JudgeEvaluatorContext"/>.
/// </summary>
public sealed class JudgeEvaluator : IEvaluator
{
    private readonly JudgePanel _panel;

    /// <summary>Wraps a panel.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="metricName">The metric name; default the panel's name.</param>
    public JudgeEvaluator(JudgePanel panel, string? metricName = null)
    {
        _panel = panel ?? throw new ArgumentNullException(nameof(panel));
        MetricName = metricName ?? panel.Name;
        EvaluationMetricNames = new[] { MetricName };
    }

    /// <summary>Wraps one judge (as a panel of one).</summary>
    /// <param name="judge">The judge.</param>
    /// <param name="metricName">The metric name; default the judge's name.</param>
    public JudgeEvaluator(IJudge judge, string? metricName = null)
        : this(new JudgePanel((judge ?? throw new ArgumentNullException(nameof(judge))).Name, new[] { judge }), metricName)
    {
    }

    /// <summary>The name of the metric this evaluator reports.</summary>
    public string MetricName { get; }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> EvaluationMetricNames { get; }

    /// <inheritdoc/>
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        JudgeEvaluatorContext? context = additionalContext?.OfType<JudgeEvaluatorContext>().FirstOrDefault();
        var request = new JudgeRequest(modelResponse.Text ?? string.Empty)
        {
            Input = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text,
            Expected = context?.Expected,
            Rubric = context?.Rubric,
            ReferenceOutput = context?.ReferenceOutput,
            Threshold = context?.Threshold ?? EvalDefaults.Threshold,
        };

        PanelVerdict verdict = await _panel.JudgeAsync(request, cancellationToken).ConfigureAwait(false);
        bool? value = verdict.Outcome switch
        {
            VerdictOutcome.Pass => true,
            VerdictOutcome.Fail => false,
            _ => null,
        };
        EvaluationRating rating = verdict.Outcome switch
        {
            VerdictOutcome.Pass => EvaluationRating.Good,
            VerdictOutcome.Fail => EvaluationRating.Unacceptable,
            _ => EvaluationRating.Inconclusive,
        };
        var metric = new BooleanMetric(MetricName, value, verdict.Rationale)
        {
            Interpretation = new EvaluationMetricInterpretation(rating, failed: verdict.Outcome != VerdictOutcome.Pass, reason: verdict.Rationale),
        };
        if (verdict.Score is double score)
        {
            metric.AddOrUpdateMetadata("score", score.ToString("0.####", CultureInfo.InvariantCulture));
        }

        foreach (Verdict judge in verdict.Verdicts)
        {
            metric.AddOrUpdateMetadata("judge." + judge.Judge, judge.ToString());
            if (judge.Errored)
            {
                metric.AddDiagnostics(verdict.Outcome == VerdictOutcome.Inconclusive
                    ? EvaluationDiagnostic.Error($"{judge.Judge}: {judge.Rationale}")
                    : EvaluationDiagnostic.Warning($"{judge.Judge}: {judge.Rationale}"));
            }
        }

        return new EvaluationResult(metric);
    }
}
