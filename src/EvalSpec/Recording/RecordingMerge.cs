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

    /// <summary>
    /// Applies the answers of a journal left behind by a run (killed, or unable to write its files) to a file's entries. An
    /// answer is written only where the file still holds what the run read when it recorded it (the same entry, or no entry
    /// then and now): if the file's entry changed since (a teammate's re-recording pulled, another branch checked out: the
    /// journal is git-ignored and survives both), the file's entry is kept and the answer is a conflict. An entry the file
    /// no longer has is written back. Nothing is removed.
    /// </summary>
    /// <param name="entries">The file's entries, changed in place.</param>
    /// <param name="answers">The journal's answers for this file.</param>
    /// <param name="earlier">
    /// What earlier journals of the same recovery wrote into this file, by key: the version their answer was recorded over
    /// and the version they wrote. Two killed runs that recorded over the same entry are not in conflict: the later one
    /// (journals are recovered oldest first) wins, as it would have had both runs ended. Updated here.
    /// </param>
    /// <param name="conflicts">Receives the answers that were not written.</param>
    /// <param name="journalIsNewer">
    /// Whether the journal was last written after the file last changed: for a line that does not say what it was recorded
    /// over (a journal of an older version), the only sign that the file's entry is not newer than the answer.
    /// </param>
    /// <returns>The answers now in the file (written, or already there).</returns>
    public static int Recover(
        Dictionary<RecordingEntryId, RecordingEntry> entries,
        RecordingJournal.SuiteJournal answers,
        Dictionary<RecordingEntryId, (RecordingJournal.EntryBase Base, string Written)> earlier,
        List<RecordingEntry> conflicts,
        bool journalIsNewer)
    {
        int recovered = 0;
        foreach (RecordingEntry answer in answers.Entries.Values.OrderBy(e => e.Context, StringComparer.Ordinal).ThenBy(e => e.Hash, StringComparer.Ordinal).ThenBy(e => e.Occurrence))
        {
            RecordingJournal.EntryBase recordedOver = answers.Bases.GetValueOrDefault(answer.Id, RecordingJournal.EntryBase.Unknown);
            if (!entries.TryGetValue(answer.Id, out RecordingEntry? current))
            {
                entries[answer.Id] = answer;
                earlier[answer.Id] = (recordedOver, RecordingFile.VersionOf(answer));
                recovered++;
                continue;
            }

            if (current.SameAs(answer))
            {
                recovered++;
                continue;
            }

            string now = RecordingFile.VersionOf(current);
            bool unchanged = recordedOver.Known ? recordedOver.Version == now : journalIsNewer;
            bool sameStart = recordedOver.Known && earlier.TryGetValue(answer.Id, out var before) && before.Base == recordedOver && before.Written == now;
            if (!unchanged && !sameStart)
            {
                conflicts.Add(answer);
                continue;
            }

            // As at the end of a run: an answer its caller could not use never replaces one it could.
            if (answer.Unusable is null || current.Unusable is not null)
            {
                entries[answer.Id] = answer;
                earlier[answer.Id] = (recordedOver, RecordingFile.VersionOf(answer));
            }

            recovered++;
        }

        foreach ((RecordingEntryId id, (string reason, RecordingJournal.EntryBase recordedOver)) in answers.Unusable)
        {
            // A flag is about the answer the run replayed: it goes only onto that very answer.
            if (entries.TryGetValue(id, out RecordingEntry? replayed) && replayed.Unusable is null
                && recordedOver.Known && recordedOver.Version == RecordingFile.VersionOf(replayed))
            {
                entries[id] = replayed with { Unusable = reason };
            }
        }

        return recovered;
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
