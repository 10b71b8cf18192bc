using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// The judge cascades of a run as the reports show them (from <c>summary.json</c>): one line per cascade (rows judged,
/// abstained and contested, the guarantee, the review queue) and one table row per tier (rows asked, decided and escalated,
/// model calls), the same in report.md and report.html.
/// </summary>
internal static class CascadeReport
{
    /// <summary>The tier table's headers; numeric columns end in <c>&gt;</c> (the Markdown table's right-alignment marker).</summary>
    public static readonly string[] Headers = { "Cascade", "Tier", "Asked>", "Decided>", "Escalated>", "Escalation rate>", "Model calls>" };

    /// <summary>The cascades in name order; empty when the run had none (or its summary predates them).</summary>
    public static IReadOnlyList<KeyValuePair<string, RunSummaryFile.CascadeSection>> Of(RunSummaryFile? summary) =>
        (summary?.Cascades ?? new Dictionary<string, RunSummaryFile.CascadeSection>()).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();

    /// <summary>"cascade: 40 rows judged, 3 abstained (inconclusive, in the review queue), 2 contested; guarantee: ...".</summary>
    public static string Describe(string name, RunSummaryFile.CascadeSection cascade)
    {
        string queue = cascade.ReviewQueue is null ? string.Empty : $"; review queue {cascade.ReviewQueue}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {cascade.Judged} row(s) judged, {cascade.Abstained} abstained (inconclusive, to label with `evalspec review`), {cascade.Contested} contested; guarantee: {cascade.Guarantee ?? "none"}{queue}");
    }

    /// <summary>The tier table's rows.</summary>
    public static IEnumerable<string[]> Rows(IEnumerable<KeyValuePair<string, RunSummaryFile.CascadeSection>> cascades) =>
        cascades.SelectMany(c => (c.Value.Tiers ?? new List<RunSummaryFile.CascadeTierSection>()).Select(t => new[]
        {
            c.Key,
            t.Tier ?? string.Empty,
            t.Asked.ToString(CultureInfo.InvariantCulture),
            t.Decided.ToString(CultureInfo.InvariantCulture),
            t.Escalated.ToString(CultureInfo.InvariantCulture),
            ReportFormat.Rate(t.Asked == 0 ? null : (double)t.Escalated / t.Asked),
            t.ModelCalls.ToString(CultureInfo.InvariantCulture),
        }));
}
