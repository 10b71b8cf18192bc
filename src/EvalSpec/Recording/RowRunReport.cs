namespace EvalSpec.Recording;

/// <summary>
/// How far one eval row got, as the row runner saw it (all its trials together): what a Record run needs to tell whether
/// the row's entries that were not recorded again are stale (<see cref="RecordingSession.RowEnded"/>). A row whose eval
/// method threw or timed out, or whose judge errored, may not have made the calls it makes when it works, so its entries
/// stay.
/// </summary>
/// <param name="RowId">The row's id.</param>
/// <param name="SourceRowId">
/// The id its source run is filed under (for a relation row, its identity row's id); null when the row ran none (its
/// relation threw or did not change the input).
/// </param>
/// <param name="SourceReturned">Every source run the row used returned, without an exception or a timeout.</param>
/// <param name="ReachedChecks">
/// The row got to its checks in every trial (its source and follow-up runs returned, nothing threw, the run was not
/// cancelled), or had nothing to check (its relation did not change the input).
/// </param>
/// <param name="JudgesAnswered">Every judge the row asked gave a verdict (none errored).</param>
internal sealed record RowRunReport(string RowId, string? SourceRowId, bool SourceReturned, bool ReachedChecks, bool JudgesAnswered)
{
    /// <summary>Whether the row ran to its end: its entries not recorded again are stale (unless one of its calls failed).</summary>
    public bool RanToItsEnd => ReachedChecks && JudgesAnswered && (SourceRowId is null || SourceReturned);
}
