using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Recording;

/// <summary>
/// The recordings of one eval class during a run: the entries read from its file, the occurrence counters of this run,
/// the entries recorded in this run, and the writing of the file. Safe for concurrent rows.
/// </summary>
internal sealed class SuiteRecordings
{
    private readonly object _gate = new();
    private readonly Dictionary<RecordingEntryId, RecordingEntry> _entries = new();
    private readonly Dictionary<(string Context, string Hash), int> _completed = new();
    private readonly Dictionary<RecordingEntryId, RecordingEntry> _recorded = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _generation;
    private int _writtenGeneration;
    private bool _closed;
    private int _written;

    /// <summary>Reads the suite's file.</summary>
    /// <exception cref="EvalConfigurationException">The file cannot be read.</exception>
    public SuiteRecordings(string suite, string path)
    {
        Suite = suite;
        Path = path;
        foreach (RecordingEntry entry in RecordingFile.Read(path))
        {
            _entries[entry.Id] = entry;
        }
    }

    public string Suite { get; }

    public string Path { get; }

    /// <summary>Whether this run created or changed the file.</summary>
    public bool Written => Volatile.Read(ref _written) == 1;

    /// <summary>The recording of the next occurrence of <paramref name="call"/> in its context, counted as used; null when there is none.</summary>
    public RecordingEntry? TryReplay(RecordingCall call)
    {
        lock (_gate)
        {
            int occurrence = _completed.GetValueOrDefault((call.Context, call.Hash));
            if (!_entries.TryGetValue(new RecordingEntryId(call.Context, call.Hash, occurrence), out RecordingEntry? entry))
            {
                return null;
            }

            _completed[(call.Context, call.Hash)] = occurrence + 1;
            return entry;
        }
    }

    /// <summary>The occurrence index the next successful <paramref name="call"/> in its context would get.</summary>
    public int NextOccurrence(RecordingCall call)
    {
        lock (_gate)
        {
            return _completed.GetValueOrDefault((call.Context, call.Hash));
        }
    }

    /// <summary>The recordings of <paramref name="context"/> whose request differs from <paramref name="hash"/> (to explain a miss).</summary>
    public IReadOnlyList<RecordingEntry> OtherRequestsIn(string context, string hash)
    {
        lock (_gate)
        {
            return _entries.Values.Where(e => e.Context == context && e.Hash != hash).OrderBy(e => e.Client, StringComparer.Ordinal).ThenBy(e => e.Hash, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Remembers the answer of a successful call as the next occurrence in its context.</summary>
    /// <returns>The generation to pass to <see cref="PersistAsync"/>; null once <see cref="Complete"/> has run.</returns>
    public int? Record(RecordingCall call, JsonElement request, JsonElement response)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            // Occurrences count successful calls only, so a failed attempt that a retry repeats does not shift the index.
            int occurrence = _completed.GetValueOrDefault((call.Context, call.Hash));
            _completed[(call.Context, call.Hash)] = occurrence + 1;
            var entry = new RecordingEntry(call.Context, call.Client, call.Kind, call.Hash, occurrence, request, response);
            _entries[entry.Id] = entry;
            _recorded[entry.Id] = entry;
            return ++_generation;
        }
    }

    /// <summary>
    /// Writes the file if it does not hold <paramref name="generation"/> yet. Concurrent callers share one write: the first
    /// writes every entry recorded so far, the ones waiting behind it find their entry written and return.
    /// </summary>
    public async Task PersistAsync(int generation)
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _writtenGeneration) >= generation)
            {
                return;
            }

            WriteRecorded(pruned: null, out _);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// The last write of the run. With <paramref name="pruned"/> (Record mode), the entries of the contexts it selects that
    /// were not recorded in this run are removed; other contexts keep theirs.
    /// </summary>
    /// <param name="pruned">Whether the stale entries of a context path are removed; null removes none.</param>
    /// <param name="removed">How many entries were removed.</param>
    /// <returns>Whether the file was written.</returns>
    public bool Complete(Func<string, bool>? pruned, out int removed)
    {
        _writer.Wait();
        try
        {
            removed = 0;
            bool dirty;
            lock (_gate)
            {
                _closed = true;

                // A pruning run may have entries to remove even if it recorded nothing into this file; the write compares
                // bytes and leaves an unchanged file alone.
                dirty = _generation > _writtenGeneration || pruned is not null;
            }

            return dirty && WriteRecorded(pruned, out removed);
        }
        finally
        {
            _writer.Release();
        }
    }

    private bool WriteRecorded(Func<string, bool>? pruned, out int removed)
    {
        int generation;
        RecordingEntry[] recorded;
        lock (_gate)
        {
            generation = _generation;
            recorded = _recorded.Values.ToArray();
        }

        int count = 0;
        bool written = RecordingFile.Update(Path, Suite, entries =>
        {
            foreach (RecordingEntry entry in recorded)
            {
                entries[entry.Id] = entry;
            }

            if (pruned is not null)
            {
                var keep = recorded.Select(e => e.Id).ToHashSet();
                foreach (RecordingEntryId stale in entries.Keys.Where(id => !keep.Contains(id) && pruned(id.Context)).ToList())
                {
                    entries.Remove(stale);
                    count++;
                }
            }
        });

        Volatile.Write(ref _writtenGeneration, generation);
        if (written)
        {
            Volatile.Write(ref _written, 1);
        }

        removed = count;
        return written;
    }
}
