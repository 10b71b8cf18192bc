using System;
using System.Collections.Generic;

namespace EvalSpec.Recording;

/// <summary>
/// A recordings file as <see cref="RecordingFile.Update"/> read it under its lock, for one change to edit: its entries,
/// the test assembly it names, and whether it is deleted when the change leaves it empty.
/// </summary>
internal sealed class RecordingFileEdit
{
    public RecordingFileEdit(IEnumerable<RecordingEntry> entries, bool exists, DateTime lastWriteUtc, string? assembly)
    {
        foreach (RecordingEntry entry in entries)
        {
            Entries[entry.Id] = entry;
        }

        Exists = exists;
        LastWriteUtc = lastWriteUtc;
        Assembly = assembly;
    }

    /// <summary>The file's entries, by key; edited in place.</summary>
    public Dictionary<RecordingEntryId, RecordingEntry> Entries { get; } = new();

    /// <summary>Whether the file existed.</summary>
    public bool Exists { get; }

    /// <summary>When the file was last written (UTC), as the lock was taken: a pull or a checkout changes it.</summary>
    public DateTime LastWriteUtc { get; }

    /// <summary>The test assembly that records into the file (its <c>assembly</c>); null when it names none. Written back as set.</summary>
    public string? Assembly { get; set; }

    /// <summary>Delete the file rather than write one without entries (only when its eval class is known to be gone).</summary>
    public bool DeleteWhenEmpty { get; set; }
}
