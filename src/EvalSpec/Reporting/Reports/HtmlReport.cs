using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using EvalSpec.Reporting.Gate;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline style and script, no network; a content security policy forbids
/// loading anything) with the run's data embedded as JSON and drawn as SVG charts by the inline script: pass rate per
/// prompt variant, attack success rate per relation, judge agreement, and tokens and cost per judge. The tables are
/// plain HTML, readable without the script.
/// </summary>
internal static class HtmlReport
{
    private const int ListedRows = 200;

    public static string Render(RunReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        string title = $"EvalSpec run {report.Run.RunId}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(HtmlReportAssets.Style).Append('\n').Append(HtmlExplorerAssets.Style).Append("\n</style>\n</head>\n<body>\n");

        Header(html, report, title);
        Tabs(html, report);
        html.Append("<main>\n<section id=\"view-summary\" class=\"view\">\n");
        Charts(html);
        Failures(html, report);
        Gate(html, report);
        Tables(html, report);
        html.Append("</section>\n");
        Views(html);
        html.Append("</main>\n");
        Drawer(html);

        // The index and the scripts first, so the page is drawn before the browser reads the (much larger) transcripts.
        html.Append("<script type=\"application/json\" id=\"evalspec-data\">").Append(Data(report)).Append("</script>\n");
        html.Append("<script type=\"application/json\" id=\"evalspec-rows\">").Append(HtmlReportData.Index(report)).Append("</script>\n");
        html.Append("<script>\n").Append(HtmlReportAssets.Script).Append("\n</script>\n");
        html.Append("<script>\n").Append(HtmlExplorerAssets.Script).Append("\n</script>\n");
        html.Append("<script type=\"application/json\" id=\"evalspec-transcripts\">").Append(HtmlReportData.Transcripts(report)).Append("</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Tabs(StringBuilder html, RunReportModel report)
    {
        int changed = report.Changes.Count(c => c.Value != RowChange.New);
        html.Append("<nav class=\"tabs\" id=\"tabs\" role=\"tablist\">\n")
            .Append("<a href=\"#summary\" data-view=\"summary\" role=\"tab\" class=\"active\">Summary</a>\n")
            .Append(string.Create(CultureInfo.InvariantCulture, $"<a href=\"#rows\" data-view=\"rows\" role=\"tab\">Rows <span class=\"count\">{report.Rows:#,0}</span></a>\n"))
            .Append("<a href=\"#matrix\" data-view=\"matrix\" role=\"tab\">Matrix</a>\n");
        if (HasBaseline(report))
        {
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<a href=\"#changes\" data-view=\"changes\" role=\"tab\">Changes since baseline <span class=\"count\">{changed:#,0}</span></a>\n"));
        }

        if (report.History is not null)
        {
            html.Append("<a href=\"#history\" data-view=\"history\" role=\"tab\">History</a>\n");
        }

        html.Append("</nav>\n");
    }

    private static void Views(StringBuilder html)
    {
        const string NoScript = "<noscript><p class=\"muted\">This view is drawn by the page's script: allow scripts for this file (it loads nothing from anywhere), or read results.jsonl.</p></noscript>";
        foreach (string view in new[] { "rows", "matrix", "changes", "history" })
        {
            html.Append("<section id=\"view-").Append(view).Append("\" class=\"view\" hidden>").Append(NoScript).Append("</section>\n");
        }
    }

    private static void Drawer(StringBuilder html) =>
        html.Append("<aside id=\"transcript\" class=\"drawer\" role=\"dialog\" aria-labelledby=\"transcript-title\" hidden>\n")
            .Append("<div class=\"drawer-bar\"><h2 id=\"transcript-title\"></h2>")
            .Append("<button type=\"button\" id=\"transcript-prev\" title=\"Previous row (k or ↑)\">↑</button>")
            .Append("<button type=\"button\" id=\"transcript-next\" title=\"Next row (j or ↓)\">↓</button>")
            .Append("<button type=\"button\" id=\"transcript-close\" title=\"Close (Esc)\">Close</button></div>\n")
            .Append("<div id=\"transcript-body\"></div>\n</aside>\n");

    /// <summary>Whether the rows can be compared with a baseline: a baseline file was read, or the rows say what it recorded.</summary>
    private static bool HasBaseline(RunReportModel report) => report.Baseline is { Exists: true } || report.Run.Rows.Any(r => r.RecordedOutcome is not null);

    private static void Header(StringBuilder html, RunReportModel report, string title)
    {
        html.Append("<header>\n<h1>").Append(Encode(title)).Append("</h1>\n<div class=\"muted\">")
            .Append(Encode(report.Run.Directory));
        if (!string.IsNullOrWhiteSpace(report.Summary?.Configuration))
        {
            html.Append(" · configuration <code>").Append(Encode(report.Summary.Configuration)).Append("</code>");
        }

        if (report.Summary?.FinishedAt is DateTimeOffset finished)
        {
            html.Append(" · finished ").Append(Encode(finished.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        }

        html.Append("</div>\n<div class=\"cards\">\n");
        Card(html, "rows", report.Rows.ToString(CultureInfo.InvariantCulture), null);
        Card(html, "passed", report.Pass.ToString(CultureInfo.InvariantCulture), "pass");
        Card(html, report.KnownFailures == 0 ? "failed" : $"failed ({report.KnownFailures} known)", report.Fail.ToString(CultureInfo.InvariantCulture), report.Fail > report.KnownFailures ? "fail" : null);
        Card(html, "inconclusive", report.Inconclusive.ToString(CultureInfo.InvariantCulture), report.Inconclusive > 0 ? "warn" : null);
        Card(html, "not applicable", report.NotApplicable.ToString(CultureInfo.InvariantCulture), null);
        Card(html, "judge tokens", ReportFormat.Count(report.Judges.Sum(j => j.InputTokens + j.OutputTokens)), null);
        if (report.TotalCost is double cost)
        {
            Card(html, "judge cost", ReportFormat.Dollars(cost), null);
        }

        html.Append("</div>\n");
        if (report.Gate is { } gate)
        {
            html.Append("<div class=\"gate ").Append(gate.Passed ? "passed" : gate.RefusedAsPartial ? "partial" : "failed").Append("\" id=\"gate\">").Append(Encode(GateText.ReportHeadline(gate))).Append("</div>\n");
        }
        else if (report.BaselineNote is { } note)
        {
            html.Append("<div class=\"gate\" id=\"gate\">Baseline: ").Append(Encode(note)).Append("</div>\n");
        }

        html.Append("</header>\n");
    }

    private static void Card(StringBuilder html, string label, string value, string? cls) =>
        html.Append("<div class=\"card\"><b").Append(cls is null ? string.Empty : $" class=\"{cls}\"").Append('>').Append(Encode(value)).Append("</b>").Append(Encode(label)).Append("</div>\n");

    private static void Charts(StringBuilder html)
    {
        html.Append("<h2>Pass rate per prompt variant</h2>\n<p class=\"muted\">Identity rows (the wording alone) of each eval method.</p>\n<div class=\"chart\" id=\"variant-chart\"></div>\n");
        html.Append("<h2>Robustness per relation</h2>\n<p class=\"muted\">Attack success rate: violated / decided relation rows (lower is better).</p>\n<div class=\"chart\" id=\"relation-chart\"></div>\n");
        html.Append("<h2>Judge agreement</h2>\n<p class=\"muted\">Fleiss' κ and Krippendorff's α per panel, Cohen's κ per judge pair (1: full agreement, 0: chance).</p>\n<div class=\"chart\" id=\"agreement-chart\"></div>\n");
        html.Append("<h2>Tokens and cost per judge</h2>\n<div class=\"chart\" id=\"cost-chart\"></div>\n");
    }

    private static void Failures(StringBuilder html, RunReportModel report)
    {
        RowTable(html, "new-failures", "New failures", report.NewFailures);
        RowTable(html, "inconclusive-rows", "Inconclusive rows", report.InconclusiveRows);
    }

    private static void RowTable(StringBuilder html, string id, string title, IReadOnlyList<RunRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        html.Append(string.Create(CultureInfo.InvariantCulture, $"<h2 id=\"{id}\">{Encode(title)} ({rows.Count})</h2>\n"));
        html.Append("<table>\n<thead><tr><th>Row</th><th>Reason</th><th>Row id</th></tr></thead>\n<tbody>\n");
        foreach (RunRow row in rows.Take(ListedRows))
        {
            // A link into the row explorer: the transcript of the row opens over the rows view.
            html.Append("<tr><td><a href=\"#rows?row=").Append(Encode(Uri.EscapeDataString(row.RowId))).Append("\">").Append(Encode(row.DisplayName)).Append("</a></td><td>")
                .Append(Encode(row.BaselineReason ?? row.Reason ?? string.Empty)).Append("</td><td>").Append(Encode(row.RowId)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (rows.Count > ListedRows)
        {
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<p class=\"muted\">… and {rows.Count - ListedRows} more: see the Rows tab.</p>\n"));
        }
    }

    private static void Gate(StringBuilder html, RunReportModel report)
    {
        if (report.Gate is not { } gate)
        {
            return;
        }

        html.Append("<h2 id=\"baseline\">Compared with the baseline</h2>\n");
        if (gate.Regressions.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (GateRegression regression in gate.Regressions)
            {
                html.Append("<li class=\"fail\">").Append(Encode(GateText.Describe(regression, gate.Options))).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        Table(
            html,
            new[] { "Scope", "Paired", "Pass rate (baseline → run)", "Stopped passing", "Started passing", "McNemar p", "Holm-adjusted p", "Score change [interval]", "Regression" },
            new[] { gate.Overall }.Concat(gate.Methods).Where(c => c.Pairs > 0).Select(c => new[]
            {
                c.MethodId is null ? "all rows" : RowNames.ShortMethod(c.MethodId),
                Number(c.Pairs),
                $"{ReportFormat.Rate(c.BaselinePassRate)} → {ReportFormat.Rate(c.RunPassRate)}",
                Number(c.B),
                Number(c.C),
                ReportFormat.PValue(c.PValue),
                c.MethodId is null ? ReportFormat.None : ReportFormat.PValue(c.AdjustedPValue),
                c.ScoreChange is { } i ? ReportFormat.Interval(i.Mean, i.Lower, i.Upper) + (c.ScoreNote is null ? string.Empty : " (not judged: " + c.ScoreNote + ")") : ReportFormat.None,
                string.Join(", ", new[] { c.PassRateRegression ? "pass rate" : null, c.ScoreRegression ? "score" : null }.OfType<string>()),
            }),
            numeric: new[] { 1, 3, 4 });

        Details(html, "Stopped passing", gate.Overall.PassToNotPassing.Select(GateText.Row));
        Details(html, "Started passing", gate.Overall.NotPassingToPass.Select(GateText.Row));
        Details(html, "New rows, not in the baseline", gate.NewRows.Select(id => $"{RowNames.Display(id)} ({id})"));
        Details(html, "Baseline rows not in this run", gate.MissingRows.Select(id => $"{RowNames.Display(id)} ({id})"));
        Details(html, "Baseline rows not applicable in this run", gate.NotApplicableRows.Select(id => $"{RowNames.Display(id)} ({id})"));
        foreach (string note in gate.Notes)
        {
            html.Append("<p class=\"muted\">").Append(Encode(note)).Append("</p>\n");
        }
    }

    private static void Tables(StringBuilder html, RunReportModel report)
    {
        html.Append("<h2 id=\"methods\">Pass rates by method</h2>\n");
        Table(
            html,
            new[] { "Method", "Judged", "Pass", "Fail", "Known failures", "Inconclusive", "Not applicable", "Pass rate", "Mean score" },
            report.Metrics.Methods.Select(m => new[]
            {
                RowNames.ShortMethod(m.MethodId), Number(m.Judged), Number(m.Pass), Number(m.Fail), Number(m.KnownFailures), Number(m.Inconclusive),
                Number(m.NotApplicable), ReportFormat.Rate(m.PassRate), ReportFormat.Rate(m.MeanScore),
            }),
            numeric: new[] { 1, 2, 3, 4, 5, 6, 7, 8 });

        if (report.Metrics.MultiPrompt.Count > 0)
        {
            html.Append("<h2 id=\"multi-prompt\">Multi-prompt metrics</h2>\n");
            Table(
                html,
                new[] { "Method", "Variants", "Cases used", "MaxP", "AvgP", "Saturation", "CPS", "Pass under some wordings only" },
                report.Metrics.MultiPrompt.Select(m => new[]
                {
                    RowNames.ShortMethod(m.MethodId), string.Join(", ", m.Variants), string.Create(CultureInfo.InvariantCulture, $"{m.CasesUsed}/{m.Cases}"),
                    ReportFormat.Rate(m.MaxP), ReportFormat.Rate(m.AvgP), ReportFormat.Rate(m.Saturation), ReportFormat.Rate(m.Cps), string.Join(", ", m.PartlyPassingCases),
                }),
                numeric: new[] { 2, 3, 4, 5, 6 });
        }

        if (report.Metrics.Relations.Count > 0)
        {
            html.Append("<h2 id=\"robustness\">Robustness by relation</h2>\n");
            Table(
                html,
                new[] { "Method", "Relation", "Kind", "Decided", "Violated", "Attack success", "Weighted", "Not applicable", "Inconclusive" },
                report.Metrics.Relations.Select(r => new[]
                {
                    RowNames.ShortMethod(r.MethodId), r.Relation ?? "all relations", r.Kind ?? string.Empty, Number(r.Decided), Number(r.Violated),
                    ReportFormat.Rate(r.AttackSuccessRate), ReportFormat.Rate(r.WeightedAttackSuccessRate), Number(r.NotApplicable), Number(r.Inconclusive),
                }),
                numeric: new[] { 3, 4, 5, 6, 7, 8 });
        }

        if (report.Judges.Count > 0)
        {
            html.Append("<h2 id=\"judges\">Judges</h2>\n");
            Table(
                html,
                new[] { "Judge", "Model", "Pass", "Fail", "Inconclusive", "Errored", "Model calls", "Input tokens", "Output tokens", "Cost" },
                report.Judges.Select(j => new[]
                {
                    j.Judge, string.Join(", ", j.Models), Number(j.Pass), Number(j.Fail), Number(j.Inconclusive), Number(j.Errored), Number(j.ModelCalls),
                    ReportFormat.Count(j.InputTokens), ReportFormat.Count(j.OutputTokens), j.Cost is double cost ? ReportFormat.Dollars(cost) : ReportFormat.None,
                }),
                numeric: new[] { 2, 3, 4, 5, 6, 7, 8, 9 });
        }

        Spend(html, report);

        IReadOnlyList<KeyValuePair<string, RunSummaryFile.CascadeSection>> cascades = CascadeReport.Of(report.Summary);
        int byPerson = report.Summary?.Baseline?.DecidedByPerson ?? 0;
        if (cascades.Count > 0 || byPerson > 0)
        {
            html.Append("<h2 id=\"cascades\">Judge cascades</h2>\n<ul>\n");
            foreach ((string name, RunSummaryFile.CascadeSection cascade) in cascades)
            {
                html.Append("<li>").Append(Encode(CascadeReport.Describe(name, cascade))).Append("</li>\n");
            }

            if (byPerson > 0)
            {
                html.Append("<li>").Append(Encode(string.Create(CultureInfo.InvariantCulture, $"{byPerson} row(s) decided by a person: a verdict pinned in the baseline for the same output (evalspec baseline pin); the rubric judges were not asked."))).Append("</li>\n");
            }

            html.Append("</ul>\n");
            Table(
                html,
                CascadeReport.Headers.Select(h => h.TrimEnd('>')).ToArray(),
                CascadeReport.Rows(cascades),
                numeric: new[] { 2, 3, 4, 5, 6 });
        }
    }

    /// <summary>
    /// Tokens, latency and cost per method and prompt variant (summary.json <c>spend</c>), the system under test and the
    /// judges apart; a summary written before input and output tokens were kept apart shows "–" for them.
    /// </summary>
    private static void Spend(StringBuilder html, RunReportModel report)
    {
        if (report.Summary?.Spend is not { Count: > 0 } spend)
        {
            return;
        }

        html.Append("<h2 id=\"spend\">Tokens, latency and cost by method</h2>\n")
            .Append("<p class=\"muted\">Per method and prompt variant: the system under test's tokens (through recording clients) and the judges', the system under test's latency per row (its slowest run; mean and 95th percentile) and the judges' mean time per row (not counted in latency budgets), and the cost at evalspec.json's <code>Prices</code>.</p>\n");
        var rows = new List<string[]>();
        foreach ((string method, MethodSpend m) in spend.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            rows.Add(SpendRow(RowNames.ShortMethod(method), "all", m.Total));
            if (m.Variants.Count > 1)
            {
                rows.AddRange(m.Variants.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => SpendRow(string.Empty, v.Key, v.Value)));
            }
        }

        Table(
            html,
            new[] { "Method", "Variant", "Rows", "SUT tokens in", "SUT tokens out", "Judge tokens in", "Judge tokens out", "SUT latency (mean)", "SUT latency (p95)", "Judge time (mean)", "SUT cost", "Judge cost", "Cost" },
            rows,
            numeric: new[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 });

        static string[] SpendRow(string method, string variant, SpendSection s) => new[]
        {
            method,
            variant,
            Number(s.Rows),
            Tokens(s.SutInputTokens),
            Tokens(s.SutOutputTokens),
            Tokens(s.JudgeInputTokens),
            Tokens(s.JudgeOutputTokens),
            Milliseconds(s.MeanLatencyMs),
            Milliseconds(s.P95LatencyMs),
            s.MeanJudgeLatencyMs is double judge ? Milliseconds(judge) : ReportFormat.None,
            s.SutCostUsd is double sut ? ReportFormat.Dollars(sut) : ReportFormat.None,
            s.JudgeCostUsd is double judges ? ReportFormat.Dollars(judges) : ReportFormat.None,
            s.CostUsd is double cost ? ReportFormat.Dollars(cost) : s.UnpricedRows > 0 ? $"{ReportFormat.None} ({Number(s.UnpricedRows)} unpriced)" : ReportFormat.None,
        };

        static string Tokens(long? count) => count is long value ? ReportFormat.Count(value) : ReportFormat.None;

        static string Milliseconds(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:N0} ms");
    }

    private static void Details(StringBuilder html, string summary, IEnumerable<string> lines)
    {
        string[] all = lines.ToArray();
        if (all.Length == 0)
        {
            return;
        }

        html.Append(string.Create(CultureInfo.InvariantCulture, $"<details><summary>{Encode(summary)} ({all.Length})</summary>\n<ul>\n"));
        foreach (string line in all.Take(ListedRows))
        {
            html.Append("<li>").Append(Encode(line)).Append("</li>\n");
        }

        if (all.Length > ListedRows)
        {
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<li>… and {all.Length - ListedRows} more</li>\n"));
        }

        html.Append("</ul>\n</details>\n");
    }

    private static void Table(StringBuilder html, string[] headers, IEnumerable<string[]> rows, int[] numeric)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (string header in headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (string[] row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                html.Append(numeric.Contains(i) ? "<td class=\"num\">" : "<td>").Append(Encode(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>The embedded data the script draws; the default encoder escapes &lt; and &gt;, so it cannot close the script element.</summary>
    private static string Data(RunReportModel report)
    {
        var data = new
        {
            runId = report.Run.RunId,
            variants = report.Metrics.Variants.Select(v => new
            {
                method = RowNames.ShortMethod(v.MethodId),
                methodId = v.MethodId,
                variant = v.Variant,
                rows = v.Judged,
                pass = v.Pass,
                passRate = Round(v.PassRate),
                meanScore = Round(v.MeanScore),
            }),
            relations = report.Metrics.Relations.Where(r => r.Relation is not null && r.Decided > 0).Select(r => new
            {
                method = RowNames.ShortMethod(r.MethodId),
                methodId = r.MethodId,
                relation = r.Relation,
                kind = r.Kind,
                decided = r.Decided,
                violated = r.Violated,
                attackSuccessRate = Round(r.AttackSuccessRate),
                weighted = Round(r.WeightedAttackSuccessRate),
            }),
            agreement = (report.Summary?.Panels ?? new Dictionary<string, RunSummaryFile.PanelSection>())
                .Where(p => p.Value.Agreement is not null)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new
                {
                    panel = p.Key,
                    fleissKappa = Round(p.Value.Agreement!.FleissKappa),
                    krippendorffAlpha = Round(p.Value.Agreement.KrippendorffAlpha),
                    pairs = (p.Value.Agreement.Pairs ?? new List<RunSummaryFile.AgreementPair>()).Select(pair => new { judges = pair.Judges, cohensKappa = Round(pair.CohensKappa) }),
                }),
            judges = report.Judges.Select(j => new
            {
                judge = j.Judge,
                models = j.Models,
                modelCalls = j.ModelCalls,
                inputTokens = j.InputTokens,
                outputTokens = j.OutputTokens,
                cost = j.Cost is double cost ? Math.Round(cost, 6) : (double?)null,
            }),
            gate = report.Gate is { } gate ? new { passed = gate.Passed, partial = gate.RefusedAsPartial, headline = GateText.ReportHeadline(gate) } : null,
            baseline = HasBaseline(report),
            priced = report.Prices is not null,
            history = History(report.History),
        };
        return JsonSerializer.Serialize(data);
    }

    /// <summary>The history for the charts: per method, one point per run (null where the run had no row of it), oldest run first.</summary>
    private static object? History(RunHistory? history)
    {
        if (history is null)
        {
            return null;
        }

        string[] methods = history.Runs.SelectMany(r => r.Methods).Select(m => m.MethodId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new
        {
            requested = history.Requested,
            runs = history.Runs.Select(r => new { runId = r.RunId, finishedAt = r.FinishedAt, current = r.Current }),
            notes = history.Notes,
            methods = methods.Select(id => new
            {
                methodId = id,
                points = history.Runs.Select(r => r.Methods.FirstOrDefault(m => m.MethodId == id) is { } m
                    ? new
                    {
                        judged = m.Judged,
                        pass = m.Pass,
                        passRate = Round(m.PassRate),
                        meanMs = m.MeanLatencyMs is double mean ? Math.Round(mean, 1) : (double?)null,
                        medianMs = m.MedianLatencyMs is double median ? Math.Round(median, 1) : (double?)null,
                        tokens = m.InputTokens + m.OutputTokens,
                        cost = m.Cost is double cost ? Math.Round(cost, 6) : (double?)null,
                    }
                    : null),
            }),
        };
    }

    private static double? Round(double? value) => value is double v ? Math.Round(v, 4) : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
