using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Files;

namespace EvalSpec.Cli.Comparing;

/// <summary>
/// The comparison of runs as <c>evalspec compare --json</c> writes it, for CI artifacts and dashboards: one record set,
/// written through <see cref="ComparisonJsonContext"/>. Nulls are written (a null score or W was not computed; the
/// reason is beside it). Schema: docs/schemas/comparison.schema.json.
/// </summary>
internal sealed record ComparisonFile
{
    private const int Digits = 4;

    /// <summary>The format number (<see cref="RunFileFormats.Comparison"/>).</summary>
    public int Format { get; init; }

    /// <summary>The runs compared, one per configuration, in the order given.</summary>
    public IReadOnlyList<ComparedRun> Runs { get; init; } = [];

    /// <summary>Each eval method compared, by method id.</summary>
    public IReadOnlyDictionary<string, ComparedMethod> Methods { get; init; } = new Dictionary<string, ComparedMethod>();

    /// <summary>Methods not compared, by method id, with the reason.</summary>
    public IReadOnlyDictionary<string, string> NotCompared { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>--min-w</c> threshold, or null without one.</summary>
    public double? MinW { get; init; }

    /// <summary>The methods whose W is below <see cref="MinW"/>.</summary>
    public IReadOnlyList<string> BelowMinW { get; init; } = [];

    /// <summary>The record of <paramref name="comparison"/>, scores rounded to four decimals.</summary>
    public static ComparisonFile From(ConfigurationComparison comparison, double? minW, IReadOnlyCollection<string> belowMinW) => new()
    {
        Format = RunFileFormats.Comparison.Current,
        Runs = comparison.Runs.Select(r => new ComparedRun { Configuration = r.Label, RunId = r.RunId, Path = r.Path }).ToArray(),
        Methods = comparison.Methods.ToDictionary(m => m.Method, ComparedMethod.From, StringComparer.Ordinal),
        NotCompared = comparison.NotCompared.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
        MinW = minW,
        BelowMinW = belowMinW.ToArray(),
    };

    internal static double? Round(double? value) => value is double number ? Math.Round(number, Digits) : null;
}

/// <summary>One run of <see cref="ComparisonFile.Runs"/>.</summary>
internal sealed record ComparedRun
{
    /// <summary>The configuration label of the run (its summary's configuration, or its folder's name).</summary>
    public string Configuration { get; init; } = "";

    /// <summary>The run id.</summary>
    public string? RunId { get; init; }

    /// <summary>The summary file read.</summary>
    public string? Path { get; init; }
}

/// <summary>One eval method of <see cref="ComparisonFile.Methods"/> (<see cref="MethodComparison"/>).</summary>
internal sealed record ComparedMethod
{
    /// <summary>The variants with a pass rate in every ranked configuration.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Variants some ranked configuration has no pass rate for.</summary>
    public IReadOnlyList<string> VariantsLeftOut { get; init; } = [];

    /// <summary>Configurations whose run has no pass rates for the method.</summary>
    public IReadOnlyList<string> ConfigurationsWithoutPassRates { get; init; } = [];

    /// <summary>One entry per configuration that ran the method.</summary>
    public IReadOnlyList<ComparedConfiguration> Configurations { get; init; } = [];

    /// <summary>Kendall's W, or null (see <see cref="KendallWUndefinedReason"/>).</summary>
    public double? KendallW { get; init; }

    /// <summary>Why W is undefined, or null.</summary>
    public string? KendallWUndefinedReason { get; init; }

    /// <summary>Per variant, the configurations best first; configurations with the same pass rate share an inner list.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> RankingByVariant { get; init; } = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>();

    /// <summary>The configurations at the top under every variant; empty when the best depends on the wording.</summary>
    public IReadOnlyList<string> BestUnderEveryVariant { get; init; } = [];

    /// <summary>Whether one configuration (or a tie) is best under every variant.</summary>
    public bool SameBestUnderEveryVariant { get; init; }

    /// <summary>The record of <paramref name="method"/>.</summary>
    public static ComparedMethod From(MethodComparison method) => new()
    {
        Variants = method.SharedVariants,
        VariantsLeftOut = method.LeftOutVariants,
        ConfigurationsWithoutPassRates = method.Unranked,
        Configurations = method.Rows.Select(ComparedConfiguration.From).ToArray(),
        KendallW = ComparisonFile.Round(method.KendallW),
        KendallWUndefinedReason = method.UndefinedReason,
        RankingByVariant = method.Rankings.ToDictionary(r => r.Variant, r => r.Groups, StringComparer.Ordinal),
        BestUnderEveryVariant = method.BestUnderEveryVariant,
        SameBestUnderEveryVariant = method.BestUnderEveryVariant.Count > 0,
    };
}

/// <summary>One configuration of <see cref="ComparedMethod.Configurations"/> (<see cref="ConfigurationRow"/>).</summary>
internal sealed record ComparedConfiguration
{
    /// <summary>The configuration label.</summary>
    public string Configuration { get; init; } = "";

    /// <summary>The best variant's pass rate over the shared variants, or null.</summary>
    public double? MaxP { get; init; }

    /// <summary>The mean pass rate over the shared variants, or null.</summary>
    public double? AvgP { get; init; }

    /// <summary>Saturation over the shared variants, or null.</summary>
    public double? Saturation { get; init; }

    /// <summary>Combined performance score over the shared variants, or null.</summary>
    public double? Cps { get; init; }

    /// <summary>Pass rate by variant as in the run's summary, or null when it has none.</summary>
    public IReadOnlyDictionary<string, double>? VariantPassRate { get; init; }

    /// <summary>The record of <paramref name="row"/>.</summary>
    public static ComparedConfiguration From(ConfigurationRow row) => new()
    {
        Configuration = row.Configuration,
        MaxP = ComparisonFile.Round(row.Scores?.MaxP),
        AvgP = ComparisonFile.Round(row.Scores?.AvgP),
        Saturation = ComparisonFile.Round(row.Scores?.Saturation),
        Cps = ComparisonFile.Round(row.Scores?.Cps),
        VariantPassRate = row.PassRates,
    };
}
