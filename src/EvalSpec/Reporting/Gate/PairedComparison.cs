using System.Collections.Generic;

namespace EvalSpec.Reporting.Gate;

/// <summary>The baseline and the run compared on the rows they share: all of them, or one eval method's.</summary>
internal sealed record PairedComparison
{
    /// <summary>The eval method id, or null for all paired rows.</summary>
    public string? MethodId { get; init; }

    /// <summary>Rows in both the baseline and the run (judged in the run).</summary>
    public int Pairs { get; init; }

    public int BaselinePass { get; init; }

    public int RunPass { get; init; }

    /// <summary>The b of McNemar's test: rows that passed in the baseline and do not pass now (failed or inconclusive).</summary>
    public IReadOnlyList<PairedRow> PassToNotPassing { get; init; } = [];

    /// <summary>The c of McNemar's test: rows that did not pass in the baseline and pass now.</summary>
    public IReadOnlyList<PairedRow> NotPassingToPass { get; init; } = [];

    /// <summary>The exact two-sided McNemar p-value.</summary>
    public double PValue { get; init; } = 1;

    /// <summary>The p-value compared with alpha: Holm-adjusted for a method under <see cref="GateCorrection.Holm"/>, else <see cref="PValue"/>.</summary>
    public double AdjustedPValue { get; init; } = 1;

    public bool PassRateRegression { get; init; }

    /// <summary>Rows with a score in both.</summary>
    public int ScorePairs { get; init; }

    public double? BaselineMeanScore { get; init; }

    public double? RunMeanScore { get; init; }

    /// <summary>The bootstrap interval of the mean score change (run minus baseline), or null without score pairs.</summary>
    public BootstrapInterval? ScoreChange { get; init; }

    /// <summary>The two-sided sign-flip p-value of the mean score change, when the scores were tested.</summary>
    public double? ScorePValue { get; init; }

    public bool ScoreRegression { get; init; }

    /// <summary>Why the scores were not tested, when they were not.</summary>
    public string? ScoreNote { get; init; }

    public int B => PassToNotPassing.Count;

    public int C => NotPassingToPass.Count;

    public double? BaselinePassRate => Pairs == 0 ? null : (double)BaselinePass / Pairs;

    public double? RunPassRate => Pairs == 0 ? null : (double)RunPass / Pairs;

    /// <summary>Baseline pass rate minus run pass rate over the paired rows, (b - c) / pairs.</summary>
    public double PassRateDrop => Pairs == 0 ? 0 : (double)(B - C) / Pairs;
}
