using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvalSpec.Reporting.Files;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// A run's <c>summary.json</c>: the one record set the runtime writes at the end of a run (RunSummaryWriter) and the
/// reports, the gate, the baseline and the <c>evalspec</c> tool read (through <see cref="RunFilesJsonContext"/>). Every
/// section is optional when read: a summary written by an older EvalSpec lacks some. Schema: docs/schemas/summary.schema.json.
/// </summary>
/// <remarks>
/// Properties are written in declaration order and nulls are left out. A new optional field that older readers can
/// ignore needs no new <see cref="Format"/>; see <see cref="RunFileFormats.Summary"/>.
/// </remarks>
internal sealed class RunSummaryFile
{
    public const string FileName = "summary.json";

    /// <summary>The format number (<see cref="RunFileFormats.Summary"/>); absent in summaries written before it existed (read as format 1).</summary>
    public int? Format { get; init; }

    public string? RunId { get; init; }

    public string? Configuration { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? MaxConcurrency { get; init; }

    public double? WallTimeMs { get; init; }

    public int? SystemUnderTestCalls { get; init; }

    /// <summary>Row counts of the whole run.</summary>
    public RowCounts? Rows { get; init; }

    public BaselineSection? Baseline { get; init; }

    /// <summary>Row counts per eval method id.</summary>
    public Dictionary<string, RowCounts>? Methods { get; init; }

    public Dictionary<string, JudgeSection>? Judges { get; init; }

    /// <summary>Rows on which a judge errored or could not be read.</summary>
    public int? RowsWithJudgeErrors { get; init; }

    /// <summary>Rows of evals with a rubric that no judge read (absent when none).</summary>
    public UnjudgedRubricSection? UnjudgedRubric { get; init; }

    public Dictionary<string, PanelSection>? Panels { get; init; }

    public PairwiseSection? Pairwise { get; init; }

    /// <summary>Each judge cascade's rows judged, abstained and contested, its guarantee, and per tier the rows asked, decided and escalated.</summary>
    public Dictionary<string, CascadeSection>? Cascades { get; init; }

    public SampleSection? Sample { get; init; }

    /// <summary>A sharded run's shard and the population it was cut from (absent when the run is not sharded).</summary>
    public ShardSection? Shard { get; init; }

    /// <summary>A resumed run's rows taken over from before the interruption (absent when the run was not resumed).</summary>
    public ResumedSection? Resumed { get; init; }

    /// <summary>Agent rows' tool calls and steps per method (absent without agent rows).</summary>
    public Dictionary<string, TrajectorySection>? Trajectories { get; init; }

    /// <summary>What the snapshots did (absent without snapshots).</summary>
    public SnapshotSection? Snapshots { get; init; }

    /// <summary>What the record/replay layer did: counts, and <c>error</c> when the recordings could not be written.</summary>
    public RecordingSection? Recording { get; init; }

    /// <summary>Tokens, latency and cost per method and prompt variant (null in runs before budgets).</summary>
    public Dictionary<string, MethodSpend>? Spend { get; init; }

    public SimilaritySection? InputSimilarity { get; init; }

    public Dictionary<string, MethodRobustnessSection>? Robustness { get; init; }

    public Dictionary<string, MultiPromptSection>? MultiPrompt { get; init; }

    /// <summary>A run built by <c>evalspec merge</c>: its shards, and what was recomputed or not merged (absent otherwise).</summary>
    public MergeSection? Merge { get; init; }

    /// <summary>
    /// Eval classes whose static initializer threw, so their rows could not be listed or run and are not in this summary's
    /// figures (each fails as one test); absent when there are none.
    /// </summary>
    public List<UnreadableSuiteSection>? UnreadableSuites { get; init; }

    /// <summary>
    /// Reads <paramref name="path"/>; a malformed file or one of a newer format is a <see cref="RunDataException"/> naming
    /// it and the place.
    /// </summary>
    public static RunSummaryFile Read(string path)
    {
        RunSummaryFile summary;
        try
        {
            summary = Parse(File.ReadAllBytes(path))
                ?? throw new RunDataException($"{path} is empty; it is written at the end of a run: run the tests again.");
        }
        catch (JsonException ex)
        {
            throw new RunDataException($"{path} is not a valid EvalSpec run summary ({ex.Message}).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunDataException($"{path} cannot be read: {ex.Message}", ex);
        }

        if (summary.Format is int format && RunFileFormats.Summary.Problem(format) is { } problem)
        {
            throw new RunDataException($"{path} cannot be read: {problem}.");
        }

        return summary;
    }

    /// <summary>The summary in <paramref name="json"/> (null for a JSON null); a <see cref="JsonException"/> names the place at fault.</summary>
    public static RunSummaryFile? Parse(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, RunFilesJson.Compact.RunSummaryFile);

    /// <summary>The summary as written: indented, secrets not yet redacted, ending without a new line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunFilesJson.Indented.RunSummaryFile);

    /// <summary>Rows by outcome.</summary>
    internal sealed class RowCounts
    {
        public int Total { get; init; }

        public int Pass { get; init; }

        public int Fail { get; init; }

        public int Inconclusive { get; init; }

        public int NotApplicable { get; init; }
    }

    internal sealed class BaselineSection
    {
        /// <summary>The baseline file (absent when there is none and the run did not create one).</summary>
        public string? Path { get; init; }

        /// <summary><c>use</c>, <c>update</c> or <c>ignore</c> (the <c>EVALSPEC_BASELINE</c> setting, camelCase).</summary>
        public string? Mode { get; init; }

        public int KnownFailures { get; init; }

        public int FixedSinceBaseline { get; init; }

        /// <summary>Rows whose rubric verdict was a person's, pinned in the baseline for the same output.</summary>
        public int DecidedByPerson { get; init; }

        /// <summary>What updating the baseline did (absent unless the run updated it).</summary>
        public BaselineUpdateSection? Update { get; init; }
    }

    internal sealed class BaselineUpdateSection
    {
        public bool Refused { get; init; }

        public int ErroredRows { get; init; }

        public string? Note { get; init; }
    }

    internal sealed class JudgeSection
    {
        public int Pass { get; init; }

        public int Fail { get; init; }

        public int Inconclusive { get; init; }

        public int Errored { get; init; }

        public int ModelCalls { get; init; }

        public long InputTokens { get; init; }

        public long OutputTokens { get; init; }
    }

    internal sealed class UnjudgedRubricSection
    {
        public int Rows { get; init; }

        /// <summary>The <c>UnjudgedRubric</c> setting (camelCase).</summary>
        public string? Mode { get; init; }

        /// <summary>The environment variable that showed a build server, if any.</summary>
        public string? BuildServer { get; init; }
    }

    internal sealed class PanelSection
    {
        /// <summary>The quorum of the run's own panels (rubric, invariance, change); absent for panels used inside eval methods.</summary>
        public int? Quorum { get; init; }

        public int Judgements { get; init; }

        public int JudgesAsked { get; init; }

        public int JudgesSkipped { get; init; }

        public AgreementSection? Agreement { get; init; }
    }

    internal sealed class AgreementSection
    {
        public int Items { get; init; }

        public double? FleissKappa { get; init; }

        public int FleissItemsUsed { get; init; }

        public double? KrippendorffAlpha { get; init; }

        public int KrippendorffItemsUsed { get; init; }

        public List<AgreementPair>? Pairs { get; init; }
    }

    internal sealed class AgreementPair
    {
        public string? Judges { get; init; }

        public double? CohensKappa { get; init; }

        public double? ObservedAgreement { get; init; }

        public int ItemsUsed { get; init; }
    }

    internal sealed class PairwiseSection
    {
        public int Comparisons { get; init; }

        public double? PositionConsistency { get; init; }

        public double? PreferredFirstShown { get; init; }

        public double? PreferredLonger { get; init; }
    }

    internal sealed class CascadeSection
    {
        public int Judged { get; init; }

        public int Abstained { get; init; }

        public int Contested { get; init; }

        public string? Guarantee { get; init; }

        public string? ReviewQueue { get; init; }

        public List<CascadeTierSection>? Tiers { get; init; }
    }

    internal sealed class CascadeTierSection
    {
        public string? Tier { get; init; }

        public int Asked { get; init; }

        public int Decided { get; init; }

        public int Escalated { get; init; }

        public int ModelCalls { get; init; }
    }

    internal sealed class ShardSection
    {
        /// <summary>k of k/N (from 1).</summary>
        public int Index { get; init; }

        /// <summary>N of k/N.</summary>
        public int Count { get; init; }

        public string? Assembly { get; init; }

        public int PopulationRows { get; init; }

        /// <summary>A hash of every row id of the population: shards of one suite and build have the same.</summary>
        public string? PopulationFingerprint { get; init; }

        public int ShardRows { get; init; }

        public int SkippedOutsideShard { get; init; }

        /// <summary>What decides the shard's verdicts besides its rows; absent in summaries of EvalSpec before it was written.</summary>
        public IdentitySection? Identity { get; init; }
    }

    /// <summary>An eval class whose static initializer threw.</summary>
    internal sealed class UnreadableSuiteSection
    {
        /// <summary>The class's full name.</summary>
        public string? Suite { get; init; }

        /// <summary>What its static initializer threw: the exception's type and message, secrets redacted.</summary>
        public string? Error { get; init; }
    }

    /// <summary>The <c>shard.identity</c> section: <c>evalspec merge</c> refuses shards that differ in any part.</summary>
    internal sealed class IdentitySection
    {
        /// <summary>The commit the shard was built from (build server variable or the repository's HEAD); null when unknown.</summary>
        public string? Commit { get; init; }

        /// <summary>A hash of the options that change verdicts (evalspec.json, EVALSPEC_ variables, startup code).</summary>
        public string? Options { get; init; }

        /// <summary>A hash of the judges of the run's panels (panel, name, type).</summary>
        public string? Judges { get; init; }

        /// <summary>A hash of the committed baseline when the run started; "none" without one.</summary>
        public string? Baseline { get; init; }

        /// <summary>A hash of the eval methods as built (prompts, cases, relations, settings); absent in summaries of EvalSpec before it was written.</summary>
        public string? Evals { get; init; }
    }

    internal sealed class ResumedSection
    {
        /// <summary>The run that was resumed (the same folder).</summary>
        public string? RunId { get; init; }

        public int TakenOver { get; init; }

        public int Dropped { get; init; }

        public int TornLines { get; init; }
    }

    internal sealed class MergeSection
    {
        public List<MergedShard>? Shards { get; init; }

        public string? Assembly { get; init; }

        public int PopulationRows { get; init; }

        public string? PopulationFingerprint { get; init; }

        public int Rows { get; init; }

        public List<string>? Recomputed { get; init; }

        public List<string>? NotMerged { get; init; }

        public string? WallTime { get; init; }
    }

    internal sealed class MergedShard
    {
        /// <summary>k/N.</summary>
        public string? Shard { get; init; }

        public string? RunId { get; init; }

        public string? Folder { get; init; }

        public int Rows { get; init; }
    }

    internal sealed class SampleSection
    {
        public int Budget { get; init; }

        public int Population { get; init; }

        public int Selected { get; init; }

        public int SkippedOutsideSample { get; init; }

        /// <summary>Rows not recognised when the sample was drawn that were judged as well.</summary>
        public int JudgedOutsidePopulation { get; init; }

        public double? EstimatedPassRate { get; init; }

        /// <summary>The estimate's standard error (absent in summaries of older EvalSpec versions).</summary>
        public double? StandardError { get; init; }

        public double[]? ConfidenceInterval95 { get; init; }

        /// <summary>Sampled rows that were judged (absent when none was).</summary>
        public long? Judged { get; init; }

        /// <summary>Rows in strata with no sampled row, which the estimate does not cover.</summary>
        public long? UnsampledPopulation { get; init; }

        /// <summary>
        /// The row ids of the population the sample was drawn from (every eval row the test runner was given, after any
        /// <c>--filter</c>), in ordinal order: the rows the estimate stands for, so that the gate compares it with exactly
        /// those rows of the baseline. Absent in summaries of older EvalSpec versions.
        /// </summary>
        public string[]? PopulationRows { get; init; }
    }

    internal sealed class TrajectorySection
    {
        public int Rows { get; init; }

        public int ToolCalls { get; init; }

        public double CallsPerRow { get; init; }

        public int MaxCallsPerRow { get; init; }

        public int FailedCalls { get; init; }

        public int RepeatedCalls { get; init; }

        public int Steps { get; init; }

        public double StepsPerRow { get; init; }
    }

    internal sealed class SnapshotSection
    {
        public int Matched { get; init; }

        public int MatchedByMeaning { get; init; }

        public int Accepted { get; init; }

        public int Missing { get; init; }

        public int Mismatched { get; init; }

        public int Invalid { get; init; }

        /// <summary>Verified files no row owns any more, relative to the project, with <c>/</c>.</summary>
        public string[]? Dangling { get; init; }
    }

    /// <summary>The record/replay layer's counts (see <see cref="EvalSpec.Recording.RecordingStatistics"/> for each field).</summary>
    internal sealed class RecordingSection
    {
        /// <summary><c>auto</c>, <c>live</c>, <c>record</c> or <c>replay</c>.</summary>
        public string? Mode { get; init; }

        public string? Directory { get; init; }

        public int Replayed { get; init; }

        public int Recorded { get; init; }

        public int Live { get; init; }

        public int Misses { get; init; }

        public int Removed { get; init; }

        public int FilesWritten { get; init; }

        public string? Error { get; init; }

        public int ModelCalls { get; init; }

        public int Failed { get; init; }

        /// <summary>Replayed calls answered by an entry keyed as before tool call ids were numbered (absent in older summaries).</summary>
        public int? LegacyKeyReplayed { get; init; }

        public int Unusable { get; init; }

        public int Added { get; init; }

        public int Replaced { get; init; }

        public int Kept { get; init; }

        public int RowsKept { get; init; }

        public string? NothingRemoved { get; init; }

        public int Recovered { get; init; }

        public int NotRecovered { get; init; }

        public string? NotRecoveredReason { get; init; }

        public double WriteMilliseconds { get; init; }

        /// <summary>A resumed run: the recording modes, other than this run's, of the rows it took over (their calls are in the counts); null when none.</summary>
        public IReadOnlyList<string>? TakenOverModes { get; init; }
    }

    internal sealed class SimilaritySection
    {
        public string? Measure { get; init; }

        /// <summary>Relation rows whose input similarity fell back to token F1 (the embedding generator failed).</summary>
        public int FallbacksToTokenF1 { get; init; }
    }

    internal sealed class MethodRobustnessSection
    {
        public RelationRobustnessSection? Overall { get; init; }

        public Dictionary<string, RelationRobustnessSection>? Relations { get; init; }
    }

    internal sealed class RelationRobustnessSection
    {
        public string? Kind { get; init; }

        public int Rows { get; init; }

        public int NotApplicable { get; init; }

        public int Inconclusive { get; init; }

        public int Judged { get; init; }

        public int Violated { get; init; }

        public double? AttackSuccessRate { get; init; }

        public double? WeightedAttackSuccessRate { get; init; }
    }

    internal sealed class MultiPromptSection
    {
        public List<string>? Variants { get; init; }

        public int CasesUsed { get; init; }

        public int Cases { get; init; }

        public Dictionary<string, double>? VariantPassRate { get; init; }

        public double? MaxP { get; init; }

        public double? AvgP { get; init; }

        public double? Saturation { get; init; }

        public double? Cps { get; init; }

        public Dictionary<string, CaseSection>? PerCase { get; init; }
    }

    internal sealed class CaseSection
    {
        public List<string>? PassingVariants { get; init; }

        public double? MaxP { get; init; }

        public double? AvgP { get; init; }

        public double? Saturation { get; init; }

        public double? Cps { get; init; }
    }
}
