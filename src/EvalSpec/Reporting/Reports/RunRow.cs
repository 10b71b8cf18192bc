using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;

namespace EvalSpec.Reporting.Reports;

/// <summary>One line of a run's <c>results.jsonl</c>, as the reports, the baseline and the gate see it.</summary>
internal sealed record RunRow
{
    /// <summary>The relation key of rows that run the prompt as written.</summary>
    public const string IdentityRelation = "identity";

    /// <summary><c>Namespace.Class.Method/case/variant/relation</c>.</summary>
    public required string RowId { get; init; }

    /// <summary>The eval class's full name.</summary>
    public required string Suite { get; init; }

    /// <summary>The eval method's name.</summary>
    public required string Method { get; init; }

    public required string Case { get; init; }

    public required string Variant { get; init; }

    /// <summary>The relation key, or <see cref="IdentityRelation"/>.</summary>
    public required string Relation { get; init; }

    /// <summary><c>invariant</c> or <c>directional</c> for relation rows; null for identity rows.</summary>
    public string? RelationKind { get; init; }

    public required VerdictOutcome Outcome { get; init; }

    /// <summary>
    /// False when the relation did not change the input: the row was not judged (outcome <c>not-applicable</c> in
    /// <c>results.jsonl</c>; <see cref="Outcome"/> is then <see cref="VerdictOutcome.Inconclusive"/>, never counted as such).
    /// </summary>
    public bool Applicable { get; init; } = true;

    /// <summary>The row failed as the baseline records (reported as skipped in the test run).</summary>
    public bool KnownFailure { get; init; }

    /// <summary>The outcome the baseline recorded when the run started, if any.</summary>
    public string? RecordedOutcome { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<RunCheck> Checks { get; init; } = Array.Empty<RunCheck>();

    /// <summary>The outcomes of the row's trials, when it ran several times.</summary>
    public IReadOnlyList<VerdictOutcome>? Trials { get; init; }

    /// <summary>How much of the input's meaning the follow-up input kept (relation rows).</summary>
    public double? InputSimilarity { get; init; }

    /// <summary>The failure kind written by the runtime, when the results file has one.</summary>
    public string? RecordedFailureKind { get; init; }

    /// <summary>The failure evidence written by the runtime, when the results file has it (results of EvalSpec with baseline format 3).</summary>
    public Gate.FailureEvidence? RecordedEvidence { get; init; }

    /// <summary>The judged output as text (<see cref="Gate.FailureEvidence.TextOf"/>): the follow-up output of a relation row.</summary>
    public string? OutputText { get; init; }

    /// <summary>For a relation row, the source output as text.</summary>
    public string? SourceOutputText { get; init; }

    /// <summary>For a row run several times: each trial's outcome and output text (else its reason), in order.</summary>
    public IReadOnlyList<Gate.FailureEvidence.Trial>? TrialEvidence { get; init; }

    /// <summary>
    /// The outcome before the snapshot check, when the snapshot check changed it (a missing or changed verified file
    /// failed a row its judges passed). The robustness and multi-prompt metrics count this outcome: a snapshot is a
    /// review step, not a relation violation or a failing prompt variant.
    /// </summary>
    public VerdictOutcome? OutcomeWithoutSnapshot { get; init; }

    /// <summary>The outcome the robustness and multi-prompt metrics count: <see cref="OutcomeWithoutSnapshot"/>, else <see cref="Outcome"/>.</summary>
    public VerdictOutcome MetricOutcome => OutcomeWithoutSnapshot ?? Outcome;

    /// <summary>What the row's transcript in report.html shows (prompts, outputs, judges' reasons, timings), read from the same line.</summary>
    public RunRowDetails? Details { get; init; }

    /// <summary>For an agent row, its trajectory figures (steps, tool calls, failed and repeated calls).</summary>
    public RowTrajectory? Trajectory { get; init; }

    /// <summary>The line of <c>results.jsonl</c> the row was read from (1-based).</summary>
    public int Line { get; init; }

    /// <summary>The shard of the run that wrote the line (its <c>shard</c>, "2/4"), or null when it was not sharded (or written before lines said so).</summary>
    public string? Shard { get; init; }

    /// <summary>
    /// True when the line comes from an EvalSpec that writes <c>shard</c> whenever a run is sharded (its lines have
    /// <c>evalMethodCalls</c>): a null <see cref="Shard"/> then means the run was not sharded; for older lines it means nothing.
    /// </summary>
    public bool SaysShard { get; init; }

    /// <summary>The eval method id: <c>Namespace.Class.Method</c>.</summary>
    public string MethodId => Suite + "." + Method;

    public bool IsIdentity => RelationKind is null && Relation == IdentityRelation;

    /// <summary>Judged: applicable (not-applicable relation rows are skipped, not judged).</summary>
    public bool IsJudged => Applicable;

    /// <summary>The name the test explorer shows: <c>Class.Method [case · variant · relation]</c>.</summary>
    public string DisplayName => RowNames.Display(RowId);

    /// <summary>
    /// The row score in [0, 1]: for a row with trials, the share of its decided trials that passed; otherwise the mean
    /// of its checks' scores; for a row without a scored check, 1 when it passed and 0 when it failed. Null for a
    /// not-applicable row, and for an inconclusive row without a score (nothing to compare).
    /// </summary>
    public double? Score
    {
        get
        {
            if (!Applicable)
            {
                return null;
            }

            if (Trials is { Count: > 0 } trials)
            {
                int decided = trials.Count(t => t != VerdictOutcome.Inconclusive);
                return decided == 0 ? null : (double)trials.Count(t => t == VerdictOutcome.Pass) / decided;
            }

            double[] scores = Checks.Where(c => c.Score is not null).Select(c => Math.Clamp(c.Score!.Value, 0, 1)).ToArray();
            if (scores.Length > 0)
            {
                return scores.Average();
            }

            return Outcome switch
            {
                VerdictOutcome.Pass => 1,
                VerdictOutcome.Fail => 0,
                _ => null,
            };
        }
    }

    /// <summary>
    /// How the row failed, as the runtime records it in the baseline: the failed checks, <c>timeout</c>, the
    /// exception type, the trial rule, or <c>other: reason</c>. Taken from the results when the runtime wrote it,
    /// else derived from the row's checks and reason the way the runtime builds it. Null unless the row failed.
    /// </summary>
    public string? FailureKind
    {
        get
        {
            if (Outcome != VerdictOutcome.Fail)
            {
                return null;
            }

            if (RecordedFailureKind is not null)
            {
                return RecordedFailureKind;
            }

            string reason = Reason ?? string.Empty;
            if (Trials is { Count: > 0 } && RuleOf(reason) is { } rule)
            {
                return "trials: " + rule;
            }

            string[] failedChecks = Checks.Where(c => c.Outcome == VerdictOutcome.Fail).Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            if (failedChecks.Length > 0)
            {
                return "checks: " + string.Join(", ", failedChecks);
            }

            if (reason.StartsWith("timed out after ", StringComparison.Ordinal) || reason.StartsWith("the follow-up run timed out after ", StringComparison.Ordinal))
            {
                return "timeout";
            }

            foreach (string prefix in new[] { "the eval method threw on the follow-up input: ", "the eval method threw " })
            {
                if (reason.StartsWith(prefix, StringComparison.Ordinal))
                {
                    string rest = reason[prefix.Length..];
                    int colon = rest.IndexOf(':', StringComparison.Ordinal);
                    return "exception: " + (colon < 0 ? rest : rest[..colon]);
                }
            }

            return "other: " + reason;
        }
    }

    /// <summary>
    /// What a failing row showed (<see cref="Gate.FailureEvidence"/>): as the runtime wrote it, else computed from the
    /// row's outputs, trials and reason the way the runtime computes it. Null unless the row failed.
    /// </summary>
    public Gate.FailureEvidence? FailureEvidence =>
        Outcome != VerdictOutcome.Fail
            ? null
            : RecordedEvidence ?? Gate.FailureEvidence.Of(OutputText, SourceOutputText, !IsIdentity, TrialEvidence, Reason);

    /// <summary>
    /// Whether the row's outcome comes from a failure of a model call rather than from what the model answered: the eval
    /// method threw a provider exception (<see cref="ProviderExceptions"/>) or timed out, or a judge of a check that did not
    /// decide errored. Such an outcome says nothing about the row, so it never replaces a baseline entry.
    /// </summary>
    public bool IsModelCallError
    {
        get
        {
            if (Outcome == VerdictOutcome.Pass || !Applicable)
            {
                return false;
            }

            string reason = Reason ?? string.Empty;
            if (reason.StartsWith("timed out after ", StringComparison.Ordinal) || reason.StartsWith("the follow-up run timed out after ", StringComparison.Ordinal)
                || (Outcome == VerdictOutcome.Fail && RecordedFailureKind == "timeout"))
            {
                return true;
            }

            foreach (string prefix in new[] { "the eval method threw on the follow-up input: ", "the eval method threw " })
            {
                if (reason.StartsWith(prefix, StringComparison.Ordinal))
                {
                    string rest = reason[prefix.Length..];
                    int colon = rest.IndexOf(':', StringComparison.Ordinal);
                    return ProviderExceptions.Contains(colon < 0 ? rest.Trim() : rest[..colon].Trim());
                }
            }

            if (Outcome == VerdictOutcome.Fail && RecordedFailureKind is { } kind && kind.StartsWith("exception: ", StringComparison.Ordinal))
            {
                return ProviderExceptions.Contains(kind["exception: ".Length..].Trim());
            }

            return Outcome == VerdictOutcome.Inconclusive
                && Checks.Any(c => c.Outcome == VerdictOutcome.Inconclusive && c.Verdicts.Any(v => v.Errored));
        }
    }

    /// <summary>
    /// The exception types (simple names) a failed call to a model or its provider throws: the network, the HTTP status,
    /// the client's own timeout and cancellation, and the OpenAI and Azure clients' error types.
    /// </summary>
    internal static readonly IReadOnlySet<string> ProviderExceptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "HttpRequestException", "HttpIOException", "SocketException", "TimeoutException", "TaskCanceledException",
        "OperationCanceledException", "ClientResultException", "RequestFailedException",
    };

    /// <summary>The one line the baseline keeps for a row that did not pass: the first check with the row's outcome and its rationale, else the reason.</summary>
    public string? BaselineReason =>
        Outcome == VerdictOutcome.Pass
            ? null
            : Checks.FirstOrDefault(c => c.Outcome == Outcome) is { } check ? check.Name + ": " + check.Rationale : Reason;

    /// <summary>The rule part of a trials row's reason: <c>"4/6 passed (...); rule: pass^6; trial 2: ..."</c> gives <c>pass^6</c>.</summary>
    private static string? RuleOf(string reason)
    {
        const string marker = "; rule: ";
        int start = reason.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        string rest = reason[(start + marker.Length)..];
        int end = rest.IndexOf(';', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }
}
