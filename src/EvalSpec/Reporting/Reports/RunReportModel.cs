using System;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting.Gate;

namespace EvalSpec.Reporting.Reports;

/// <summary>Everything the markdown and HTML reports show about a run, computed once.</summary>
internal sealed class RunReportModel
{
    private RunReportModel(RunData run, RunMetrics metrics, IReadOnlyList<JudgeUsage> judges, GateResult? gate, string? baselineNote, PriceTable? prices, RunReportExtras extras)
    {
        Run = run;
        Metrics = metrics;
        Judges = judges;
        Gate = gate;
        BaselineNote = baselineNote;
        Prices = prices;
        Baseline = extras.Baseline;
        Changes = RowChanges.Compute(run, extras.Baseline);
        EarlierOutputs = extras.EarlierOutputs ?? new Dictionary<string, EarlierOutput>();
        History = extras.History;
    }

    public RunData Run { get; }

    public RunMetrics Metrics { get; }

    /// <summary>Per judge, by name.</summary>
    public IReadOnlyList<JudgeUsage> Judges { get; }

    /// <summary>The comparison with the baseline, when one was given and could be read.</summary>
    public GateResult? Gate { get; }

    /// <summary>Why there is no comparison with the baseline (none given, missing, unreadable), or null.</summary>
    public string? BaselineNote { get; }

    public PriceTable? Prices { get; }

    /// <summary>The baseline the run was compared with, when one was given and could be read.</summary>
    public Baseline? Baseline { get; }

    /// <summary>The rows whose outcome changed against the baseline (see <see cref="RowChanges"/>), by row id.</summary>
    public IReadOnlyDictionary<string, RowChange> Changes { get; }

    /// <summary>For changed rows, their output in an earlier run where they had the baseline's outcome, by row id.</summary>
    public IReadOnlyDictionary<string, EarlierOutput> EarlierOutputs { get; }

    /// <summary>Pass rate, cost and latency per method over the last runs (<c>evalspec report --history</c>), or null.</summary>
    public RunHistory? History { get; }

    public RunSummaryFile? Summary => Run.Summary;

    public int Rows => Run.Rows.Count;

    public int Judged => Run.Rows.Count(r => r.IsJudged);

    public int Pass => Count(VerdictOutcome.Pass);

    public int Fail => Count(VerdictOutcome.Fail);

    public int Inconclusive => Count(VerdictOutcome.Inconclusive);

    public int NotApplicable => Rows - Judged;

    public int KnownFailures => Run.Rows.Count(r => r.IsJudged && r.KnownFailure);

    /// <summary>Failed rows that are not known failures: what a reviewer must look at.</summary>
    public IReadOnlyList<RunRow> NewFailures => Run.Rows.Where(r => r.IsJudged && r.Outcome == VerdictOutcome.Fail && !r.KnownFailure).ToArray();

    public IReadOnlyList<RunRow> InconclusiveRows => Run.Rows.Where(r => r.IsJudged && r.Outcome == VerdictOutcome.Inconclusive).ToArray();

    /// <summary>The total cost of the judges the price table prices, or null when it prices none.</summary>
    public double? TotalCost => Judges.Any(j => j.Cost is not null) ? Judges.Sum(j => j.Cost ?? 0) : null;

    public static RunReportModel Build(RunData run, GateResult? gate = null, string? baselineNote = null, PriceTable? prices = null, RunReportExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunReportModel(run, RunMetrics.Compute(run), JudgeUsages(run, prices), gate, baselineNote, prices, extras ?? new RunReportExtras());
    }

    private int Count(VerdictOutcome outcome) => Run.Rows.Count(r => r.IsJudged && r.Outcome == outcome);

    private static IReadOnlyList<JudgeUsage> JudgeUsages(RunData run, PriceTable? prices)
    {
        RunVerdict[] verdicts = run.Rows.SelectMany(r => r.Checks).SelectMany(c => c.Verdicts).ToArray();
        Dictionary<string, string[]> models = verdicts
            .GroupBy(v => v.Judge, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Model).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        // The summary counts every judge the run used, panels inside eval methods too; without one, the results do.
        IEnumerable<(string Judge, RunSummaryFile.JudgeSection Counts)> judges = run.Summary?.Judges is { } summary
            ? summary.Select(p => (p.Key, p.Value))
            : verdicts.GroupBy(v => v.Judge, StringComparer.Ordinal).Select(g => (g.Key, new RunSummaryFile.JudgeSection
            {
                Pass = g.Count(v => v.Outcome == VerdictOutcome.Pass),
                Fail = g.Count(v => v.Outcome == VerdictOutcome.Fail),
                Inconclusive = g.Count(v => v.Outcome == VerdictOutcome.Inconclusive),
                Errored = g.Count(v => v.Errored),
                ModelCalls = g.Sum(v => v.ModelCalls),
                InputTokens = g.Sum(v => v.InputTokens),
                OutputTokens = g.Sum(v => v.OutputTokens),
            }));

        return judges
            .OrderBy(j => j.Judge, StringComparer.Ordinal)
            .Select(j =>
            {
                string[] used = models.GetValueOrDefault(j.Judge) ?? Array.Empty<string>();

                // Priced by its model when it used exactly one the table lists, else by its own name (a table may list judges).
                string? key = used.Length == 1 && prices?.Find(used[0]) is not null ? used[0] : prices?.Find(j.Judge) is not null ? j.Judge : null;
                ModelPrice? price = key is null ? null : prices!.Find(key);
                bool priced = price is not null && j.Counts.InputTokens + j.Counts.OutputTokens > 0;
                return new JudgeUsage(
                    j.Judge,
                    used,
                    j.Counts.Pass,
                    j.Counts.Fail,
                    j.Counts.Inconclusive,
                    j.Counts.Errored,
                    j.Counts.ModelCalls,
                    j.Counts.InputTokens,
                    j.Counts.OutputTokens,
                    priced ? price!.Cost(j.Counts.InputTokens, j.Counts.OutputTokens) : null,
                    priced ? key : null);
            })
            .ToArray();
    }
}
