namespace EvalSpec.Recording;

/// <summary>What the recordings did in one run (for the run summary).</summary>
/// <param name="Mode">The mode of the run.</param>
/// <param name="Directory">The folder of the recordings files.</param>
/// <param name="Replayed">Calls answered from a recording (no model call).</param>
/// <param name="Recorded">Calls that went to the model and whose answer was recorded.</param>
/// <param name="Live">Calls that went to the model without being recorded (Live mode, or a call still running when the run ended).</param>
/// <param name="Misses">Calls that failed in Replay mode because nothing was recorded for them.</param>
/// <param name="Removed">Entries removed at the end of a Record run because their row ran and did not make those calls again.</param>
/// <param name="FilesWritten">Recordings files created or changed in this run.</param>
/// <param name="Error">Why the recordings of this run could not be written (each file and its error); null when they were.</param>
internal sealed record RecordingStatistics(RecordingMode Mode, string Directory, int Replayed, int Recorded, int Live, int Misses, int Removed, int FilesWritten, string? Error = null)
{
    /// <summary>Calls that reached the model.</summary>
    public int ModelCalls => Recorded + Live;
}
