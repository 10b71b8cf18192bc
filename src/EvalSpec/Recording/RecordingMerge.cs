using System;
using System.Collections.Generic;
using System.Linq;

namespace EvalSpec.Recording;

/// <summary>
/// How the answers of a run go into a recordings file (at the end of the run, or when a journal left by a crashed run is
/// compacted): what is added, what is replaced, what is kept and what is removed.
/// </summary>
internal static class RecordingMerge
{
    /// <summary>
    /// Applies <paramref name="recorded"/> (the answers of successful calls, latest per key), <paramref name="unusable"/>
    /// (answers replayed in this run that their caller could not use) and <paramref name="remove"/> to the entries of a file.
    /// </summary>
    /// <remarks>
    /// A recorded answer takes its key's place, except that an answer its caller could not use never replaces one it could
    /// (a judge endpoint that answered garbage for a while does not wipe good recordings). Entries recorded in this run are
    /// never removed.
    /// </remarks>
    /// <param name="entries">The file's entries, changed in place.</param>
    /// <param name="recorded">The answers recorded in this run.</param>
    /// <param name="unusable">Replayed answers found unusable in this run, by key, with why.</param>
    /// <param name="remove">Which of the other entries to remove; null removes none.</param>
    /// <returns>What changed.</returns>
    public static RecordingChanges Apply(
        Dictionary<RecordingEntryId, RecordingEntry> entries,
        IEnumerable<RecordingEntry> recorded,
        IEnumerable<KeyValuePair<RecordingEntryId, string>> unusable,
        Func<RecordingEntry, bool>? remove)
    {
        int added = 0, replaced = 0, kept = 0, removed = 0;
        var recordedIds = new HashSet<RecordingEntryId>();
        foreach (RecordingEntry entry in recorded)
        {
            recordedIds.Add(entry.Id);
            if (!entries.TryGetValue(entry.Id, out RecordingEntry? existing))
            {
                entries[entry.Id] = entry;
                added++;
            }
            else if (entry.Unusable is not null && existing.Unusable is null)
            {
                kept++;
            }
            else if (!entry.SameAs(existing))
            {
                entries[entry.Id] = entry;
                replaced++;
            }
        }

        foreach ((RecordingEntryId id, string reason) in unusable)
        {
            if (!recordedIds.Contains(id) && entries.TryGetValue(id, out RecordingEntry? replayed) && replayed.Unusable is null)
            {
                entries[id] = replayed with { Unusable = reason };
            }
        }

        if (remove is not null)
        {
            foreach (RecordingEntry stale in entries.Values.Where(e => !recordedIds.Contains(e.Id) && remove(e)).ToList())
            {
                entries.Remove(stale.Id);
                removed++;
            }
        }

        return new RecordingChanges(added, replaced, kept, removed);
    }
}

/// <summary>What a write did to a recordings file.</summary>
/// <param name="Added">Answers recorded under a key the file did not have.</param>
/// <param name="Replaced">Entries whose answer changed.</param>
/// <param name="Kept">Entries kept because the new answer to their request was one its caller could not use.</param>
/// <param name="Removed">Entries removed (rows that ran without making those calls again, or that no longer exist).</param>
internal readonly record struct RecordingChanges(int Added, int Replaced, int Kept, int Removed)
{
    public static RecordingChanges operator +(RecordingChanges a, RecordingChanges b) =>
        new(a.Added + b.Added, a.Replaced + b.Replaced, a.Kept + b.Kept, a.Removed + b.Removed);
}
