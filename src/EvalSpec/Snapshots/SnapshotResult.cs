namespace EvalSpec.Snapshots;

/// <summary>The result of verifying one snapshot.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="VerifiedFile">The full path of the verified file (whether or not it exists).</param>
/// <param name="ReceivedFile">The <c>.received.</c> file written, if any.</param>
/// <param name="Message">What happened and what to do, ready for a test failure or a results entry.</param>
internal sealed record SnapshotResult(SnapshotOutcome Outcome, string VerifiedFile, string? ReceivedFile, string Message)
{
    /// <summary>Whether the test may pass: matched (exactly or by meaning), accepted, or the prompt matched when there was no output.</summary>
    public bool Passed => Outcome is SnapshotOutcome.Matched or SnapshotOutcome.Accepted or SnapshotOutcome.PromptMatched;

    /// <summary>The unified diff from the verified to the received content, when both exist and differ.</summary>
    public string? Diff { get; init; }

    /// <summary>Whether the prompt part of an eval-row snapshot changed (then the output was not compared by meaning).</summary>
    public bool PromptChanged { get; init; }

    /// <summary>Whether the output differs from the verified one but the equivalence check found it means the same.</summary>
    public bool MatchedByMeaning { get; init; }

    /// <summary>The equivalence check's reason, when it was asked.</summary>
    public string? EquivalenceReason { get; init; }

    /// <summary>Accept mode was asked for on a build server and refused; the variable that shows the build server.</summary>
    public string? AcceptRefusedBecause { get; init; }
}
