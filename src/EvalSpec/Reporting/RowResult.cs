using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Reporting;

/// <summary>
/// One line of <c>results.jsonl</c>: everything about one evaluated row. Written and read through
/// <see cref="Files.RunFilesJsonContext"/>; schema: docs/schemas/results-line.schema.json.
/// </summary>
internal sealed record RowResult
{
    /// <summary>
    /// The line's format (<see cref="Files.RunFileFormats.Results"/>): every line written now has it; lines written before it
    /// existed read as null (format 1) and are written back without it.
    /// </summary>
    [JsonPropertyOrder(-1)]
    public int? Format { get; init; } = Files.RunFileFormats.Results.Current;

    public required string RunId { get; init; }

    public required string RowId { get; init; }

    public required string Suite { get; init; }

    public required string Method { get; init; }

    public required string Case { get; init; }

    public required string Variant { get; init; }

    public required string Relation { get; init; }

    public string? RelationKind { get; init; }

    public required IReadOnlyDictionary<string, JsonElement> Inputs { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? FollowUpInputs { get; init; }

    public required string Prompt { get; init; }

    public string? FollowUpPrompt { get; init; }

    public string? Expected { get; init; }

    /// <summary>The judged output: the source output for identity rows, the follow-up output for relation rows.</summary>
    public JsonElement? Output { get; init; }

    /// <summary>For relation rows, the source output the follow-up output was compared with.</summary>
    public JsonElement? SourceOutput { get; init; }

    /// <summary>
    /// For agent rows (the method returned a <c>ChatResponse</c> or messages): the judged run's <c>steps</c> and
    /// <c>toolCalls</c> (each with <c>call</c>, <c>step</c>, <c>name</c>, canonical <c>arguments</c>, <c>result</c> or <c>error</c>).
    /// </summary>
    public JsonElement? Trajectory { get; init; }

    /// <summary>pass, fail, inconclusive, or not-applicable (the relation did not change the input: the row was not judged).</summary>
    public required string Outcome { get; init; }

    /// <summary>
    /// The outcome before the snapshot check, written only when the snapshot check changed it (a missing or changed
    /// verified file failed a row its checks passed): the robustness and multi-prompt metrics count this one.
    /// </summary>
    public string? OutcomeWithoutSnapshot { get; init; }

    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>
    /// Never written now: lines written before the <c>not-applicable</c> outcome existed say <c>"applicable": false</c>
    /// with the outcome <c>inconclusive</c>. Kept on the record so that such a line read and written again (a merge of
    /// shards) keeps its meaning.
    /// </summary>
    public bool? Applicable { get; init; }

    /// <summary>Why the row has its outcome, when that is not just its checks (an exception, a timeout, no judges).</summary>
    public string? Reason { get; init; }

    /// <summary>What the row says besides its checks, e.g. "rubric not checked: no rubric judge registered".</summary>
    public IReadOnlyList<string>? Notes { get; init; }

    public required double LatencyMs { get; init; }

    public double? SourceLatencyMs { get; init; }

    public double? FollowUpLatencyMs { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The outcome the committed baseline records for this row, if any.</summary>
    public string? Baseline { get; init; }

    /// <summary>True when the row failed as the baseline records (reported as skipped, not blocking).</summary>
    public bool? KnownFailure { get; init; }

    /// <summary>How a failing row failed: its failed checks, <c>timeout</c>, <c>exception: Type</c>, <c>trials: rule</c> or <c>other: reason</c>.</summary>
    public string? FailureKind { get; init; }

    /// <summary>For a failing row, the start of its normalised failure evidence (see <c>FailureEvidence</c>).</summary>
    public string? FailureEvidence { get; init; }

    /// <summary>For a failing row, the hash of its whole failure evidence: with the kind, what a known failure must repeat.</summary>
    public string? FailureEvidenceHash { get; init; }

    /// <summary>What the relation changed (its notes), for relation rows.</summary>
    public IReadOnlyDictionary<string, string>? RelationNotes { get; init; }

    /// <summary>
    /// For relation rows: how much of the input's meaning the follow-up input kept, in [0, 1] (embedding cosine when
    /// an embedding generator is registered, else token F1; the run summary names the measure).
    /// </summary>
    public double? InputSimilarity { get; init; }

    /// <summary>For rows run several times: each trial's outcome, reason and judged output.</summary>
    public IReadOnlyList<TrialResult>? Trials { get; init; }

    /// <summary>How the row's model calls through recording clients went (its source run's included); null when it made none.</summary>
    public ModelCallsResult? ModelCalls { get; init; }

    /// <summary>
    /// Which resume of the run wrote the line (<c>EVALSPEC_RESUME</c>): one more than the highest the lines it took over say
    /// (absent: 0); absent for the run itself. With <see cref="RunId"/> and <see cref="Shard"/> it names the process that
    /// wrote the line, whose rows alone share a source run.
    /// </summary>
    public int? Attempt { get; init; }

    /// <summary>The shard of the run that wrote the line (<c>EVALSPEC_SHARD</c>, "2/4"); absent when it was not sharded. Lines of a merged run keep their shard's.</summary>
    public string? Shard { get; init; }

    /// <summary>
    /// Calls of the eval method behind the row (its source runs' included), as the summary's <c>systemUnderTestCalls</c>
    /// counts them; null when it made none. A resumed run counts a taken-over row from it.
    /// </summary>
    public EvalMethodCallsResult? EvalMethodCalls { get; init; }

    /// <summary>What the row spent (tokens of the system under test and of the judges, times, cost) and its budgets.</summary>
    public RowSpendResult? Spend { get; init; }

    /// <summary>
    /// Every panel verdict the row's judging counted in the run's judge statistics (every trial, panels used inside the eval
    /// method, snapshot comparisons by meaning), as much of each as the statistics need: what <c>evalspec merge</c> and a
    /// resumed run recompute the judge counters, panel agreement and pairwise statistics from. Empty when nothing was
    /// judged; absent in lines of EvalSpec before it was written.
    /// </summary>
    public IReadOnlyList<JudgementResult>? Judgements { get; init; }

    /// <summary>
    /// True when a judge of the row's own checks (of any trial) errored or could not be read, as the summary's
    /// <c>rowsWithJudgeErrors</c> counts it (panels the eval method used itself are not its checks); absent otherwise. A
    /// resumed run counts a taken-over row from it, since the line keeps the checks of one trial only.
    /// </summary>
    public bool? JudgeErrors { get; init; }

    /// <summary>
    /// What the run's snapshot counts recorded of the row's snapshot: <c>matched</c>, <c>accepted</c>, <c>missing</c>,
    /// <c>mismatched</c> or <c>invalid</c>; absent when the row has none or it was not counted (a prompt checked alone, a
    /// snapshot that could not be verified). A resumed run counts a taken-over row from it.
    /// </summary>
    public string? Snapshot { get; init; }

    /// <summary>True when <see cref="Snapshot"/> is <c>matched</c> by meaning rather than exactly; absent otherwise.</summary>
    public bool? SnapshotByMeaning { get; init; }
}

/// <summary>One panel verdict of a row as the run's judge statistics counted it (<see cref="RowJudgements"/>).</summary>
/// <param name="Panel">The panel's name (not the check's: a relation check is judged by the invariance or change panel).</param>
/// <param name="Verdicts">Its judges' verdicts, in panel order.</param>
/// <param name="JudgesSkipped">Judges early stopping did not ask, when any.</param>
internal sealed record JudgementResult(string Panel, IReadOnlyList<JudgementVerdict> Verdicts, int? JudgesSkipped);

/// <summary>One judge's verdict as the judge statistics count it.</summary>
internal sealed record JudgementVerdict(
    string Judge,
    string Outcome,
    bool? Errored,
    int? ModelCalls,
    long? InputTokens,
    long? OutputTokens,
    JudgementPairwise? Pairwise,
    JudgementCascade? Cascade);

/// <summary>A pairwise verdict: the choice in each presentation order and the two outputs' lengths (for verbosity bias).</summary>
internal sealed record JudgementPairwise(string CandidateFirst, string ReferenceFirst, int CandidateLength, int ReferenceLength);

/// <summary>A cascade's trail as its counters need it: the tiers asked, who decided, dissent, and the guarantee or why none.</summary>
internal sealed record JudgementCascade(
    IReadOnlyList<JudgementCascadeTier> Tiers,
    string? DecidedBy,
    bool Contested,
    double? GuaranteeTarget,
    double? GuaranteeRisk,
    int? CalibrationItems,
    string? NoGuaranteeReason);

/// <summary>One cascade tier asked: whether it decided and its judges' model calls.</summary>
internal sealed record JudgementCascadeTier(string Tier, bool Decided, int ModelCalls);

/// <summary>
/// What a row spent: tokens of the system under test (from recording clients) and of the judges (from their verdicts), the
/// system under test's wall time and the judges' summed time in milliseconds, the cost in US dollars (null when a model has
/// no price), and the row's budgets (null where none).
/// </summary>
internal sealed record RowSpendResult(
    long SutInputTokens,
    long SutOutputTokens,
    long JudgeInputTokens,
    long JudgeOutputTokens,
    long Tokens,
    double SutLatencyMs,
    double JudgeLatencyMs,
    double? CostUsd,
    int SutCalls,
    int SutReplayedCalls,
    int? MaxTokens,
    int? MaxLatencyMs,
    double? MaxCostUsd)
{
    /// <summary>The system under test's share of <see cref="CostUsd"/> (null when one of its models has no price).</summary>
    public double? SutCostUsd { get; init; }

    /// <summary>The judges' share of <see cref="CostUsd"/> (null when one of their models has no price).</summary>
    public double? JudgeCostUsd { get; init; }

    public static RowSpendResult Of(Execution.RowSpend spend, Execution.BudgetLimits limits) => new(
        spend.Sut.Tokens.Input,
        spend.Sut.Tokens.Output,
        spend.Judges.Tokens.Input,
        spend.Judges.Tokens.Output,
        spend.Tokens,
        System.Math.Round(spend.SutLatency.TotalMilliseconds, 1),
        System.Math.Round(spend.JudgeLatency.TotalMilliseconds, 1),
        spend.CostUsd is double cost ? System.Math.Round(cost, 8) : null,
        spend.Sut.Calls,
        spend.Sut.Replayed,
        limits.MaxTokens,
        limits.MaxLatencyMs,
        limits.MaxCostUsd)
    {
        SutCostUsd = spend.SutCostUsd is double sut ? System.Math.Round(sut, 8) : null,
        JudgeCostUsd = spend.JudgeCostUsd is double judges ? System.Math.Round(judges, 8) : null,
    };
}

/// <summary>The model calls behind a row: answered from recordings, called and recorded, called live, failed, or missing from the recordings (Replay mode).</summary>
/// <param name="Mode">The run's recording mode.</param>
/// <param name="Replayed">Answered from a recording.</param>
/// <param name="Recorded">Called and recorded.</param>
/// <param name="Live">Called without being recorded.</param>
/// <param name="Failed">Calls that failed.</param>
/// <param name="Missing">Replay-mode calls without a recording, when any (absent in lines of EvalSpec before it was written).</param>
/// <param name="Source">
/// Of these, the source run's calls, which the rows of a case x prompt variant share (so summing lines counts them once per
/// source run). Written with every <c>modelCalls</c> from this version on: a resumed run counts the calls of a line without it as none.
/// </param>
internal sealed record ModelCallsResult(string Mode, int Replayed, int Recorded, int Live, int Failed, int? Missing = null, ModelCallCountsResult? Source = null)
{
    /// <summary>The result for <paramref name="calls"/> (<paramref name="source"/> of them the source run's) in <paramref name="mode"/>.</summary>
    public static ModelCallsResult Of(Recording.RecordingMode mode, Recording.RowModelCalls calls, Recording.RowModelCalls source) =>
        new(mode.ToString().ToLowerInvariant(), calls.Replayed, calls.Recorded, calls.Live, calls.Failed, calls.Missing == 0 ? null : calls.Missing, ModelCallCountsResult.Of(source));

    /// <summary>The counts as the run counts them.</summary>
    public Recording.RowModelCalls ToCalls() => new(Replayed, Recorded, Live, Failed, Missing ?? 0);
}

/// <summary>Counts of model calls (the source run's part of a row's <see cref="ModelCallsResult"/>).</summary>
internal sealed record ModelCallCountsResult(int Replayed, int Recorded, int Live, int Failed, int? Missing = null)
{
    /// <summary>The result for <paramref name="calls"/>.</summary>
    public static ModelCallCountsResult Of(Recording.RowModelCalls calls) => new(calls.Replayed, calls.Recorded, calls.Live, calls.Failed, calls.Missing == 0 ? null : calls.Missing);

    /// <summary>The counts as the run counts them.</summary>
    public Recording.RowModelCalls ToCalls() => new(Replayed, Recorded, Live, Failed, Missing ?? 0);
}

/// <summary>Calls of the eval method behind a row (the run's <c>systemUnderTestCalls</c> counts them).</summary>
/// <param name="Total">Its source runs (one per trial) and follow-up runs.</param>
/// <param name="Source">Of these, the source runs', which the rows of a case x prompt variant share.</param>
internal sealed record EvalMethodCallsResult(int Total, int Source);

/// <summary>One trial of a row run several times.</summary>
internal sealed record TrialResult(int Trial, string Outcome, string? Reason, JsonElement? Output);

/// <summary>One check of a row (the expected answer, the rubric panel, the relation) and its judges' verdicts.</summary>
internal sealed record CheckResult(
    string Name,
    string Outcome,
    double? Score,
    string Rationale,
    IReadOnlyList<VerdictResult> Verdicts,
    int? JudgesSkipped);

/// <summary>One judge's verdict as written to the results.</summary>
internal sealed record VerdictResult(
    string Judge,
    string Outcome,
    double? Score,
    string Rationale,
    string? RawOutput,
    double LatencyMs,
    bool? Errored,
    int? ModelCalls,
    string? Model,
    long? InputTokens,
    long? OutputTokens,
    PairwiseResult? Pairwise)
{
    /// <summary>For a cascade's verdict: who decided, each tier's confidence and threshold, abstention and dissent.</summary>
    public CascadeResult? Cascade { get; init; }
}

/// <summary>A cascade's verdict as written to the results: the deciding tier (null: abstained), each tier asked, the guarantee.</summary>
internal sealed record CascadeResult(string? DecidedBy, bool Abstained, bool Contested, IReadOnlyList<CascadeStepResult> Tiers, string? Guarantee);

/// <summary>One cascade tier on a row.</summary>
internal sealed record CascadeStepResult(string Tier, string Leaning, double Confidence, double? Threshold, bool Decided, int ModelCalls);

/// <summary>A pairwise verdict's choice in each presentation order.</summary>
internal sealed record PairwiseResult(string CandidateFirst, string ReferenceFirst, bool Consistent);
