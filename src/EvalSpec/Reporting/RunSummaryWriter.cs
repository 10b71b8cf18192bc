using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvalSpec.Execution;
using EvalSpec.Reporting.Files;
using EvalSpec.Reporting.Reports;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting;

/// <summary>Writes <c>summary.json</c> at the end of a run: row counts per method, wall time, concurrency.</summary>
internal static class RunSummaryWriter
{
    public static void Write(string path, EvalRunHost run)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, SecretRedactor.Default.Redact(Summarise(run).ToJson()));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The summary of the run so far, as <c>summary.json</c> records it.</summary>
    internal static RunSummaryFile Summarise(EvalRunHost run)
    {
        EvalRunHost.RunStatistics statistics = run.Statistics;
        IReadOnlyDictionary<string, int[]> byMethod = statistics.ByMethod;
        return new RunSummaryFile
        {
            Format = RunFileFormats.Summary.Current,
            RunId = run.RunId,
            Configuration = run.Options.Configuration,
            FinishedAt = DateTimeOffset.UtcNow,
            MaxConcurrency = run.Options.MaxConcurrency,
            WallTimeMs = Math.Round(statistics.WallTime.TotalMilliseconds, 1),
            SystemUnderTestCalls = statistics.SystemUnderTestCalls,
            Rows = Totals(byMethod.Values),
            Baseline = new RunSummaryFile.BaselineSection
            {
                Path = run.Baseline.Exists || run.Options.Baseline == BaselineMode.Update ? run.Baseline.Path : null,
                Mode = Name(run.Options.Baseline),
                KnownFailures = statistics.KnownFailures,
                FixedSinceBaseline = statistics.FixedSinceBaselineCount,
                DecidedByPerson = statistics.DecidedByPersonCount,
                Update = run.BaselineUpdateResult is { } update
                    ? new RunSummaryFile.BaselineUpdateSection { Refused = update.Refused, ErroredRows = update.ErroredRows, Note = update.Note }
                    : null,
            },
            Methods = byMethod.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Totals(new[] { p.Value }), StringComparer.Ordinal),
            Judges = run.Judges.Judges.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
                p => p.Key,
                p => new RunSummaryFile.JudgeSection
                {
                    Pass = p.Value.Pass,
                    Fail = p.Value.Fail,
                    Inconclusive = p.Value.Inconclusive,
                    Errored = p.Value.Errored,
                    ModelCalls = p.Value.ModelCalls,
                    InputTokens = p.Value.InputTokens,
                    OutputTokens = p.Value.OutputTokens,
                },
                StringComparer.Ordinal),
            RowsWithJudgeErrors = statistics.RowsWithJudgeErrors,
            UnjudgedRubric = statistics.UnjudgedRubricRows == 0
                ? null
                : new RunSummaryFile.UnjudgedRubricSection { Rows = statistics.UnjudgedRubricRows, Mode = Name(run.Options.UnjudgedRubric), BuildServer = run.BuildServerVariable },
            Panels = run.Judges.Panels.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
                p => p.Key,
                p => new RunSummaryFile.PanelSection
                {
                    Quorum = QuorumOf(run, p.Key),
                    Judgements = p.Value.Judgements.Count,
                    JudgesAsked = p.Value.JudgesAsked,
                    JudgesSkipped = p.Value.JudgesSkipped,
                    Agreement = PanelAgreementSummary(p.Value.Judgements),
                },
                StringComparer.Ordinal),
            Pairwise = PairwiseBias(run.Judges.Pairwise),
            Cascades = run.Judges.Cascades.Count == 0 ? null : run.Judges.Cascades.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
                p => p.Key,
                p => new RunSummaryFile.CascadeSection
                {
                    Judged = p.Value.Judged,
                    Abstained = p.Value.Abstained,
                    Contested = p.Value.Contested,
                    Guarantee = p.Value.Guarantee,
                    ReviewQueue = run.ReviewQueue.Written == 0 ? null : run.ReviewQueue.Path,
                    Tiers = p.Value.Tiers.Select(t => new RunSummaryFile.CascadeTierSection { Tier = t.Tier, Asked = t.Asked, Decided = t.Decided, Escalated = t.Escalated, ModelCalls = t.ModelCalls }).ToList(),
                },
                StringComparer.Ordinal),
            Sample = Sample(run),
            // A sharded run (EVALSPEC_SHARD): which shard, and the population it was cut from, for `evalspec merge`.
            Shard = ShardSummary.Of(run),
            // A resumed run (EVALSPEC_RESUME): the rows taken over from before the interruption.
            Resumed = run.Resumed?.Summary(),
            Trajectories = Trajectories(TrajectoryMetrics.FromResults(run.Results.Path)),
            Snapshots = SnapshotSummary(run),
            // Counts, and "error" when the recordings of the run could not be written (the console says it too).
            Recording = RecordingSummary(run.Recording.Statistics),
            // Tokens, latency and cost per method and prompt variant (see docs/budgets.md).
            Spend = run.Spend.IsEmpty ? null : run.Spend.ToSummary().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            InputSimilarity = new RunSummaryFile.SimilaritySection { Measure = run.InputSimilarity.Measure, FallbacksToTokenF1 = run.InputSimilarity.Fallbacks },
            Robustness = RobustnessSection(run.Robustness),
            MultiPrompt = MultiPromptSection(run.MultiPrompt),
            UnreadableSuites = UnreadableSuites(run),
        };
    }

    /// <summary>The <c>unreadableSuites</c> section: eval classes whose static initializer threw; null when there are none.</summary>
    private static List<RunSummaryFile.UnreadableSuiteSection>? UnreadableSuites(EvalRunHost run)
    {
        IReadOnlyList<UnreadableSuite> unreadable = run.Descriptors.Unreadable;
        return unreadable.Count == 0
            ? null
            : unreadable.OrderBy(u => u.Suite, StringComparer.Ordinal)
                .Select(u => new RunSummaryFile.UnreadableSuiteSection { Suite = u.Suite, Error = u.Error })
                .ToList();
    }

    /// <summary>The <c>robustness</c> section: per method, over all its relations and per relation (also written by <c>evalspec merge</c>).</summary>
    internal static Dictionary<string, RunSummaryFile.MethodRobustnessSection> RobustnessSection(IReadOnlyList<MethodRobustness> robustness) => robustness.ToDictionary(
                m => m.Method,
                m => new RunSummaryFile.MethodRobustnessSection
                {
                    Overall = Robustness(m.Overall),
                    Relations = m.Relations.ToDictionary(r => r.Relation, Robustness, StringComparer.Ordinal),
                },
                StringComparer.Ordinal);

    /// <summary>The <c>multiPrompt</c> section: per method with two or more prompt variants (also written by <c>evalspec merge</c>).</summary>
    internal static Dictionary<string, RunSummaryFile.MultiPromptSection> MultiPromptSection(IReadOnlyList<MethodMultiPrompt> multiPrompt) => multiPrompt.ToDictionary(
                m => m.Method,
                m => new RunSummaryFile.MultiPromptSection
                {
                    Variants = m.Variants.ToList(),
                    CasesUsed = m.CasesUsed,
                    Cases = m.Cases,
                    VariantPassRate = m.Scores is null ? null : m.Variants.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => Math.Round(m.Scores.VariantPerformance[p.i], 4), StringComparer.Ordinal),
                    MaxP = Round(m.Scores?.MaxP),
                    AvgP = Round(m.Scores?.AvgP),
                    Saturation = Round(m.Scores?.Saturation),
                    Cps = Round(m.Scores?.Cps),
                    PerCase = m.PerCase.ToDictionary(
                        c => c.Case,
                        c => new RunSummaryFile.CaseSection
                        {
                            PassingVariants = c.PassingVariants.ToList(),
                            MaxP = c.Scores.MaxP,
                            AvgP = Math.Round(c.Scores.AvgP, 4),
                            Saturation = Math.Round(c.Scores.Saturation, 4),
                            Cps = Math.Round(c.Scores.Cps, 4),
                        },
                        StringComparer.Ordinal),
                },
                StringComparer.Ordinal);

    /// <summary>An enum value as the summary has always written it (camelCase, as System.Text.Json's string enum converter did).</summary>
    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static RunSummaryFile.RecordingSection RecordingSummary(EvalSpec.Recording.RecordingStatistics r) => new()
    {
        Mode = Name(r.Mode),
        Directory = r.Directory,
        Replayed = r.Replayed,
        Recorded = r.Recorded,
        Live = r.Live,
        Misses = r.Misses,
        Removed = r.Removed,
        FilesWritten = r.FilesWritten,
        Error = r.Error,
        ModelCalls = r.ModelCalls,
        Failed = r.Failed,
        LegacyKeyReplayed = r.LegacyKeyReplayed,
        Unusable = r.Unusable,
        Added = r.Added,
        Replaced = r.Replaced,
        Kept = r.Kept,
        RowsKept = r.RowsKept,
        NothingRemoved = r.NothingRemoved,
        Recovered = r.Recovered,
        NotRecovered = r.NotRecovered,
        NotRecoveredReason = r.NotRecoveredReason,
        WriteMilliseconds = r.WriteMilliseconds,
        TakenOverModes = r.TakenOverModes,
    };

    /// <summary>
    /// The one line of the summary shown in the default console output of <c>dotnet test</c>: row counts, and what must
    /// not go unseen (judges that errored or could not be read, rubrics nobody checked).
    /// </summary>
    public static string Headline(EvalRunHost run)
    {
        EvalRunHost.RunStatistics statistics = run.Statistics;
        int[][] all = statistics.ByMethod.Values.ToArray();
        int pass = all.Sum(c => c[0]);
        int fail = all.Sum(c => c[1]);
        int inconclusive = all.Sum(c => c[2]);
        int notApplicable = all.Sum(c => c[3]);
        string known = statistics.KnownFailures == 0 ? string.Empty : $" ({statistics.KnownFailures} known, skipped)";
        string skipped = notApplicable == 0 ? string.Empty : $", {notApplicable} not applicable";
        var text = new System.Text.StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"EvalSpec run {run.RunId}: {pass + fail + inconclusive + notApplicable} rows, {pass} passed, {fail} failed{known}, {inconclusive} inconclusive{skipped}.");
        if (statistics.RowsWithJudgeErrors > 0)
        {
            IEnumerable<string> judges = run.Judges.Judges.Where(j => j.Value.Errored > 0).OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => $"{j.Key} {j.Value.Errored}");
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" Judges errored or unreadable on {statistics.RowsWithJudgeErrors} row(s) ({string.Join(", ", judges)}).");
        }

        if (run.BaselineUpdateResult is { } baselineUpdate)
        {
            text.Append(' ').Append(baselineUpdate.Note);
        }

        // Abstentions are rows nobody decided: they must be seen, with where to label them.
        foreach (KeyValuePair<string, JudgeStatistics.CascadeCounts> cascade in run.Judges.Cascades.Where(c => c.Value.Abstained > 0).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" Cascade {cascade.Key} abstained on {cascade.Value.Abstained} of {cascade.Value.Judged} row(s) (inconclusive; label them from {Judging.ReviewQueue.FileName} with `evalspec review`).");
        }

        if (statistics.DecidedByPersonCount > 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" {statistics.DecidedByPersonCount} row(s) decided by a person (a verdict pinned in the baseline for the same output; the rubric judges were not asked).");
        }

        if (statistics.UnjudgedRubricRows > 0)
        {
            bool inconclusiveRows = Execution.UnjudgedRubric.Check(run.Options.UnjudgedRubric, run.BuildServerVariable) is not null;
            string consequence = inconclusiveRows ? "inconclusive" : "decided by their other checks";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" {Capitalised(Execution.UnjudgedRubric.Reason(run.RubricPanel))} ({statistics.UnjudgedRubricRows} row(s), {consequence}).");
        }

        return text.ToString();
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The quorum of one of the run's own panels, by name; null for other panels (judges used inside eval methods).</summary>
    private static int? QuorumOf(EvalRunHost run, string panel) => panel switch
    {
        "rubric" => run.RubricPanel?.Quorum,
        "invariance" => run.InvariancePanel.Quorum,
        "change" => run.ChangePanel.Quorum,
        _ => null,
    };

    /// <summary>Per multi-judge panel: its judges, quorum and how much they agreed (Fleiss' kappa, Krippendorff's alpha, each pair).</summary>
    private static string DescribePanels(EvalRunHost run)
    {
        var text = new System.Text.StringBuilder();
        foreach (KeyValuePair<string, JudgeStatistics.PanelRecord> panel in run.Judges.Panels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            IReadOnlyList<IReadOnlyList<Judging.Verdict>> judgements = panel.Value.Judgements;
            if (judgements.All(j => j.Count < 2))
            {
                continue;
            }

            var agreement = Judging.PanelAgreement.Compute(judgements);
            IReadOnlyList<string> judges = agreement.Judges;
            string quorum = QuorumOf(run, panel.Key) is int q ? $", quorum {q}" : string.Empty;
            string pairs = string.Join(", ", agreement.Pairs.Select(p => string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{p.FirstJudge}/{p.SecondJudge} {Percent(p.ObservedAgreement)} (Cohen's kappa {Number(p.CohensKappa)})")));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n  Panel {panel.Key}: {judges.Count} judges ({string.Join(", ", judges)}){quorum}, {judgements.Count} verdicts; agreement: Fleiss' kappa {Number(agreement.FleissKappa.Value)}, Krippendorff's alpha {Number(agreement.KrippendorffAlpha.Value)}; pairs agree {pairs}");
        }

        return text.ToString();
    }

    /// <summary>Per cascade: rows decided by each tier, escalations, abstentions (inconclusive, in review.jsonl), calls per tier, the guarantee.</summary>
    internal static string DescribeCascades(EvalRunHost run)
    {
        var text = new System.Text.StringBuilder();
        foreach (KeyValuePair<string, JudgeStatistics.CascadeCounts> cascade in run.Judges.Cascades.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            JudgeStatistics.CascadeCounts c = cascade.Value;
            string tiers = string.Join("; ", c.Tiers.Select(t => string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{t.Tier}: asked {t.Asked}, decided {t.Decided}, escalated {t.Escalated}, {t.ModelCalls} model call(s)")));
            string review = run.ReviewQueue.Written == 0 ? string.Empty : $"; {run.ReviewQueue.Written} row(s) to review in {run.ReviewQueue.Path}";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n  Cascade {cascade.Key}: {c.Judged} row(s), {c.Abstained} abstained (inconclusive), {c.Contested} contested; {tiers}; guarantee: {c.Guarantee}{review}");
        }

        return text.ToString();
    }

    private static string Number(double? value) => value is double v && !double.IsNaN(v) ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    private static string Percent(double? value) => value is double v && !double.IsNaN(v) ? v.ToString("0%", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A few lines for the console: counts, known failures, and where the results are.</summary>
    public static string Describe(EvalRunHost run)
    {
        EvalRunHost.RunStatistics statistics = run.Statistics;
        int[][] all = statistics.ByMethod.Values.ToArray();
        int pass = all.Sum(c => c[0]);
        int fail = all.Sum(c => c[1]);
        int inconclusive = all.Sum(c => c[2]);
        int notApplicable = all.Sum(c => c[3]);
        string skipped = notApplicable == 0 ? string.Empty : $", {notApplicable} not applicable (skipped)";
        string known = statistics.KnownFailures == 0 ? string.Empty : $" ({statistics.KnownFailures} known from the baseline, reported as skipped)";
        int errored = run.Judges.Judges.Values.Sum(j => j.Errored);
        string judgeErrors = errored == 0 ? string.Empty : $"\n  {errored} judge verdict(s) errored: " + string.Join(", ", run.Judges.Judges.Where(j => j.Value.Errored > 0).Select(j => $"{j.Key} {j.Value.Errored}"));
        string fixedRows = statistics.FixedSinceBaselineCount == 0 ? string.Empty : $"\n  {statistics.FixedSinceBaselineCount} row(s) recorded as failing in the baseline now pass: record it again with EVALSPEC_BASELINE=update.";
        string metrics = string.Concat(SuiteMetrics.Describe(run.Robustness, run.MultiPrompt, run.InputSimilarity.Measure).Select(line => "\n  " + line));
        string unjudged = statistics.UnjudgedRubricRows == 0 ? string.Empty : $"\n  {Execution.UnjudgedRubric.Reason(run.RubricPanel)}: {statistics.UnjudgedRubricRows} row(s) of evals with a Rubric; register a judge that reads rubrics (a RubricJudge, setup.AddRubricJudge) to check them.";
        string panels = DescribePanels(run) + DescribeCascades(run);
        string agents = TrajectoryMetrics.Describe(TrajectoryMetrics.FromResults(run.Results.Path)) is { } agentLine ? "\n  " + agentLine : string.Empty;
        string sample = run.Sample is null
            ? string.Empty
            : $"\n  Sample: {run.OutsideSample} row(s) outside the sample of {run.Sample.Selected} (of {run.Sample.Population}) skipped; " + (run.SampleEstimate()?.ToString() ?? "no sampled row was judged")
                + (run.JudgedOutsidePopulation == 0 ? string.Empty : $"; {run.JudgedOutsidePopulation} row(s) not recognised when the sample was drawn were judged as well");
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"EvalSpec run {run.RunId}: {pass + fail + inconclusive + notApplicable} rows, {pass} passed, {fail} failed{known}, {inconclusive} inconclusive{skipped}; {statistics.SystemUnderTestCalls} eval method calls, at most {run.Options.MaxConcurrency} at once, {statistics.WallTime.TotalSeconds:0.0} s.{judgeErrors}{unjudged}{panels}{fixedRows}{metrics}{agents}{DescribeSnapshots(run)}{DescribeRecording(run)}{sample}{(run.BaselineUpdateResult is { } baselineUpdate ? "\n  " + baselineUpdate.Note : string.Empty)}\n  Results: {run.RunDirectory}");
    }

    /// <summary>Per method with agent rows: calls per row, failed and repeated calls, steps; null without agent rows.</summary>
    internal static Dictionary<string, RunSummaryFile.TrajectorySection>? Trajectories(IReadOnlyList<TrajectoryMetrics> metrics) => metrics.Count == 0
        ? null
        : metrics.ToDictionary(
            m => m.Method,
            m => new RunSummaryFile.TrajectorySection
            {
                Rows = m.Rows,
                ToolCalls = m.ToolCalls,
                CallsPerRow = m.CallsPerRow,
                MaxCallsPerRow = m.MaxCallsPerRow,
                FailedCalls = m.FailedCalls,
                RepeatedCalls = m.RepeatedCalls,
                Steps = m.Steps,
                StepsPerRow = m.StepsPerRow,
            },
            StringComparer.Ordinal);

    private static RunSummaryFile.RelationRobustnessSection Robustness(RelationRobustness r) => new()
    {
        Kind = r.Kind?.ToString().ToLowerInvariant(),
        Rows = r.Rows,
        NotApplicable = r.NotApplicable,
        Inconclusive = r.Inconclusive,
        Judged = r.Success.ApplicableRows,
        Violated = r.Success.ViolatedRows,
        AttackSuccessRate = Round(r.Success.Rate),
        WeightedAttackSuccessRate = Round(r.WeightedRate),
    };

    /// <summary>What the snapshots did, and verified files no row owns any more; null without [Snapshot] evals.</summary>
    private static RunSummaryFile.SnapshotSection? SnapshotSummary(EvalRunHost run)
    {
        SnapshotStatistics counts = run.SnapshotCounts;
        IReadOnlyList<string> dangling = run.DanglingSnapshots;
        if (counts.Total == 0 && dangling.Count == 0)
        {
            return null;
        }

        return new RunSummaryFile.SnapshotSection
        {
            Matched = counts.Matched,
            MatchedByMeaning = counts.MatchedByMeaning,
            Accepted = counts.Accepted,
            Missing = counts.Missing,
            Mismatched = counts.Mismatched,
            Invalid = counts.Invalid,
            Dangling = dangling.Select(f => Path.GetRelativePath(run.ProjectDirectory, f).Replace('\\', '/')).ToArray(),
        };
    }

    private static string DescribeRecording(EvalRunHost run) => DescribeRecording(run.Recording.Statistics);

    /// <summary>The summary's lines on model calls and what the run did to the recordings files (empty when nothing happened).</summary>
    internal static string DescribeRecording(Recording.RecordingStatistics recording)
    {
        bool changed = recording.Added + recording.Replaced + recording.Removed + recording.Kept + recording.Recovered + recording.RowsKept + recording.NotRecovered > 0;
        string calls = recording.Replayed + recording.Recorded + recording.Live + recording.Misses + recording.Failed == 0 && !changed
            ? string.Empty
            : $"\n  Model calls ({recording.Mode.ToString().ToLowerInvariant()}{(recording.TakenOverModes is { Count: > 0 } modes ? "; " + string.Join(", ", modes) + " in rows taken over from the run resumed" : string.Empty)}): {recording.Replayed} replayed, {recording.Recorded} recorded, {recording.Live} live, {recording.Misses} missing from the recordings in {recording.Directory}"
                + (recording.Failed == 0 ? string.Empty : $", {recording.Failed} failed")
                + (recording.Unusable == 0 ? string.Empty : $", {recording.Unusable} unusable (auto mode calls them again)")
                + (recording.Mode is Recording.RecordingMode.Record or Recording.RecordingMode.Auto || changed
                    ? $"; entries {recording.Added} added, {recording.Replaced} replaced, {recording.Removed} removed" + (recording.Kept == 0 ? string.Empty : $", {recording.Kept} kept over unusable new answers")
                        + (recording.RowsKept == 0 ? string.Empty : $", all entries of {recording.RowsKept} row(s) kept because they failed before their end")
                    : string.Empty)
                + (recording.Recovered == 0 ? string.Empty : $"; {recording.Recovered} answer(s) of an interrupted run recovered from its journal")
                + (recording.NotRecovered == 0 ? string.Empty : $"; {recording.NotRecovered} answer(s) of an interrupted run NOT written over newer entries");
        if (recording.LegacyKeyReplayed > 0)
        {
            calls += $"\n  Recordings: {recording.LegacyKeyReplayed} call(s) replayed from entries keyed before tool call ids were numbered (recorded by an older EvalSpec); they are kept as they are, and EVALSPEC_RECORDING=record writes them again under today's keys";
        }

        if (recording.NothingRemoved is { } nothingRemoved)
        {
            calls += "\n  Recordings: " + nothingRemoved;
        }

        if (recording.NotRecoveredReason is { } notRecovered)
        {
            calls += "\n  Recordings: " + notRecovered.ReplaceLineEndings("\n  Recordings: ");
        }

        return recording.Error is null
            ? calls
            : calls + "\n  Recordings NOT saved: " + recording.Error.ReplaceLineEndings("\n    ");
    }

    private static string DescribeSnapshots(EvalRunHost run)
    {
        SnapshotStatistics counts = run.SnapshotCounts;
        IReadOnlyList<string> dangling = run.DanglingSnapshots;
        if (counts.Total == 0 && dangling.Count == 0)
        {
            return string.Empty;
        }

        string byMeaning = counts.MatchedByMeaning == 0 ? string.Empty : $" ({counts.MatchedByMeaning} by meaning)";
        string orphans = dangling.Count == 0
            ? string.Empty
            : $"; {dangling.Count} verified file(s) belong to no row any more (delete them): " + string.Join(", ", dangling.Select(f => Path.GetRelativePath(run.ProjectDirectory, f).Replace('\\', '/')));
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"\n  Snapshots: {counts.Matched} matched{byMeaning}, {counts.Accepted} accepted, {counts.Missing} missing, {counts.Mismatched} changed, {counts.Invalid} unreadable{orphans}");
    }

    /// <summary>A sampled run: its size and the estimated pass rate of all the rows it stands for.</summary>
    private static RunSummaryFile.SampleSection? Sample(EvalRunHost run)
    {
        if (run.Sample is not { } sample)
        {
            return null;
        }

        Statistics.PassRateEstimate? estimate = run.SampleEstimate();
        return new RunSummaryFile.SampleSection
        {
            Budget = sample.Budget,
            Population = sample.Population,
            Selected = sample.Selected,
            SkippedOutsideSample = run.OutsideSample,
            JudgedOutsidePopulation = run.JudgedOutsidePopulation,
            EstimatedPassRate = estimate is null ? null : Math.Round(estimate.PassRate, 4),
            StandardError = estimate is null ? null : Math.Round(estimate.StandardError, 4),
            ConfidenceInterval95 = estimate is null ? null : new[] { Math.Round(estimate.Interval.Lower, 4), Math.Round(estimate.Interval.Upper, 4) },
            Judged = estimate?.Sampled,
            UnsampledPopulation = estimate?.UnsampledPopulation,
            // The gate compares the estimate with exactly these rows of the baseline, and refuses a sample whose
            // population leaves baseline rows out (a filtered run), as it refuses an unsampled filtered run.
            PopulationRows = sample.PopulationRowIds.ToArray(),
        };
    }

    /// <summary>
    /// Position and verbosity bias of pairwise judges (MT-Bench): how often both orders agreed, and how often a
    /// readable choice went to the output shown first, or to the longer output.
    /// </summary>
    internal static RunSummaryFile.PairwiseSection? PairwiseBias(IReadOnlyList<Judging.PairwiseComparison> comparisons)
    {
        if (comparisons.Count == 0)
        {
            return null;
        }

        int readable = comparisons.Sum(c => c.ReadableOrders);
        int withLength = comparisons.Where(c => c.ChoseLonger is not null).Sum(c => c.ReadableOrders);
        return new RunSummaryFile.PairwiseSection
        {
            Comparisons = comparisons.Count,
            // Among comparisons where both orders answered (a tie is an answer; an error or unreadable reply is not).
            PositionConsistency = Ratio(comparisons.Count(c => c.IsConsistent), comparisons.Count(c => c.CandidateFirst != Judging.PairwiseChoice.None && c.ReferenceFirst != Judging.PairwiseChoice.None)),
            PreferredFirstShown = Ratio(comparisons.Sum(c => c.ChoseFirstShown), readable),
            PreferredLonger = Ratio(comparisons.Sum(c => c.ChoseLonger ?? 0), withLength),
        };
    }

    /// <summary>Cohen's kappa per judge pair, Fleiss' kappa and Krippendorff's alpha, for panels of two or more judges.</summary>
    internal static RunSummaryFile.AgreementSection? PanelAgreementSummary(IReadOnlyList<IReadOnlyList<Judging.Verdict>> judgements)
    {
        if (judgements.All(j => j.Count < 2))
        {
            return null;
        }

        var agreement = Judging.PanelAgreement.Compute(judgements);
        return new RunSummaryFile.AgreementSection
        {
            Items = agreement.Items,
            FleissKappa = Round(agreement.FleissKappa.Value),
            FleissItemsUsed = agreement.FleissKappa.ItemsUsed,
            KrippendorffAlpha = Round(agreement.KrippendorffAlpha.Value),
            KrippendorffItemsUsed = agreement.KrippendorffAlpha.ItemsUsed,
            Pairs = agreement.Pairs.Select(p => new RunSummaryFile.AgreementPair
            {
                Judges = p.FirstJudge + " / " + p.SecondJudge,
                CohensKappa = Round(p.CohensKappa),
                ObservedAgreement = Round(p.ObservedAgreement),
                ItemsUsed = p.ItemsUsed,
            }).ToList(),
        };
    }

    private static double? Round(double? value) => value is double v ? Math.Round(v, 4) : null;

    private static double? Ratio(int count, int total) => total == 0 ? null : Math.Round((double)count / total, 4);

    internal static RunSummaryFile.RowCounts Totals(IEnumerable<int[]> counts)
    {
        int[][] all = counts.ToArray();
        int pass = all.Sum(c => c[0]);
        int fail = all.Sum(c => c[1]);
        int inconclusive = all.Sum(c => c[2]);
        int notApplicable = all.Sum(c => c[3]);
        return new RunSummaryFile.RowCounts { Total = pass + fail + inconclusive + notApplicable, Pass = pass, Fail = fail, Inconclusive = inconclusive, NotApplicable = notApplicable };
    }
}
