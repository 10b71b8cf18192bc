namespace EvalSpec.Persistence;

/// <summary>
/// The format table of the files EvalSpec writes for you to commit: format number -> the first EvalSpec version that
/// writes it. Bump a format (and add its row here, and a schema in <c>docs/schemas/</c>) whenever an older EvalSpec would
/// misread the new files; add a field an older reader can ignore without a bump.
/// </summary>
/// <remarks>
/// Verified snapshots carry no format number (see docs/schemas/README.md): they are the content under review, compared
/// byte for byte, and an imperative snapshot is your own value.
/// </remarks>
internal static class CommittedFileFormats
{
    /// <summary><c>&lt;Suite&gt;.recordings.json</c>: <c>"format"</c>.</summary>
    public static readonly CommittedFileFormat Recordings = new("recordings file", "recordings.schema.json", (1, "0.1.0"));

    /// <summary>
    /// <c>evalspec.baseline.json</c>: <c>"format"</c> (files written before 0.1.0 was released name it <c>"version"</c>,
    /// which is still read). Format 1: rows with outcome, reason and kind; format 2 adds row scores and per-method metrics; format 3 adds
    /// the evidence (excerpt and hash of the normalised output) of failing rows, without which a failure excuses nothing; format 4
    /// (written only when a row has one) adds a person's verdict pinned for a row, which an older EvalSpec would drop.
    /// </summary>
    public static readonly CommittedFileFormat Baseline = new("baseline", "baseline.schema.json", (1, "0.1.0 pre-release builds"), (2, "0.1.0 pre-release builds"), (3, "0.1.0"), (4, "0.1.0"));
}
