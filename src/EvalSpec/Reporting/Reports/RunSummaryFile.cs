using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// A run's <c>summary.json</c> (written by the runtime's RunSummaryWriter at the end of a run), the sections the
/// reports and the baseline use. Every section is optional: a summary written by an older EvalSpec lacks some.
/// </summary>
internal sealed class RunSummaryFile
{
    public const string FileName = "summary.json";

    public string? RunId { get; init; }

    public string? Configuration { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? WallTimeMs { get; init; }

    public int? SystemUnderTestCalls { get; init; }

    public int? MaxConcurrency { get; init; }

    public BaselineSection? Baseline { get; init; }

    public Dictionary<string, JudgeSection>? Judges { get; init; }

    public Dictionary<string, PanelSection>? Panels { get; init; }

    public PairwiseSection? Pairwise { get; init; }

    /// <summary>Each judge cascade's rows judged, abstained and contested, its guarantee, and per tier the rows asked, decided and escalated.</summary>
    public Dictionary<string, CascadeSection>? Cascades { get; init; }

    public SampleSection? Sample { get; init; }

    public SimilaritySection? InputSimilarity { get; init; }

    /// <summary>What the snapshots did (matched, accepted, missing, mismatched, invalid, dangling), kept as JSON: read leniently.</summary>
    public JsonElement? Snapshots { get; init; }

    /// <summary>What the record/replay layer did (mode, replayed, recorded, live, misses), kept as JSON: read leniently.</summary>
    public JsonElement? Recording { get; init; }

    public Dictionary<string, MethodRobustnessSection>? Robustness { get; init; }

    public Dictionary<string, MultiPromptSection>? MultiPrompt { get; init; }

    /// <summary>Tokens, latency and cost per method and prompt variant (null in runs before budgets).</summary>
    public Dictionary<string, MethodSpend>? Spend { get; init; }

    /// <summary>Reads <paramref name="path"/>; a malformed file is a <see cref="RunDataException"/> naming it and the place.</summary>
    public static RunSummaryFile Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunSummaryFile>(File.ReadAllText(path), ResultsJson.Options)
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
    }

    internal sealed class BaselineSection
    {
        public string? Path { get; init; }

        public string? Mode { get; init; }

        public int KnownFailures { get; init; }

        public int FixedSinceBaseline { get; init; }

        /// <summary>Rows whose rubric verdict was a person's, pinned in the baseline for the same output.</summary>
        public int DecidedByPerson { get; init; }
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

    internal sealed class PanelSection
    {
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

    internal sealed class SampleSection
    {
        public int Budget { get; init; }

        public int Population { get; init; }

        public int Selected { get; init; }

        public int SkippedOutsideSample { get; init; }

        public double? EstimatedPassRate { get; init; }

        /// <summary>The estimate's standard error (absent in summaries of older EvalSpec versions).</summary>
        public double? StandardError { get; init; }

        public double[]? ConfidenceInterval95 { get; init; }

        /// <summary>Rows in strata with no sampled row, which the estimate does not cover.</summary>
        public long? UnsampledPopulation { get; init; }

        /// <summary>
        /// The row ids of the population the sample was drawn from (every eval row the test runner was given, after any
        /// <c>--filter</c>), in ordinal order: the rows the estimate stands for, so that the gate compares it with exactly
        /// those rows of the baseline. Absent in summaries of older EvalSpec versions.
        /// </summary>
        public string[]? PopulationRows { get; init; }
    }

    internal sealed class SimilaritySection
    {
        public string? Measure { get; init; }
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
    }
}
