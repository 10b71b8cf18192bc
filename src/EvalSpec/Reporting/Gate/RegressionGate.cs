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
/// <para>
/// Coverage: a run that has fewer rows than the baseline (a <c>--filter</c>ed run) is refused unless
/// <see cref="GateOptions.AllowPartial"/>: its rows passing says nothing about the rows it left out. A sampled run
/// (EVALSPEC_SAMPLE) is gated on its stratified estimate instead: it regresses when the whole 1 - alpha interval of its
/// estimated pass rate lies below the baseline pass rate of the rows its sample stands for (the population it was drawn
/// from, listed in summary.json) minus the minimum drop; its paired rows are shown, not tested. A sample stands only for
/// its population, so one drawn from a filtered run is refused as partial like the filtered run itself.
/// </para>
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
        RunSummaryFile.SampleSection? sampleSection = run.Summary?.Sample is { } s && s.Selected < s.Population ? s : null;
        HashSet<string>? population = sampleSection?.PopulationRows is { } listed ? new HashSet<string>(listed, StringComparer.Ordinal) : null;
        (int strata, int unsampledStrata) = (0, 0);
        if (population is not null)
        {
            // A budget below the number of strata leaves whole strata unsampled, and the estimate covers only the sampled
            // ones: it stands for their rows, not for the population's.
            (population, strata, unsampledStrata) = SampledStrata(population, run);
        }

        GateCoverage coverage = sampleSection is null
            ? new GateCoverage(baseline.Rows.Count, baseline.Rows.Count - missing.Count, Sampled: false)
            : unsampledStrata == 0
                ? SampledCoverage(baseline, sampleSection, population)
                : SampledCoverage(baseline, sampleSection, population) with { Strata = strata, UnsampledStrata = unsampledStrata };

        PairedComparison overall = Compare(null, paired, options, scoreConfidence: 1 - options.Alpha);
        IGrouping<string, PairedRow>[] byMethod = paired.GroupBy(p => p.MethodId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        PairedComparison[] methods = AdjustMethods(byMethod, options);

        var regressions = new List<GateRegression>();
        SampleComparison? sample = null;
        string? refusal = null;
        bool refusedAsPartial = coverage.IsPartial && !options.AllowPartial;
        if (refusedAsPartial)
        {
            // Sampled or not: an estimate stands only for the population it was drawn from, as a run's rows stand only for themselves.
            refusal = PartialRun(coverage);
        }

        if (sampleSection is not null)
        {
            // A sample's paired rows are too few to test, and which rows they are is a draw: gate the estimate instead.
            overall = Informational(overall);
            methods = methods.Select(Informational).ToArray();
            if (refusal is null)
            {
                (sample, refusal) = CompareSample(baseline, sampleSection, population, options);
                if (sample is { Regression: true })
                {
                    regressions.Add(new GateRegression(null, GateRegressionKind.SampledPassRate, overall) { Sample = sample });
                }
            }
        }

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
            Notes = Notes(baseline, run, paired, newRows, missing, coverage, options),
            Coverage = coverage,
            Sample = sample,
            Refusal = refusal,
            RefusedAsPartial = refusedAsPartial,
        };
    }

    /// <summary>
    /// How much of the baseline a sample stands for: the baseline rows in the population it was drawn from. A summary of
    /// an older EvalSpec gives only the population's size, an upper bound.
    /// </summary>
    private static GateCoverage SampledCoverage(Baseline baseline, RunSummaryFile.SampleSection section, HashSet<string>? population) =>
        population is null
            ? new GateCoverage(baseline.Rows.Count, Math.Min(baseline.Rows.Count, section.Population), Sampled: true) { AtMost = true }
            : new GateCoverage(baseline.Rows.Count, baseline.Rows.Keys.Count(population.Contains), Sampled: true);

    /// <summary>
    /// The rows of the strata (method x variant x relation, as <c>RowSample.StratumOf</c> draws them) of
    /// <paramref name="population"/> that have a row in the run (judged, or found not applicable: a sampled row either way), with the number of strata and of those without one.
    /// </summary>
    private static (HashSet<string> Covered, int Strata, int Unsampled) SampledStrata(HashSet<string> population, RunData run)
    {
        ILookup<string, string> byStratum = population.ToLookup(StratumOf, StringComparer.Ordinal);
        var sampled = new HashSet<string>(run.Rows.Where(r => population.Contains(r.RowId)).Select(r => StratumOf(r.RowId)), StringComparer.Ordinal);
        var covered = new HashSet<string>(byStratum.Where(g => sampled.Contains(g.Key)).SelectMany(g => g), StringComparer.Ordinal);
        return (covered, byStratum.Count, byStratum.Count(g => !sampled.Contains(g.Key)));
    }

    /// <summary>A row's stratum: its method, variant and relation (the id without its case).</summary>
    private static string StratumOf(string rowId)
    {
        string[] parts = rowId.Split('/');
        return parts.Length < 4 ? rowId : parts[0] + "|" + parts[^2] + "|" + parts[^1];
    }

    /// <summary>Why a partial run is refused, and what to do.</summary>
    private static string PartialRun(GateCoverage coverage) => coverage.UnsampledStrata > 0
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"partial run: sample left {coverage.UnsampledStrata} of {coverage.Strata} strata unsampled; raise EVALSPEC_SAMPLE to at least {coverage.Strata} or use --allow-partial. The estimate covers only the sampled strata ({coverage.Describe()}; {(coverage.AtMost ? "at least " : string.Empty)}{coverage.MissingRows} in strata with no sampled row, or outside the rows the sample was drawn from); with --allow-partial it is compared with the baseline rows of the sampled strata only.")
        : coverage.Sampled
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"partial run: {coverage.Describe()} in the population the sample was drawn from ({(coverage.AtMost ? "at least " : string.Empty)}{coverage.MissingRows} outside it, e.g. left out by `dotnet test --filter`). A sample's estimate stands only for the rows it was drawn from: sample a run of every row, or pass --allow-partial to compare the estimate with the baseline rows of its population only. If rows were removed from the suite, record the baseline again (`evalspec baseline update --replace`).")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"partial run: {coverage.Describe()} ({coverage.MissingRows} not in the run, e.g. left out by `dotnet test --filter`). A run that passes on some rows says nothing about the others: gate a run of every row, or pass --allow-partial to gate only the rows this run has. If rows were removed from the suite, record the baseline again (`evalspec baseline update --replace`).");

    /// <summary>A comparison shown for information: its regression flags cleared.</summary>
    private static PairedComparison Informational(PairedComparison comparison) =>
        comparison with { PassRateRegression = false, ScoreRegression = false };

    /// <summary>
    /// A sampled run's estimate against the baseline: the baseline pass rate over exactly the baseline rows of the
    /// population the sample was drawn from, the run's estimate and its 1 - alpha interval (estimate ± z × standard
    /// error, clamped to [0, 1]; the summary's 95% interval when it has no standard error). Refused when the summary has
    /// no estimate, or does not list its population.
    /// </summary>
    private static (SampleComparison? Sample, string? Refusal) CompareSample(Baseline baseline, RunSummaryFile.SampleSection section, HashSet<string>? population, GateOptions options)
    {
        if (section.EstimatedPassRate is not double estimate)
        {
            return (null, string.Create(
                CultureInfo.InvariantCulture,
                $"sampled run without an estimate: no row of the sample of {section.Selected} was judged (see summary.json \"sample\"). Run the sample again, or run every row."));
        }

        if (population is null)
        {
            // The methods the sample has are no stand-in: a filter by variant, case or relation leaves rows of them out.
            return (null, string.Create(
                CultureInfo.InvariantCulture,
                $"sampled run whose summary.json does not list the {section.Population} rows its sample was drawn from (\"sample\".\"populationRows\", written since EvalSpec gates samples on them; an older EvalSpec wrote this run?): the gate cannot tell which baseline rows the estimate stands for. Run the sample again."));
        }

        BaselineEntry[] recorded = baseline.Rows.Where(r => population.Contains(r.Key)).Select(r => r.Value).ToArray();
        if (recorded.Length == 0)
        {
            return (null, $"sampled run of rows the baseline does not record: is {baseline.Path} the baseline of this suite?");
        }

        double baselineRate = (double)recorded.Count(e => e.Outcome == VerdictOutcome.Pass) / recorded.Length;
        double lower, upper, confidence;
        if (section.StandardError is double error)
        {
            confidence = 1 - options.Alpha;
            double z = Statistics.StandardNormal.TwoSidedCriticalValue(confidence);
            lower = Math.Max(0, estimate - (z * error));
            upper = Math.Min(1, estimate + (z * error));
        }
        else if (section.ConfidenceInterval95 is { Length: 2 } interval)
        {
            (confidence, lower, upper) = (0.95, interval[0], interval[1]);
        }
        else
        {
            return (null, "sampled run without a confidence interval in summary.json (written by an older EvalSpec?): run the sample again.");
        }

        bool regression = upper < baselineRate - options.MinDrop;
        return (new SampleComparison(baselineRate, recorded.Length, estimate, lower, upper, confidence, section.Selected, section.Population, regression), null);
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

    private static IReadOnlyList<string> Notes(Baseline baseline, RunData run, List<PairedRow> paired, string[] newRows, List<string> missing, GateCoverage coverage, GateOptions options)
    {
        var notes = new List<string>();
        if (coverage.IsPartial && options.AllowPartial)
        {
            notes.Add(coverage.UnsampledStrata > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Partial run (--allow-partial): the sample left {coverage.UnsampledStrata} of {coverage.Strata} strata unsampled; its estimate is compared with the baseline pass rate of the rows of the sampled strata only ({coverage.Describe()}).")
                : coverage.Sampled
                ? $"Partial run (--allow-partial): the sample was drawn from {coverage.Describe()}; its estimate is compared with the baseline pass rate of those rows only."
                : $"Partial run (--allow-partial): {coverage.Describe()}; only those are compared.");
        }

        if (baseline.Version is > 0 and < Baseline.CurrentVersion && baseline.Rows.Values.Any(e => e.Outcome == VerdictOutcome.Fail))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The baseline is version {baseline.Version}: its failing rows do not record what the failure showed, so in a test run they excuse no failure. Record it again with `evalspec baseline update`."));
        }

        if (baseline.Rows.Count > 0 && paired.Count == 0)
        {
            notes.Add($"No row of the run is in the baseline: is {baseline.Path} the baseline of this suite?");
        }

        if (baseline.Version == 1)
        {
            notes.Add("The baseline is version 1 (outcomes only): scores are not compared. Record it again with `evalspec baseline update` to add them.");
        }

        if (coverage.Sampled && run.Summary?.Sample is { } sample)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The run was sampled ({sample.Selected} of {sample.Population} rows): it is gated on its estimated pass rate against the baseline's; its paired rows are shown, not tested."));
            if (sample.UnsampledPopulation is > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{sample.UnsampledPopulation} row(s) are in strata with no sampled row: the estimate says nothing about them."));
            }
        }

        if (newRows.Length > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{newRows.Length} row(s) are new since the baseline: record them with `evalspec baseline update` once reviewed."));
        }

        return notes;
    }
}
