using System;
using EvalSpec.Judging;
using EvalSpec.Reporting;

namespace EvalSpec.Execution;

/// <summary>
/// What a person's verdict pinned in the baseline means for a row: for the output the person judged, a check that replaces
/// the rubric judges' verdict, shown as decided by a person; for another output, a note that the pin no longer applies.
/// </summary>
/// <param name="Check">The person's verdict as the row's rubric check, or null when no pin applies.</param>
/// <param name="Note">Why a pin recorded for the row did not apply, or null.</param>
internal readonly record struct PinnedVerdict(PanelVerdict? Check, string? Note)
{
    /// <summary>The name of the person's verdict in a check's verdicts.</summary>
    public const string Judge = "person";

    /// <summary>The pin of <paramref name="entry"/> applied to <paramref name="output"/> of row <paramref name="rowId"/>.</summary>
    /// <param name="entry">The row's baseline entry, if any.</param>
    /// <param name="rowId">The row id.</param>
    /// <param name="output">The output the rubric judges would judge.</param>
    /// <param name="panel">The rubric panel's name (the check keeps it), or null when none is registered.</param>
    /// <param name="baselineFile">The baseline's file name, for the rationale.</param>
    public static PinnedVerdict For(BaselineEntry? entry, string rowId, string output, string? panel, string baselineFile)
    {
        if (entry?.Person is not { } person)
        {
            return default;
        }

        if (person.Outcome is not VerdictOutcome outcome)
        {
            // A hand-edited label that is neither pass nor fail is never read as a verdict.
            return new PinnedVerdict(
                Inconclusive(panel, $"the person's verdict pinned in {baselineFile} is '{person.Label}', neither pass nor fail: fix it or run `evalspec baseline unpin`"),
                null);
        }

        if (!person.IsFor(rowId, output))
        {
            return new PinnedVerdict(null, $"a person's verdict ({person.Label}, {person.Attribution}) is pinned in {baselineFile} for another output of this row ({person.Output}); the output changed, so the judges decided. Label it again (`evalspec review`) or unpin it.");
        }

        string rationale = $"decided by a person ({person.Attribution}), pinned in {baselineFile} for this output; the rubric judges were not asked";
        var verdict = new Verdict(Judge, outcome, outcome == VerdictOutcome.Pass ? 1.0 : 0.0, rationale);
        return new PinnedVerdict(new PanelVerdict(panel ?? "rubric", outcome, verdict.Score, rationale, new[] { verdict }), null);
    }

    private static PanelVerdict Inconclusive(string? panel, string rationale) =>
        new(panel ?? "rubric", VerdictOutcome.Inconclusive, null, rationale, new[] { new Verdict(Judge, VerdictOutcome.Inconclusive, null, rationale) { Errored = true } });
}
