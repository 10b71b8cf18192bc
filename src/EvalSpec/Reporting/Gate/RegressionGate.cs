using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// Compares a run with the committed baseline and fails only on a regression that is statistically meaningful for
/// the rows both have.
/// </summary>
/// <remarks>
/// <para>
/// Rows are paired by row id. A row is paired when the baseline records it and the run judged it; a relation row that
/// did not apply in the run is listed apart. Pass is passing; fail and inconclusive are both "not passing" (an
/// undecided row is no evidence that the system still works), and rows inconclusive now are listed.
/// </para>
/// <para>
/// Pass rate: the exact McNemar test on the discordant pairs, b = passed in the baseline and not now, c = the reverse.
/// A scope regresses when b &gt; c, its p-value (Holm-adjusted across methods by default) is below alpha, and the pass-rate
/// drop (b - c) / pairs is at least the minimum drop. The test runs over all paired rows and per eval method.
/// </para>
/// <para>
/// Scores: a paired bootstrap interval of the mean score change (run minus baseline) over the rows with a score in both.
/// A scope regresses when the whole interval is below minus the minimum score drop, with at least
/// <see cref="GateOptions.MinScorePairs"/> pairs. Per-method intervals widen to 1 - alpha / m (Bonferroni) by default.
/// </para>
/// <para>New rows, rows missing from the run and method-level robustness and CPS changes are reported, never failed.</para>
/// </remarks>
internal static class RegressionGate
{
    public static GateResult Evaluate(Baseline baseline, RunData run, GateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(run);
        options ??= new GateOptions();
        options.EnsureValid();

        Dictionary<string, RunRow> runRows = run.Rows.ToDictionary(r => r.RowId, StringComparer.Ordinal);
        var paired = new List<PairedRow>();
        var missing = new List<string>();
        var notApplicable = new List<string>();
        foreach ((string rowId, BaselineEntry entry) in baseline.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!runRows.TryGetValue(rowId, out RunRow? row))
            {
                missing.Add(rowId);
            }
            else if (!row.IsJudged)
            {
                notApplicable.Add(rowId);
            }
            else
            {
                // Scores are compared as the baseline records them (four decimals), so an unchanged row differs by exactly 0.
                paired.Add(new PairedRow(rowId, RowNames.MethodOf(rowId), entry.Outcome, row.Outcome, entry.Score, row.Score is double score ? Math.Round(score, 4) : null));
            }
        }

        string[] newRows = run.JudgedRows.Where(r => baseline.Find(r.RowId) is null).Select(r => r.RowId).ToArray();

        PairedComparison overall = Compare(null, paired, options, scoreConfidence: 1 - options.Alpha);
        IGrouping<string, PairedRow>[] byMethod = paired.GroupBy(p => p.MethodId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        PairedComparison[] methods = AdjustMethods(byMethod, options);

        var regressions = new List<GateRegression>();
        foreach (PairedComparison comparison in new[] { overall }.Concat(methods))
        {
            if (comparison.PassRateRegression)
            {
                regressions.Add(new GateRegression(comparison.MethodId, GateRegressionKind.PassRate, comparison));
            }

            if (comparison.ScoreRegression)
            {
                regressions.Add(new GateRegression(comparison.MethodId, GateRegressionKind.Score, comparison));
            }
        }

        return new GateResult
        {
            Options = options,
            BaselinePath = baseline.Path,
            BaselineVersion = baseline.Version,
            RunId = run.RunId,
            RunDirectory = run.Directory,
            Overall = overall,
            Methods = methods,
            NewRows = newRows,
            MissingRows = missing,
            NotApplicableRows = notApplicable,
            InconclusiveRows = paired.Where(p => p.Run == VerdictOutcome.Inconclusive).ToArray(),
            MethodChanges = MethodChanges(baseline, run),
            Regressions = regressions,
            Notes = Notes(baseline, run, paired, newRows, missing),
        };
    }

    private static PairedComparison[] AdjustMethods(IGrouping<string, PairedRow>[] byMethod, GateOptions options)
    {
        bool correct = options.Correction == GateCorrection.Holm;

        // Bonferroni over the methods whose scores can be judged at all.
        int scoreFamily = byMethod.Count(g => g.Count(HasScores) >= options.MinScorePairs);
        double scoreConfidence = 1 - (options.Alpha / (correct ? Math.Max(1, scoreFamily) : 1));
        PairedComparison[] raw = byMethod.Select(g => Compare(g.Key, g.ToArray(), options, scoreConfidence)).ToArray();
        if (!correct)
        {
            return raw;
        }

        // Holm over the methods with discordant pairs: a method with none has p = 1 and tests nothing.
        int[] tested = Enumerable.Range(0, raw.Length).Where(i => raw[i].B + raw[i].C > 0).ToArray();
        double[] adjusted = HolmCorrection.Adjust(tested.Select(i => raw[i].PValue).ToArray());
        PairedComparison[] result = raw.ToArray();
        for (int k = 0; k < tested.Length; k++)
        {
            PairedComparison method = raw[tested[k]];
            result[tested[k]] = method with
            {
                AdjustedPValue = adjusted[k],
                PassRateRegression = IsPassRateRegression(method.B, method.C, adjusted[k], method.PassRateDrop, options),
            };
        }

        return result;
    }

    private static PairedComparison Compare(string? methodId, IReadOnlyCollection<PairedRow> rows, GateOptions options, double scoreConfidence)
    {
        PairedRow[] b = rows.Where(r => r.IsPassToNotPassing).ToArray();
        PairedRow[] c = rows.Where(r => r.IsNotPassingToPass).ToArray();
        double p = McNemarTest.TwoSidedPValue(b.Length, c.Length);
        double drop = rows.Count == 0 ? 0 : (double)(b.Length - c.Length) / rows.Count;

        PairedRow[] scored = rows.Where(HasScores).ToArray();
        BootstrapInterval? interval = null;
        string? note = null;
        bool scoreRegression = false;
        double? scorePValue = null;
        if (scored.Length == 0)
        {
            note = "no row has a score in both the baseline and the run";
        }
        else
        {
            double[] differences = scored.Select(r => r.RunScore!.Value - r.BaselineScore!.Value).ToArray();
            interval = PairedBootstrap.MeanInterval(differences, scoreConfidence, options.Resamples, "evalspec-gate/" + (methodId ?? "all rows"));
            if (scored.Length < options.MinScorePairs)
            {
                note = string.Create(CultureInfo.InvariantCulture, $"only {scored.Length} paired score(s), fewer than {options.MinScorePairs}: shown, not judged");
            }
            else
            {
                // Both: the interval says how large the drop is, the sign-flip test that it is not a few rows' luck.
                scorePValue = SignFlipTest.TwoSidedPValue(differences, options.Resamples, "evalspec-gate/sign-flip/" + (methodId ?? "all rows"));
                scoreRegression = interval.Upper < -options.MinScoreDrop && scorePValue < 1 - scoreConfidence;
            }
        }

        return new PairedComparison
        {
            MethodId = methodId,
            Pairs = rows.Count,
            BaselinePass = rows.Count(r => r.Baseline == VerdictOutcome.Pass),
            RunPass = rows.Count(r => r.Run == VerdictOutcome.Pass),
            PassToNotPassing = b,
            NotPassingToPass = c,
            PValue = p,
            AdjustedPValue = p,
            PassRateRegression = IsPassRateRegression(b.Length, c.Length, p, drop, options),
            ScorePairs = scored.Length,
            BaselineMeanScore = scored.Length == 0 ? null : scored.Average(r => r.BaselineScore!.Value),
            RunMeanScore = scored.Length == 0 ? null : scored.Average(r => r.RunScore!.Value),
            ScoreChange = interval,
            ScorePValue = scorePValue,
            ScoreRegression = scoreRegression,
            ScoreNote = note,
        };
    }

    private static bool IsPassRateRegression(int b, int c, double p, double drop, GateOptions options) =>
        b > c && p < options.Alpha && drop >= options.MinDrop;

    private static bool HasScores(PairedRow row) => row.BaselineScore is not null && row.RunScore is not null;

    private static IReadOnlyList<MethodMetricChange> MethodChanges(Baseline baseline, RunData run)
    {
        RunMetrics metrics = RunMetrics.Compute(run);
        IReadOnlyDictionary<string, BaselineMethodMetrics?> now = BaselineUpdate.Metrics(metrics);
        var changes = new List<MethodMetricChange>();
        foreach (MethodStatistics method in metrics.Methods.Where(m => baseline.Methods.ContainsKey(m.MethodId)))
        {
            BaselineMethod recorded = baseline.Methods[method.MethodId];
            BaselineMethodMetrics? current = now.GetValueOrDefault(method.MethodId);
            changes.Add(new MethodMetricChange(
                method.MethodId,
                recorded.PassRate,
                method.PassRate is double rate ? Math.Round(rate, 4) : null,
                recorded.MultiPrompt?.Cps,
                current?.MultiPrompt?.Cps,
                recorded.Robustness?.AttackSuccessRate,
                current?.Robustness?.AttackSuccessRate,
                recorded.Robustness?.WeightedAttackSuccessRate,
                current?.Robustness?.WeightedAttackSuccessRate));
        }

        return changes;
    }

    private static IReadOnlyList<string> Notes(Baseline baseline, RunData run, List<PairedRow> paired, string[] newRows, List<string> missing)
    {
        var notes = new List<string>();
        if (baseline.Rows.Count > 0 && paired.Count == 0)
        {
            notes.Add($"No row of the run is in the baseline: is {baseline.Path} the baseline of this suite?");
        }

        if (baseline.Version == 1)
        {
            notes.Add("The baseline is version 1 (outcomes only): scores are not compared. Record it again with `evalspec baseline update` to add them.");
        }

        if (run.Summary?.Sample is { } sample && missing.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The run was sampled ({sample.Selected} of {sample.Population} rows): baseline rows outside the sample are not in it and are not compared."));
        }

        if (newRows.Length > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{newRows.Length} row(s) are new since the baseline: record them with `evalspec baseline update` once reviewed."));
        }

        return notes;
    }
}
