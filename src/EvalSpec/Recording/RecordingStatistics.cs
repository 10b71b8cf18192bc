namespace EvalSpec.Recording;

/// <summary>What the recordings did in one run (for the run summary and summary.json).</summary>
/// <param name="Mode">The mode of the run.</param>
/// <param name="Directory">The folder of the recordings files.</param>
/// <param name="Replayed">Calls answered from a recording (no model call).</param>
/// <param name="Recorded">Calls that went to the model and whose answer was recorded.</param>
/// <param name="Live">Calls that went to the model without being recorded (Live mode, or a call still running when the run ended).</param>
/// <param name="Misses">Calls that failed in Replay mode because nothing was recorded for them.</param>
/// <param name="Removed">Entries removed from the files at the end of a Record run: of rows that ran without making those calls again, and (in a full run) of rows that no longer exist.</param>
/// <param name="FilesWritten">Recordings files created, changed or deleted in this run.</param>
/// <param name="Error">Why the recordings of this run could not be written (each file and its error); null when they were.</param>
internal sealed record RecordingStatistics(RecordingMode Mode, string Directory, int Replayed, int Recorded, int Live, int Misses, int Removed, int FilesWritten, string? Error = null)
{
    /// <summary>Calls that reached the model.</summary>
    public int ModelCalls => Recorded + Live;

    /// <summary>
    /// The recording modes, other than this run's, of the runs whose rows a resumed run took over and counted the model calls
    /// of (<c>modelCalls.mode</c> of their lines); null when there were none.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<string>? TakenOverModes { get; init; }

    /// <summary>Calls to the model that failed (an error, a timeout); their entries were neither replaced nor removed.</summary>
    public int Failed { get; init; }

    /// <summary>
    /// Replayed calls answered by an entry keyed as before tool call ids were numbered (recorded by an older EvalSpec): they
    /// replay, and the file keeps them as they are; a Record run writes them again under today's keys.
    /// </summary>
    public int LegacyKeyReplayed { get; init; }

    /// <summary>Answers (recorded or replayed) whose caller could not use them: flagged <c>unusable</c> in the files, called again by the next Auto run.</summary>
    public int Unusable { get; init; }

    /// <summary>Entries added to the files (a key they did not have).</summary>
    public int Added { get; init; }

    /// <summary>Entries whose recorded answer changed.</summary>
    public int Replaced { get; init; }

    /// <summary>Entries kept because the new answer to their request was unusable and theirs was not.</summary>
    public int Kept { get; init; }

    /// <summary>
    /// Rows of a Record run that did not run to their end (their eval method threw or timed out, a judge errored, or the run
    /// was cancelled): they kept all their entries, since they may not have made the calls they make when they work.
    /// </summary>
    public int RowsKept { get; init; }

    /// <summary>Why a Record run removed nothing although it would have (too many failed calls, or rows cut short); null otherwise.</summary>
    public string? NothingRemoved { get; init; }

    /// <summary>Answers of interrupted runs (journals left behind) written into the files when this run started.</summary>
    public int Recovered { get; init; }

    /// <summary>Answers of interrupted runs not written because the file's entry changed since their run read it (the file's entry was kept).</summary>
    public int NotRecovered { get; init; }

    /// <summary>Which answers of which journals were not written, why, and where they were set aside; null when none.</summary>
    public string? NotRecoveredReason { get; init; }

    /// <summary>How long the end of the run took to write the recordings files (milliseconds).</summary>
    public double WriteMilliseconds { get; init; }
}
