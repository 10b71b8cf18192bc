using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using EvalSpec.Reporting.Files;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// The gate's result as <c>evalspec gate --json</c> writes it, for CI artifacts and dashboards: one record set, written
/// and read through <see cref="GateJsonContext"/>. Nulls are written (a null rate or p-value means "not computed").
/// Schema: docs/schemas/gate-result.schema.json.
/// </summary>
internal sealed record GateReport
{
    private const int Digits = 6;

    /// <summary>The format number (<see cref="RunFileFormats.Gate"/>); absent in results written before it existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Format { get; init; }

    public bool Passed { get; init; }

    /// <summary>Why the gate refused to compare (a partial run, a baseline of another suite); null when it compared.</summary>
    public string? Refusal { get; init; }

    public CoverageReport Coverage { get; init; } = new();

    /// <summary>A sampled run's estimate against the baseline; absent for a run of every row.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SampleReport? Sample { get; init; }

    public string? RunId { get; init; }

    /// <summary>The run folder.</summary>
    public string? Run { get; init; }

    /// <summary>The baseline file.</summary>
    public string? Baseline { get; init; }

    /// <summary>The baseline's format.</summary>
    public int BaselineVersion { get; init; }

    public OptionsReport Options { get; init; } = new();

    public IReadOnlyList<RegressionReport> Regressions { get; init; } = [];

    public ComparisonReport Overall { get; init; } = new();

    /// <summary>Each eval method's comparison, by method id.</summary>
    public IReadOnlyDictionary<string, ComparisonReport> Methods { get; init; } = new Dictionary<string, ComparisonReport>();

    public IReadOnlyList<string> NewRows { get; init; } = [];

    public IReadOnlyList<string> MissingRows { get; init; } = [];

    public IReadOnlyList<string> NotApplicableRows { get; init; } = [];

    public IReadOnlyList<RowReport> InconclusiveRows { get; init; } = [];

    /// <summary>Pass rate, CPS and attack success rates per method, baseline against run (informational).</summary>
    public IReadOnlyDictionary<string, MethodMetricsReport> MethodMetrics { get; init; } = new Dictionary<string, MethodMetricsReport>();

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The record of <paramref name="result"/>, numbers rounded to six decimals.</summary>
    public static GateReport From(GateResult result) => new()
    {
        Format = RunFileFormats.Gate.Current,
        Passed = result.Passed,
        Refusal = result.Refusal,
        Coverage = new CoverageReport
        {
            BaselineRows = result.Coverage.BaselineRows,
            CoveredRows = result.Coverage.CoveredRows,
            Sampled = result.Coverage.Sampled,
            CoveredRowsIsUpperBound = result.Coverage.AtMost ? true : null,
            Partial = result.Coverage.IsPartial,
        },
        Sample = result.Sample is { } sample
            ? new SampleReport
            {
                BaselinePassRate = Round(sample.BaselinePassRate),
                BaselineRows = sample.BaselineRows,
                EstimatedPassRate = Round(sample.Estimate),
                Lower = Round(sample.Lower),
                Upper = Round(sample.Upper),
                Confidence = sample.Confidence,
                Selected = sample.Selected,
                Population = sample.Population,
                Regression = sample.Regression,
            }
            : null,
        RunId = result.RunId,
        Run = result.RunDirectory,
        Baseline = result.BaselinePath,
        BaselineVersion = result.BaselineVersion,
        Options = new OptionsReport
        {
            Alpha = result.Options.Alpha,
            MinDrop = result.Options.MinDrop,
            MinScoreDrop = result.Options.MinScoreDrop,
            Resamples = result.Options.Resamples,
            MinScorePairs = result.Options.MinScorePairs,
            AllowPartial = result.Options.AllowPartial,
            Correction = result.Options.Correction.ToString().ToLowerInvariant(),
        },
        Regressions = result.Regressions.Select(r => new RegressionReport
        {
            Method = r.MethodId,
            Kind = r.Kind switch { GateRegressionKind.PassRate => "passRate", GateRegressionKind.Score => "score", _ => "sampledPassRate" },
            Message = GateText.Describe(r, result.Options),
        }).ToArray(),
        Overall = ComparisonReport.From(result.Overall),
        Methods = result.Methods.ToDictionary(m => m.MethodId!, ComparisonReport.From, StringComparer.Ordinal),
        NewRows = result.NewRows,
        MissingRows = result.MissingRows,
        NotApplicableRows = result.NotApplicableRows,
        InconclusiveRows = result.InconclusiveRows.Select(RowReport.From).ToArray(),
        MethodMetrics = result.MethodChanges.ToDictionary(
            c => c.MethodId,
            c => new MethodMetricsReport
            {
                PassRate = new MetricPair(Round(c.BaselinePassRate), Round(c.RunPassRate)),
                Cps = new MetricPair(Round(c.BaselineCps), Round(c.RunCps)),
                AttackSuccessRate = new MetricPair(Round(c.BaselineAttackSuccessRate), Round(c.RunAttackSuccessRate)),
                WeightedAttackSuccessRate = new MetricPair(Round(c.BaselineWeightedAttackSuccessRate), Round(c.RunWeightedAttackSuccessRate)),
            },
            StringComparer.Ordinal),
        Notes = result.Notes,
    };

    private static double? Round(double? value) => value is double v ? Math.Round(v, Digits) : null;

    /// <summary>How much of the baseline the run covers.</summary>
    internal sealed record CoverageReport
    {
        public int BaselineRows { get; init; }

        public int CoveredRows { get; init; }

        public bool Sampled { get; init; }

        /// <summary>True when <see cref="CoveredRows"/> is an upper bound (a summary of an older EvalSpec); absent otherwise.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? CoveredRowsIsUpperBound { get; init; }

        public bool Partial { get; init; }
    }

    /// <summary>A sampled run's estimate against the baseline (see <see cref="SampleComparison"/>).</summary>
    internal sealed record SampleReport
    {
        public double? BaselinePassRate { get; init; }

        public int BaselineRows { get; init; }

        public double? EstimatedPassRate { get; init; }

        public double? Lower { get; init; }

        public double? Upper { get; init; }

        public double Confidence { get; init; }

        public int Selected { get; init; }

        public int Population { get; init; }

        public bool Regression { get; init; }
    }

    /// <summary>The gate's settings (see <see cref="GateOptions"/>).</summary>
    internal sealed record OptionsReport
    {
        public double Alpha { get; init; }

        public double MinDrop { get; init; }

        public double MinScoreDrop { get; init; }

        public int Resamples { get; init; }

        public int MinScorePairs { get; init; }

        public bool AllowPartial { get; init; }

        /// <summary><c>holm</c> or <c>none</c>.</summary>
        public string? Correction { get; init; }
    }

    /// <summary>One regression the gate failed on.</summary>
    internal sealed record RegressionReport
    {
        /// <summary>The eval method id; null for the run as a whole.</summary>
        public string? Method { get; init; }

        /// <summary><c>passRate</c>, <c>score</c> or <c>sampledPassRate</c>.</summary>
        public string? Kind { get; init; }

        public string? Message { get; init; }
    }

    /// <summary>The paired comparison of the run with the baseline, overall or for one method (see <see cref="PairedComparison"/>).</summary>
    internal sealed record ComparisonReport
    {
        public int Pairs { get; init; }

        public double? BaselinePassRate { get; init; }

        public double? RunPassRate { get; init; }

        public int PassToNotPassing { get; init; }

        public int NotPassingToPass { get; init; }

        public double? PValue { get; init; }

        public double? AdjustedPValue { get; init; }

        public bool PassRateRegression { get; init; }

        public int ScorePairs { get; init; }

        public double? BaselineMeanScore { get; init; }

        public double? RunMeanScore { get; init; }

        public ScoreChangeReport? ScoreChange { get; init; }

        public double? ScorePValue { get; init; }

        public bool ScoreRegression { get; init; }

        public string? ScoreNote { get; init; }

        public IReadOnlyList<RowReport> StoppedPassing { get; init; } = [];

        public IReadOnlyList<RowReport> StartedPassing { get; init; } = [];

        public static ComparisonReport From(PairedComparison c) => new()
        {
            Pairs = c.Pairs,
            BaselinePassRate = Round(c.BaselinePassRate),
            RunPassRate = Round(c.RunPassRate),
            PassToNotPassing = c.B,
            NotPassingToPass = c.C,
            PValue = Round(c.PValue),
            AdjustedPValue = Round(c.AdjustedPValue),
            PassRateRegression = c.PassRateRegression,
            ScorePairs = c.ScorePairs,
            BaselineMeanScore = Round(c.BaselineMeanScore),
            RunMeanScore = Round(c.RunMeanScore),
            ScoreChange = c.ScoreChange is { } interval
                ? new ScoreChangeReport(Round(interval.Mean), Round(interval.Lower), Round(interval.Upper), interval.Confidence, interval.Resamples)
                : null,
            ScorePValue = Round(c.ScorePValue),
            ScoreRegression = c.ScoreRegression,
            ScoreNote = c.ScoreNote,
            StoppedPassing = c.PassToNotPassing.Select(RowReport.From).ToArray(),
            StartedPassing = c.NotPassingToPass.Select(RowReport.From).ToArray(),
        };
    }

    /// <summary>The bootstrap interval of the mean score change.</summary>
    internal sealed record ScoreChangeReport(double? Mean, double? Lower, double? Upper, double Confidence, int Resamples);

    /// <summary>A row in both the baseline and the run: its outcomes there and here.</summary>
    internal sealed record RowReport(string RowId, string Name, string Baseline, string Run)
    {
        public static RowReport From(PairedRow row) => new(row.RowId, row.DisplayName, row.Baseline.ToString().ToLowerInvariant(), row.Run.ToString().ToLowerInvariant());
    }

    /// <summary>A method's metrics in the baseline and in the run.</summary>
    internal sealed record MethodMetricsReport
    {
        public MetricPair? PassRate { get; init; }

        public MetricPair? Cps { get; init; }

        public MetricPair? AttackSuccessRate { get; init; }

        public MetricPair? WeightedAttackSuccessRate { get; init; }
    }

    /// <summary>A value in the baseline and in the run (null where not measured).</summary>
    internal sealed record MetricPair(double? Baseline, double? Run);
}
