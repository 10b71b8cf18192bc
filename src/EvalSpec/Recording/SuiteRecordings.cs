using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;

namespace EvalSpec.Recording;

/// <summary>
/// The recordings of one eval class during a run: the entries read from its file, the occurrence counters of this run,
/// the answers recorded in this run and the replayed answers found unusable, and the one write of the file at the end of
/// the run. Safe for concurrent rows.
/// </summary>
internal sealed class SuiteRecordings
{
    private readonly object _gate = new();
    private readonly Dictionary<RecordingEntryId, RecordingEntry> _entries = new();
    private readonly Dictionary<RecordingEntryId, RecordingEntry> _read = new();
    private readonly Dictionary<(string Context, string Hash), int> _completed = new();
    private readonly Dictionary<RecordingEntryId, RecordingEntry> _recorded = new();
    private readonly Dictionary<RecordingEntryId, string> _unusable = new();
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
            _read[entry.Id] = entry;
        }
    }

    public string Suite { get; }

    public string Path { get; }

    /// <summary>Whether this run created, changed or deleted the file.</summary>
    public bool Written => Volatile.Read(ref _written) == 1;

    /// <summary>
    /// The recording of the next occurrence of <paramref name="call"/> in its context, counted as used; null when there is
    /// none, or when it is an answer found unusable and <paramref name="skipUnusable"/> (Auto mode: the model is called again,
    /// and its answer recorded under the same key).
    /// </summary>
    public RecordingEntry? TryReplay(RecordingCall call, bool skipUnusable)
    {
        lock (_gate)
        {
            if (TryReplay(call.Context, call.Hash, skipUnusable) is { } entry)
            {
                return entry;
            }

            // A recording made before tool call ids were numbered is keyed by the ids it was sent with; its answers kept the
            // provider's ids, so a replayed loop sends them back and finds each next turn by its old key. Replayed as it is,
            // never re-keyed in the file: a Record run replaces it like any entry.
            if (call.LegacyHash is { } legacy && TryReplay(call.Context, legacy, skipUnusable) is { } old)
            {
                return old;
            }

            return null;
        }
    }

    private RecordingEntry? TryReplay(string context, string hash, bool skipUnusable)
    {
        int occurrence = _completed.GetValueOrDefault((context, hash));
        var id = new RecordingEntryId(context, hash, occurrence);
        if (!_entries.TryGetValue(id, out RecordingEntry? entry) || (skipUnusable && (entry.Unusable is not null || _unusable.ContainsKey(id))))
        {
            return null;
        }

        _completed[(context, hash)] = occurrence + 1;
        return entry;
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
    /// <param name="call">The call.</param>
    /// <param name="request">Its readable summary.</param>
    /// <param name="response">Its answer.</param>
    /// <param name="baseVersion">The version of the file's entry under the same key when this run read the file, or null (none): the journal line carries it.</param>
    /// <returns>The entry; null once <see cref="Complete"/> has run (too late to be written).</returns>
    public RecordingEntry? Record(RecordingCall call, JsonElement request, JsonElement response, out string? baseVersion)
    {
        baseVersion = null;
        RecordingEntry entry;
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            // Occurrences count successful calls only, so a failed attempt that a retry repeats does not shift the index.
            int occurrence = _completed.GetValueOrDefault((call.Context, call.Hash));
            _completed[(call.Context, call.Hash)] = occurrence + 1;
            entry = new RecordingEntry(call.Context, call.Client, call.Kind, call.Hash, occurrence, request, response);
            _entries[entry.Id] = entry;
            _recorded[entry.Id] = entry;
            _unusable.Remove(entry.Id);
        }

        // Outside the lock (the entries read from the file never change): hashing an entry must not hold up other rows.
        baseVersion = BaseOf(entry.Id);
        return entry;
    }

    /// <summary>
    /// Remembers that the answer under <paramref name="id"/> (recorded or replayed in this run) could not be used.
    /// </summary>
    /// <param name="id">The answer's key.</param>
    /// <param name="reason">Why it could not be used.</param>
    /// <param name="baseVersion">The version of the file's entry under that key when this run read the file, or null (none): the journal line carries it.</param>
    /// <returns>False once <see cref="Complete"/> has run.</returns>
    public bool MarkUnusable(RecordingEntryId id, string reason, out string? baseVersion)
    {
        lock (_gate)
        {
            baseVersion = BaseOf(id);
            if (_closed)
            {
                return false;
            }

            if (_recorded.TryGetValue(id, out RecordingEntry? recorded))
            {
                _recorded[id] = recorded with { Unusable = reason };
            }
            else
            {
                _unusable[id] = reason;
            }

            return true;
        }
    }

    /// <summary>
    /// The one write of the run: under the file's lock, merges this run's answers into what is on disk now (other processes'
    /// entries included) and removes the entries <paramref name="plan"/> selects (Record mode), unless they were recorded
    /// in this run. Only entries this run read from the file, unchanged since, are ever removed: what another process, a
    /// pull or a checkout put in the file while the run went on is not the run's to judge.
    /// </summary>
    /// <param name="plan">What the run removes.</param>
    /// <param name="assembly">The test assembly of the run, written in the file as the one that records into it; null: the file keeps what it names.</param>
    /// <returns>What changed in the file.</returns>
    public RecordingChanges Complete(RecordingRemovalPlan plan, string? assembly)
    {
        RecordingEntry[] recorded;
        KeyValuePair<RecordingEntryId, string>[] unusable;
        lock (_gate)
        {
            _closed = true;
            recorded = _recorded.Values.ToArray();
            unusable = _unusable.ToArray();
        }

        if (recorded.Length == 0 && unusable.Length == 0 && !plan.RemovesAny)
        {
            return default;
        }

        RecordingChanges changes = default;
        bool written = RecordingFile.Update(Path, Suite, file =>
        {
            Func<RecordingEntry, bool>? remove = plan.For(Suite, Path, file);
            changes = RecordingMerge.Apply(file.Entries, recorded, unusable, remove is null ? null : entry => remove(entry) && ReadUnchanged(entry));
            if (assembly is not null && Suite != RecordingContext.SharedSuite)
            {
                file.Assembly = assembly;
            }
        });
        if (written)
        {
            Volatile.Write(ref _written, 1);
        }

        return changes;
    }

    /// <summary>Whether this run read <paramref name="entry"/> from the file as it is now.</summary>
    private bool ReadUnchanged(RecordingEntry entry) => _read.TryGetValue(entry.Id, out RecordingEntry? read) && read.SameAs(entry);

    /// <summary>The version of the file's entry under <paramref name="id"/> when this run read the file; null when it had none (read-only after the constructor: no lock needed).</summary>
    private string? BaseOf(RecordingEntryId id) => _read.TryGetValue(id, out RecordingEntry? read) ? RecordingFile.VersionOf(read) : null;
}
