using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvalSpec.Reporting.Gate;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// The run summary for a pull request (<c>report.md</c>, and <c>$GITHUB_STEP_SUMMARY</c>): outcome counts, new
/// failures, regressions against the baseline, pass rates by method, prompt variant and relation, multi-prompt
/// metrics, judges with tokens and cost, and judge agreement. Long lists are cut to a readable length; the HTML report
/// and <c>results.jsonl</c> have everything.
/// </summary>
internal static class MarkdownReport
{
    private const int ListedRows = 25;
    private const int ReasonLength = 200;

    public static string Render(RunReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        Headline(md, report);
        Failures(md, report);
        Regressions(md, report);
        Methods(md, report);
        AgentRows(md, report);
        Variants(md, report);
        MultiPrompt(md, report);
        Relations(md, report);
        Judges(md, report);
        Spend(md, report);
        Agreement(md, report);
        Cascades(md, report);
        Extras(md, report);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Headline(StringBuilder md, RunReportModel report)
    {
        RunSummaryFile? summary = report.Summary;
        string suites = string.Join(", ", report.Run.Rows.Select(r => r.Suite.Split('.')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        string configuration = string.IsNullOrWhiteSpace(summary?.Configuration) ? string.Empty : $", configuration `{summary.Configuration}`";
        md.Append($"## EvalSpec: {(suites.Length == 0 ? "no rows" : suites)} (run `{report.Run.RunId}`{configuration})\n\n");

        string known = report.KnownFailures == 0 ? string.Empty : $" ({report.KnownFailures} known from the baseline)";
        md.Append(string.Create(CultureInfo.InvariantCulture, $"**{report.Rows} rows: {report.Pass} passed, {report.Fail} failed{known}, {report.Inconclusive} inconclusive, {report.NotApplicable} not applicable**"));
        if (summary?.SystemUnderTestCalls is int calls)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $" · {calls} eval method calls"));
        }

        if (summary?.WallTimeMs is double wall)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $" · {wall / 1000:0.0} s"));
        }

        if (report.TotalCost is double cost)
        {
            md.Append($" · judges {ReportFormat.Dollars(cost)}");
        }

        md.Append("\n\n");
        if (report.Gate is { } gate)
        {
            md.Append(gate.Passed ? "✅ " : gate.RefusedAsPartial ? "ℹ️ " : "❌ ").Append(GateText.ReportHeadline(gate)).Append("\n\n");
        }
        else if (report.BaselineNote is { } note)
        {
            md.Append("Baseline: ").Append(note).Append("\n\n");
        }

        if (summary is null)
        {
            md.Append("_This run has no summary.json (it did not finish): judge agreement, multi-prompt metrics over declared cases and timings are missing._\n\n");
        }
    }

    private static void Failures(StringBuilder md, RunReportModel report)
    {
        RowList(md, "New failures", "Failed rows that the baseline does not excuse.", report.NewFailures);
        RowList(md, "Inconclusive rows", "Rows that could not be decided (a judge errored or abstained, a panel tied or missed its quorum); they fail their test.", report.InconclusiveRows);
    }

    private static void RowList(StringBuilder md, string title, string explanation, IReadOnlyList<RunRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        md.Append(string.Create(CultureInfo.InvariantCulture, $"### {title} ({rows.Count})\n\n{explanation}\n\n"));
        var table = new MarkdownTable("Row", "Reason");
        foreach (RunRow row in rows.Take(ListedRows))
        {
            table.Add(row.DisplayName, MarkdownTable.Truncate(row.BaselineReason ?? row.Reason ?? string.Empty, ReasonLength));
        }

        table.WriteTo(md);
        More(md, rows.Count);
    }

    private static void Regressions(StringBuilder md, RunReportModel report)
    {
        if (report.Gate is not { } gate)
        {
            return;
        }

        md.Append("### Compared with the baseline\n\n");
        foreach (GateRegression regression in gate.Regressions)
        {
            md.Append("- **").Append(GateText.Describe(regression, gate.Options)).Append("**\n");
        }

        if (gate.Regressions.Count > 0)
        {
            md.Append('\n');
        }

        var table = new MarkdownTable("Scope", "Paired>", "Pass rate (baseline → run)", "Stopped passing>", "Started passing>", "McNemar p>", "Score change [interval]", "Verdict");
        foreach (PairedComparison c in new[] { gate.Overall }.Concat(gate.Methods).Where(c => c.Pairs > 0))
        {
            string p = c.MethodId is not null && gate.Options.Correction == GateCorrection.Holm && c.B + c.C > 0
                ? $"{ReportFormat.PValue(c.PValue)} (Holm {ReportFormat.PValue(c.AdjustedPValue)})"
                : ReportFormat.PValue(c.PValue);
            string score = c.ScoreChange is { } i
                ? ReportFormat.Interval(i.Mean, i.Lower, i.Upper) + (c.ScoreNote is null ? string.Empty : " ¹")
                : ReportFormat.None;
            string verdict = c.PassRateRegression || c.ScoreRegression
                ? "❌ " + string.Join(" and ", new[] { c.PassRateRegression ? "pass rate" : null, c.ScoreRegression ? "score" : null }.OfType<string>())
                : "ok";
            table.Add(
                c.MethodId is null ? "**all rows**" : RowNames.ShortMethod(c.MethodId),
                c.Pairs.ToString(CultureInfo.InvariantCulture),
                $"{ReportFormat.Rate(c.BaselinePassRate)} → {ReportFormat.Rate(c.RunPassRate)}",
                c.B.ToString(CultureInfo.InvariantCulture),
                c.C.ToString(CultureInfo.InvariantCulture),
                p,
                score,
                verdict);
        }

        table.WriteTo(md);
        if (gate.Overall.ScoreChange is { } overall)
        {
            md.Append(string.Create(
                CultureInfo.InvariantCulture,
                $"Score change = run minus baseline, mean over rows scored in both, with its {ReportFormat.Confidence(overall.Confidence)} paired bootstrap interval ({ReportFormat.Count(overall.Resamples)} resamples; per method {(gate.Options.Correction == GateCorrection.Holm ? "Bonferroni-widened" : "at the same level")}). A regression needs p < {gate.Options.Alpha} with a drop of at least {gate.Options.MinDrop}, or an interval entirely below -{gate.Options.MinScoreDrop}."));
            if (new[] { gate.Overall }.Concat(gate.Methods).Any(c => c.ScoreNote is not null && c.ScoreChange is not null))
            {
                md.Append(string.Create(CultureInfo.InvariantCulture, $" ¹ fewer than {gate.Options.MinScorePairs} scored pairs: shown, not judged."));
            }

            md.Append("\n\n");
        }

        PairedRow[] stopped = gate.Overall.PassToNotPassing.ToArray();
        PairedRow[] started = gate.Overall.NotPassingToPass.ToArray();
        Details(md, $"Stopped passing ({stopped.Length})", stopped.Select(GateText.Row));
        Details(md, $"Started passing ({started.Length})", started.Select(GateText.Row));
        Details(md, $"New rows, not in the baseline ({gate.NewRows.Count})", gate.NewRows.Select(id => $"{RowNames.Display(id)} ({id})"));
        Details(md, $"Baseline rows not in this run ({gate.MissingRows.Count})", gate.MissingRows.Select(id => $"{RowNames.Display(id)} ({id})"));
        Details(md, $"Baseline rows not applicable in this run ({gate.NotApplicableRows.Count})", gate.NotApplicableRows.Select(id => $"{RowNames.Display(id)} ({id})"));

        MethodMetricChange[] changes = gate.MethodChanges.Where(c => c.HasChanged).ToArray();
        if (changes.Length > 0)
        {
            md.Append("Method metrics that changed (informational):\n\n");
            var metrics = new MarkdownTable("Method", "Pass rate", "CPS", "Attack success", "Weighted attack success");
            foreach (MethodMetricChange change in changes)
            {
                metrics.Add(
                    RowNames.ShortMethod(change.MethodId),
                    ReportFormat.Transition(change.BaselinePassRate, change.RunPassRate),
                    ReportFormat.Transition(change.BaselineCps, change.RunCps),
                    ReportFormat.Transition(change.BaselineAttackSuccessRate, change.RunAttackSuccessRate),
                    ReportFormat.Transition(change.BaselineWeightedAttackSuccessRate, change.RunWeightedAttackSuccessRate));
            }

            metrics.WriteTo(md);
        }

        foreach (string note in gate.Notes)
        {
            md.Append("_").Append(note).Append("_\n");
        }

        if (gate.Notes.Count > 0)
        {
            md.Append('\n');
        }
    }

    private static void Details(StringBuilder md, string summary, IEnumerable<string> lines)
    {
        string[] all = lines.ToArray();
        if (all.Length == 0)
        {
            return;
        }

        md.Append("<details><summary>").Append(summary).Append("</summary>\n\n");
        foreach (string line in all.Take(ListedRows * 4))
        {
            md.Append("- ").Append(MarkdownTable.Escape(line)).Append('\n');
        }

        if (all.Length > ListedRows * 4)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $"- … and {all.Length - (ListedRows * 4)} more\n"));
        }

        md.Append("\n</details>\n\n");
    }

    private static void Methods(StringBuilder md, RunReportModel report)
    {
        if (report.Metrics.Methods.Count == 0)
        {
            return;
        }

        md.Append("### Pass rates by method\n\n");
        var table = new MarkdownTable("Method", "Judged>", "Pass>", "Fail>", "Known failures>", "Inconclusive>", "Not applicable>", "Pass rate>", "Mean score>");
        foreach (MethodStatistics m in report.Metrics.Methods)
        {
            table.Add(
                RowNames.ShortMethod(m.MethodId),
                Number(m.Judged),
                Number(m.Pass),
                Number(m.Fail),
                Number(m.KnownFailures),
                Number(m.Inconclusive),
                Number(m.NotApplicable),
                ReportFormat.Rate(m.PassRate),
                ReportFormat.Rate(m.MeanScore));
        }

        table.WriteTo(md);
        md.Append("Pass rate = passed / judged rows (inconclusive rows count as not passing). Row score: the mean of its checks' scores, the share of passing trials, or 1/0 by outcome when no check scores.\n\n");
    }

    private static void AgentRows(StringBuilder md, RunReportModel report)
    {
        IReadOnlyList<TrajectoryMetrics> metrics = TrajectoryMetrics.Compute(report.Run.Rows);
        if (metrics.Count == 0)
        {
            return;
        }

        md.Append("### Agent rows\n\nRows whose eval method returned a tool-calling run (a `ChatResponse` or its messages).\n\n");
        var table = new MarkdownTable("Method", "Rows>", "Tool calls>", "Calls per row>", "Most in a row>", "Failed calls>", "Repeated calls>", "Steps per row>");
        foreach (TrajectoryMetrics m in metrics)
        {
            table.Add(
                RowNames.ShortMethod(m.Method),
                Number(m.Rows),
                Number(m.ToolCalls),
                m.CallsPerRow.ToString(CultureInfo.InvariantCulture),
                Number(m.MaxCallsPerRow),
                Number(m.FailedCalls),
                Number(m.RepeatedCalls),
                m.StepsPerRow.ToString(CultureInfo.InvariantCulture));
        }

        table.WriteTo(md);
        md.Append("Repeated: a call with the same tool and the same arguments as an earlier call of the row. Failed: the tool threw, its arguments could not be read, or the run has no result for it.\n\n");

        // The calls of the rows a reviewer must look at: those that failed or could not be decided.
        IEnumerable<RunRow> undecided = report.NewFailures.Concat(report.InconclusiveRows).Where(r => r.Trajectory is not null);
        Details(md, "Tool calls of failing and inconclusive agent rows", undecided.Select(r => r.DisplayName + ": " + ToolCalls(r)));
    }

    private static string ToolCalls(RunRow row)
    {
        IReadOnlyList<RunRowDetails.ToolCallDetails> calls = row.Details?.ToolCalls ?? Array.Empty<RunRowDetails.ToolCallDetails>();
        if (calls.Count == 0)
        {
            return "no tool calls";
        }

        static string Short(string? text) => MarkdownTable.Truncate((text ?? string.Empty).ReplaceLineEndings(" "), 120);
        return string.Join("; ", calls.Select(c => $"{c.CallId} {c.Name}({Short(c.Arguments)}) -> {Short(c.Result ?? "(no result)")}"));
    }

    private static void Variants(StringBuilder md, RunReportModel report)
    {
        VariantStatistics[] variants = report.Metrics.Variants.ToArray();
        if (variants.Length == 0)
        {
            return;
        }

        md.Append("### Pass rates by prompt variant\n\nIdentity rows only: the wording alone, no relation applied.\n\n");
        var table = new MarkdownTable("Method", "Variant", "Rows>", "Pass>", "Inconclusive>", "Pass rate>", "Mean score>");
        foreach (VariantStatistics v in variants)
        {
            table.Add(RowNames.ShortMethod(v.MethodId), v.Variant, Number(v.Judged), Number(v.Pass), Number(v.Inconclusive), ReportFormat.Rate(v.PassRate), ReportFormat.Rate(v.MeanScore));
        }

        table.WriteTo(md);
    }

    private static void MultiPrompt(StringBuilder md, RunReportModel report)
    {
        if (report.Metrics.MultiPrompt.Count == 0)
        {
            return;
        }

        md.Append("### Multi-prompt metrics\n\nOver the cases decided under every variant (Mizrahi et al. 2024): CPS = (1 - (MaxP - AvgP)) × MaxP.\n\n");
        var table = new MarkdownTable("Method", "Variants>", "Cases used>", "MaxP>", "AvgP>", "Saturation>", "CPS>", "Pass under some wordings only");
        foreach (MultiPromptStatistics m in report.Metrics.MultiPrompt)
        {
            table.Add(
                RowNames.ShortMethod(m.MethodId),
                Number(m.Variants.Count),
                string.Create(CultureInfo.InvariantCulture, $"{m.CasesUsed}/{m.Cases}"),
                ReportFormat.Rate(m.MaxP),
                ReportFormat.Rate(m.AvgP),
                ReportFormat.Rate(m.Saturation),
                ReportFormat.Rate(m.Cps),
                m.PartlyPassingCases.Count == 0 ? ReportFormat.None : string.Join(", ", m.PartlyPassingCases));
        }

        table.WriteTo(md);
    }

    private static void Relations(StringBuilder md, RunReportModel report)
    {
        if (report.Metrics.Relations.Count == 0)
        {
            return;
        }

        string measure = report.Summary?.InputSimilarity?.Measure is { } m ? $" ({m})" : string.Empty;
        md.Append($"### Robustness by relation\n\nAttack success rate = violated / decided relation rows; the weighted rate weighs invariant rows by how much of the input's meaning the perturbation kept{measure} (METAL).\n\n");
        var table = new MarkdownTable("Method", "Relation", "Kind", "Decided>", "Violated>", "Pass rate>", "Attack success>", "Weighted>", "Not applicable>", "Inconclusive>");
        foreach (RelationStatistics r in report.Metrics.Relations)
        {
            table.Add(
                r.Relation is null ? "**" + RowNames.ShortMethod(r.MethodId) + "**" : RowNames.ShortMethod(r.MethodId),
                r.Relation ?? "**all relations**",
                r.Kind ?? string.Empty,
                Number(r.Decided),
                Number(r.Violated),
                ReportFormat.Rate(r.Decided == 0 ? null : (double)(r.Decided - r.Violated) / r.Decided),
                ReportFormat.Rate(r.AttackSuccessRate),
                ReportFormat.Rate(r.WeightedAttackSuccessRate),
                Number(r.NotApplicable),
                Number(r.Inconclusive));
        }

        table.WriteTo(md);
    }

    private static void Judges(StringBuilder md, RunReportModel report)
    {
        if (report.Judges.Count == 0)
        {
            return;
        }

        md.Append("### Judges, tokens and cost\n\n");
        var table = new MarkdownTable("Judge", "Model", "Pass>", "Fail>", "Inconclusive>", "Errored>", "Model calls>", "Input tokens>", "Output tokens>", "Cost>");
        foreach (JudgeUsage j in report.Judges)
        {
            table.Add(
                j.Judge,
                j.Models.Count == 0 ? ReportFormat.None : string.Join(", ", j.Models),
                Number(j.Pass),
                Number(j.Fail),
                Number(j.Inconclusive),
                Number(j.Errored),
                Number(j.ModelCalls),
                ReportFormat.Count(j.InputTokens),
                ReportFormat.Count(j.OutputTokens),
                j.Cost is double cost ? ReportFormat.Dollars(cost) : ReportFormat.None);
        }

        table.Add(
            "**total**",
            string.Empty,
            Number(report.Judges.Sum(j => j.Pass)),
            Number(report.Judges.Sum(j => j.Fail)),
            Number(report.Judges.Sum(j => j.Inconclusive)),
            Number(report.Judges.Sum(j => j.Errored)),
            Number(report.Judges.Sum(j => j.ModelCalls)),
            ReportFormat.Count(report.Judges.Sum(j => j.InputTokens)),
            ReportFormat.Count(report.Judges.Sum(j => j.OutputTokens)),
            report.TotalCost is double total ? ReportFormat.Dollars(total) : ReportFormat.None);
        table.WriteTo(md);

        long tokens = report.Judges.Sum(j => j.InputTokens + j.OutputTokens);
        if (report.Prices is null)
        {
            md.Append(tokens == 0 ? "No judge called a model.\n\n" : "No price table was given: tokens only (`evalspec report --prices prices.json`).\n\n");
        }
        else
        {
            string[] unpriced = report.Judges.Where(j => j.Cost is null && j.InputTokens + j.OutputTokens > 0).Select(j => j.Models.Count == 1 ? j.Models[0] : j.Judge).Distinct(StringComparer.Ordinal).ToArray();
            md.Append(unpriced.Length == 0
                ? "Costs at the prices in the price table (USD per million tokens).\n\n"
                : $"Costs at the prices in the price table (USD per million tokens); not in it: {string.Join(", ", unpriced)}.\n\n");
        }
    }

    private static void Spend(StringBuilder md, RunReportModel report)
    {
        if (report.Summary?.Spend is not { Count: > 0 } spend)
        {
            return;
        }

        md.Append("### Tokens, latency and cost by method\n\nPer row: the system under test's tokens (through recording clients) and the judges', the system under test's latency (mean and 95th percentile; judges not counted), and the cost at evalspec.json's `Prices`.\n\n");
        var table = new MarkdownTable("Method", "Variant", "Rows>", "SUT tokens>", "Judge tokens>", "Mean latency>", "p95 latency>", "Cost>");
        foreach ((string method, MethodSpend m) in spend.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(RowNames.ShortMethod(method), "**all**", m.Total);
            if (m.Variants.Count > 1)
            {
                foreach ((string variant, SpendSection section) in m.Variants)
                {
                    Add(string.Empty, variant, section);
                }
            }
        }

        table.WriteTo(md);

        void Add(string method, string variant, SpendSection s) => table.Add(
            method,
            variant,
            Number(s.Rows),
            ReportFormat.Count(s.SutTokens),
            ReportFormat.Count(s.JudgeTokens),
            string.Create(CultureInfo.InvariantCulture, $"{s.MeanLatencyMs:N0} ms"),
            string.Create(CultureInfo.InvariantCulture, $"{s.P95LatencyMs:N0} ms"),
            s.CostUsd is double cost ? ReportFormat.Dollars(cost) : s.UnpricedRows > 0 ? $"{ReportFormat.None} ({Number(s.UnpricedRows)} unpriced)" : ReportFormat.None);
    }

    private static void Agreement(StringBuilder md, RunReportModel report)
    {
        Dictionary<string, RunSummaryFile.PanelSection> panels = report.Summary?.Panels ?? new Dictionary<string, RunSummaryFile.PanelSection>();
        KeyValuePair<string, RunSummaryFile.PanelSection>[] withAgreement = panels.Where(p => p.Value.Agreement is not null).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        if (withAgreement.Length == 0)
        {
            return;
        }

        md.Append("### Judge agreement\n\n");
        var table = new MarkdownTable("Panel", "Judgements>", "Judges asked>", "Skipped (early stop)>", "Fleiss κ>", "Krippendorff α>");
        var pairs = new MarkdownTable("Panel", "Judges", "Cohen κ>", "Observed agreement>", "Items>");
        foreach ((string panel, RunSummaryFile.PanelSection section) in withAgreement)
        {
            RunSummaryFile.AgreementSection a = section.Agreement!;
            table.Add(panel, Number(section.Judgements), Number(section.JudgesAsked), Number(section.JudgesSkipped), ReportFormat.Rate(a.FleissKappa), ReportFormat.Rate(a.KrippendorffAlpha));
            foreach (RunSummaryFile.AgreementPair pair in a.Pairs ?? new List<RunSummaryFile.AgreementPair>())
            {
                pairs.Add(panel, pair.Judges ?? string.Empty, ReportFormat.Rate(pair.CohensKappa), ReportFormat.Rate(pair.ObservedAgreement), Number(pair.ItemsUsed));
            }
        }

        table.WriteTo(md);
        if (pairs.Count > 0)
        {
            pairs.WriteTo(md);
        }
    }

    private static void Cascades(StringBuilder md, RunReportModel report)
    {
        IReadOnlyList<KeyValuePair<string, RunSummaryFile.CascadeSection>> cascades = CascadeReport.Of(report.Summary);
        int byPerson = report.Summary?.Baseline?.DecidedByPerson ?? 0;
        if (cascades.Count == 0 && byPerson == 0)
        {
            return;
        }

        md.Append("### Judge cascades\n\n");
        foreach ((string name, RunSummaryFile.CascadeSection cascade) in cascades)
        {
            md.Append("- ").Append(CascadeReport.Describe(name, cascade)).Append('\n');
        }

        if (byPerson > 0)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $"- {byPerson} row(s) decided by a person: a verdict pinned in the baseline for the same output (`evalspec baseline pin`); the rubric judges were not asked.\n"));
        }

        md.Append('\n');
        var table = new MarkdownTable(CascadeReport.Headers);
        foreach (string[] row in CascadeReport.Rows(cascades))
        {
            table.Add(row);
        }

        if (table.Count > 0)
        {
            table.WriteTo(md);
        }
    }

    private static void Extras(StringBuilder md, RunReportModel report)
    {
        if (report.Summary?.Pairwise is { } pairwise)
        {
            md.Append(string.Create(
                CultureInfo.InvariantCulture,
                $"**Pairwise judges:** {pairwise.Comparisons} comparisons; position consistency {ReportFormat.Rate(pairwise.PositionConsistency)}, preferred the output shown first {ReportFormat.Rate(pairwise.PreferredFirstShown)}, preferred the longer output {ReportFormat.Rate(pairwise.PreferredLonger)}.\n\n"));
        }

        if (report.Summary?.Sample is { } sample)
        {
            string estimate = sample.EstimatedPassRate is double rate
                ? sample.ConfidenceInterval95 is { Length: 2 } ci
                    ? $"estimated pass rate {ReportFormat.Rate(rate)} [{ReportFormat.Rate(ci[0])}, {ReportFormat.Rate(ci[1])}] (95%)"
                    : $"estimated pass rate {ReportFormat.Rate(rate)}"
                : "no sampled row was judged";
            md.Append(string.Create(CultureInfo.InvariantCulture, $"**Sampled run:** {sample.Selected} of {sample.Population} rows (EVALSPEC_SAMPLE={sample.Budget}); {estimate}.\n\n"));
        }

        if (report.Summary?.Snapshots is { } snapshots)
        {
            int dangling = snapshots.Dangling?.Length ?? 0;
            md.Append(string.Create(
                CultureInfo.InvariantCulture,
                $"**Snapshots:** {snapshots.Matched} matched ({snapshots.MatchedByMeaning} by meaning), {snapshots.Accepted} accepted, {snapshots.Missing} missing, {snapshots.Mismatched} changed, {snapshots.Invalid} unreadable"));
            md.Append(dangling == 0 ? ".\n\n" : string.Create(CultureInfo.InvariantCulture, $"; {dangling} verified file(s) belong to no row any more.\n\n"));
        }

        if (report.Summary?.Recording is { } recording
            && recording.Replayed + recording.Recorded + recording.Live + recording.Misses > 0)
        {
            string mode = recording.Mode ?? "?";
            string replayedNote = recording.Replayed > 0 ? " Tokens of replayed calls are as recorded; replaying them cost nothing." : string.Empty;
            md.Append(string.Create(
                CultureInfo.InvariantCulture,
                $"**Model calls ({mode}):** {recording.Replayed} replayed, {recording.Recorded} recorded, {recording.Live} live, {recording.Misses} missing from the recordings.{replayedNote}\n\n"));
        }

        md.Append($"Full report: `{System.IO.Path.Combine(report.Run.Directory, RunReports.HtmlFileName)}`\n");
    }

    private static void More(StringBuilder md, int count)
    {
        if (count > ListedRows)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $"… and {count - ListedRows} more (see the HTML report or results.jsonl).\n\n"));
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
