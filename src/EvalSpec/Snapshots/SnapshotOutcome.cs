namespace EvalSpec.Snapshots;

/// <summary>How a snapshot verification ended.</summary>
internal enum SnapshotOutcome
{
    /// <summary>The received content matches the verified file (exactly, or by meaning); a stale <c>.received.</c> file was deleted.</summary>
    Matched,

    /// <summary>Accept mode: the received content was written as the verified file.</summary>
    Accepted,

    /// <summary>There is no verified file; the content was written to a <c>.received.</c> file.</summary>
    Missing,

    /// <summary>The received content differs; it was written to a <c>.received.</c> file.</summary>
    Mismatched,

    /// <summary>The verified file cannot be used (carriage returns, not UTF-8); nothing was compared.</summary>
    InvalidVerifiedFile,
}
