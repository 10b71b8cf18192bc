using EvalSpec.Judging;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// Whether a failing row is the failure its baseline entry records (a known failure, reported as skipped) or not (red),
/// and what the row's message says about it.
/// </summary>
/// <param name="Excused">The entry records this very failure: the same kind (failed checks, timeout, exception type,
/// trial rule) and the same evidence (<see cref="FailureEvidence"/>).</param>
/// <param name="Message">What the row message adds: why the failure is not excused, with the recorded and the new
/// failure side by side; empty when there is nothing to say (no entry, or excused).</param>
internal sealed record KnownFailureMatch(bool Excused, string Message)
{
    /// <summary>Decides for a row that failed now.</summary>
    /// <param name="recorded">The row's baseline entry, if any.</param>
    /// <param name="baselineFile">The baseline's file name, for messages.</param>
    /// <param name="kind">How the row failed now (its failure kind).</param>
    /// <param name="evidence">What the row showed now.</param>
    public static KnownFailureMatch Decide(BaselineEntry? recorded, string baselineFile, string? kind, FailureEvidence evidence)
    {
        if (recorded is null)
        {
            return new KnownFailureMatch(false, string.Empty);
        }

        switch (recorded.Outcome)
        {
            case VerdictOutcome.Pass:
                return new KnownFailureMatch(false, $"\nRegression: {baselineFile} records this row as passing.");
            case VerdictOutcome.Inconclusive:
                return new KnownFailureMatch(false, $"\nNot a known failure: {baselineFile} records this row as inconclusive, and only a recorded failure excuses one.");
        }

        if (recorded.Kind is null && recorded.Person is not null)
        {
            // An entry made by `evalspec baseline pin` for a row that had none: the person's verdict, not a recorded failure.
            return new KnownFailureMatch(
                false,
                $"\nNot a known failure yet: {baselineFile} has this row only as pinned by `evalspec baseline pin`; once you accept the failure, record it with EVALSPEC_BASELINE=update dotnet test, or `evalspec baseline update`.");
        }

        if (recorded.Kind is null || recorded.EvidenceHash is null)
        {
            string what = recorded.Kind is null ? "how it failed" : "what the failure showed";
            return new KnownFailureMatch(
                false,
                $"\nNot a known failure: {baselineFile} records this row as failing but not {what} (an entry written before baseline version {Baseline.CurrentVersion}), so it excuses nothing."
                + $"\n  recorded: {recorded.Kind ?? "(no kind)"}; {recorded.Reason ?? "(no reason)"}"
                + $"\n  now:      {kind}; {evidence}"
                + "\nRecord the baseline again once you have reviewed the failures: EVALSPEC_BASELINE=update dotnet test, or `evalspec baseline update`.");
        }

        if (recorded.Kind == kind && recorded.EvidenceHash == evidence.Hash)
        {
            return new KnownFailureMatch(true, string.Empty);
        }

        string differs = recorded.Kind != kind ? "failing differently" : $"failing the same way ({kind}) but with other evidence (another output, or another message)";
        return new KnownFailureMatch(
            false,
            $"\nRegression: {baselineFile} records this row as {differs}:"
            + $"\n  recorded: {recorded.Kind}; \"{recorded.Evidence}\" (evidence {recorded.EvidenceHash})"
            + $"\n  now:      {kind}; {evidence}");
    }
}
