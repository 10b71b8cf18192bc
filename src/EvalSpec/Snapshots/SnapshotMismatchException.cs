using System;

namespace EvalSpec.Snapshots;

/// <summary>
/// Fails a test whose snapshot does not match its <c>.verified.</c> file, or has none: the message holds a diff and
/// says how to accept the received content.
/// </summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What differs, the diff and how to accept.</param>
    /// <param name="verifiedFile">The verified file (which may not exist).</param>
    /// <param name="receivedFile">The <c>.received.</c> file written, if any.</param>
    /// <param name="diff">The diff from the verified to the received content, if both exist.</param>
    public SnapshotMismatchException(string message, string verifiedFile, string? receivedFile, string? diff)
        : base(message)
    {
        VerifiedFile = verifiedFile;
        ReceivedFile = receivedFile;
        Diff = diff;
    }

    /// <summary>The full path of the verified file (which may not exist).</summary>
    public string VerifiedFile { get; }

    /// <summary>The full path of the <c>.received.</c> file written, if any.</summary>
    public string? ReceivedFile { get; }

    /// <summary>The unified diff from the verified to the received content, when the verified file exists.</summary>
    public string? Diff { get; }
}
