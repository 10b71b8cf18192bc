using System.Linq;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Gate;

namespace EvalSpec.Execution;

/// <summary>
/// The classify stage of a row: its outcome against the committed baseline. A recorded failure excuses only the same
/// failure (the same kind and the same evidence, the normalised output): the row is then a known failure, reported as
/// skipped; a passing row the baseline records as failing is fixed since the baseline.
/// </summary>
/// <param name="Recorded">The row's baseline entry, or null.</param>
/// <param name="Evidence">What a failing row showed (from its results line), or null when it did not fail.</param>
/// <param name="Match">Whether the baseline excuses the failure, and what the row's message says about it.</param>
/// <param name="KnownFailure">The row failed as its baseline entry records, and the baseline is used: reported as skipped.</param>
/// <param name="FixedSinceBaseline">The row passed and the baseline records it as failing.</param>
internal sealed record RowClassification(
    BaselineEntry? Recorded,
    FailureEvidence? Evidence,
    KnownFailureMatch Match,
    bool KnownFailure,
    bool FixedSinceBaseline)
{
    /// <summary>Classifies a decided row.</summary>
    /// <param name="outcome">The row's outcome.</param>
    /// <param name="result">The row's results line (before the baseline fields): the evidence is computed from it, so that
    /// <c>evalspec baseline update</c>, which reads that file, records the very evidence this run compared.</param>
    /// <param name="relation">Whether the row is a relation row.</param>
    /// <param name="recorded">The row's baseline entry, or null.</param>
    /// <param name="baselineFile">The baseline's file name, for messages.</param>
    /// <param name="mode">How the run uses the baseline: only <see cref="BaselineMode.Use"/> excuses failures.</param>
    /// <param name="replayMissed">A model call of the row was not recorded: such a failure is never excused.</param>
    public static RowClassification Classify(RowOutcome outcome, RowResult result, bool relation, BaselineEntry? recorded, string baselineFile, BaselineMode mode, bool replayMissed)
    {
        FailureEvidence? evidence = outcome.Outcome == VerdictOutcome.Fail ? EvidenceOf(result, relation) : null;
        KnownFailureMatch match = evidence is null
            ? new KnownFailureMatch(false, string.Empty)
            : KnownFailureMatch.Decide(recorded, baselineFile, outcome.FailureKind, evidence);
        bool knownFailure = !replayMissed && mode == BaselineMode.Use && match.Excused;
        bool fixedSinceBaseline = !knownFailure && outcome.Outcome == VerdictOutcome.Pass && recorded?.Outcome == VerdictOutcome.Fail;
        return new RowClassification(recorded, evidence, match, knownFailure, fixedSinceBaseline);
    }

    private static FailureEvidence EvidenceOf(RowResult result, bool relation) => FailureEvidence.Of(
        FailureEvidence.TextOf(result.Output),
        FailureEvidence.TextOf(result.SourceOutput),
        relation,
        result.Trials?.Select(t => new FailureEvidence.Trial(System.Enum.Parse<VerdictOutcome>(t.Outcome, ignoreCase: true), FailureEvidence.TextOf(t.Output) ?? t.Reason)).ToArray(),
        result.Reason);
}
