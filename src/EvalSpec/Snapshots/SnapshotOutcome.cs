namespace EvalSpec.Snapshots;

/// <summary>How a snapshot verification ended.</summary>
internal enum SnapshotOutcome
{
    /// <summary>
    /// The received content matches the verified file: exactly (a stale <c>.received.</c> file was deleted), or by meaning
    /// (the new output was written to a <c>.received.</c> file, to accept if it should become the verified one).
    /// </summary>
    Matched,

    /// <summary>Accept mode: the received content was written as the verified file.</summary>
    Accepted,

    /// <summary>There is no verified file; the content was written to a <c>.received.</c> file.</summary>
    Missing,

    /// <summary>The received content differs; it was written to a <c>.received.</c> file.</summary>
    Mismatched,

    /// <summary>The verified file cannot be used (carriage returns, not UTF-8); nothing was compared.</summary>
    InvalidVerifiedFile,

    /// <summary>
    /// The eval row produced no output (its eval method failed): only the prompt part was compared, read-only, and it
    /// matches the verified file. Nothing was written.
    /// </summary>
    PromptMatched,

    /// <summary>The eval row produced no output and there is no verified file: nothing was compared or written.</summary>
    NotCompared,
}
