using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;

namespace EvalSpec.Recording;

/// <summary>
/// The recordings of one eval run: replays recorded model answers and records new ones, as <see cref="Mode"/> says, into one
/// file per eval class under <see cref="Directory"/>. The run starts it (<see cref="Start(EvalOptions, string)"/>) and
/// completes it at the end (<see cref="Complete"/>); recording clients find it through <see cref="Current"/> at call time,
/// so clients built before the run (in a startup) record too, and without a session they pass calls through.
/// </summary>
/// <remarks>
/// <para>
/// A call is identified by its context (row, phase, trial; <c>no-row</c> outside rows), its request hash (client name,
/// model, messages, options, tools; see <see cref="RequestFingerprint"/>) and its occurrence: the n-th identical request in
/// that context gets the n-th recording, so a request repeated within a row replays in order and trials are separate.
/// Occurrences count successful calls only: a failed attempt that a retry repeats does not shift them.
/// </para>
/// <para>
/// Writing: after each recorded answer the call waits until its suite's file is written (concurrent calls share one write),
/// so a crashed run keeps everything recorded before the crash. Each write re-reads the file under a lock that other
/// processes respect and merges, so two runs recording into the same folder (e.g. two target frameworks) keep each
/// other's entries. Auto never removes entries; Record, at <see cref="Complete"/>, leaves each row that ran in this run
/// with exactly this run's entries, in every phase and trial (a changed prompt's old answer, the calls of a judge that was
/// removed and the trials beyond a lowered trial count disappear), and keeps rows that did not run (a filtered run loses
/// nothing) and calls outside rows (no run can tell which of them are stale). Replay and Live never write.
/// </para>
/// <para>
/// Misses: in Replay mode a call without a recording throws <see cref="RecordingMissException"/> into the code that made
/// it, which may catch it (a fallback answer, a retry policy). So the session also keeps each row's misses, and the row
/// runner fails a row that had one (<see cref="MissesFor"/>) whatever its output.
/// </para>
/// </remarks>
internal sealed class RecordingSession : IDisposable
{
    private static RecordingSession? s_current;

    private readonly ConcurrentDictionary<string, Lazy<SuiteRecordings>> _suites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordingMissException>> _missesByRow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordingMissException>> _sourceMissesByRow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _rowsRan = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sourcesRan = new(StringComparer.Ordinal);
    private readonly string? _modeSource;
    private int _replayed;
    private int _recorded;
    private int _live;
    private int _misses;
    private int _removed;
    private int _completed;
    private string? _error;

    /// <summary>Creates a session that is not <see cref="Current"/> (tests; the run uses <see cref="Start(RecordingMode, string, string?)"/>).</summary>
    /// <param name="mode">How calls use recordings.</param>
    /// <param name="directory">The folder of the recordings files.</param>
    /// <param name="modeSource">Why this mode, for messages (e.g. "the default on a build server: CI is set"); null when configured.</param>
    internal RecordingSession(RecordingMode mode, string directory, string? modeSource = null)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown recording mode.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Mode = mode;
        Directory = Path.GetFullPath(directory);
        _modeSource = modeSource;
    }

    /// <summary>The session of the run in progress, or null (no run, or the run has completed).</summary>
    public static RecordingSession? Current => Volatile.Read(ref s_current);

    /// <summary>How calls use recordings.</summary>
    public RecordingMode Mode { get; }

    /// <summary>The folder of the recordings files (full path).</summary>
    public string Directory { get; }

    /// <summary>What the recordings did so far in this run.</summary>
    public RecordingStatistics Statistics => new(
        Mode,
        Directory,
        Volatile.Read(ref _replayed),
        Volatile.Read(ref _recorded),
        Volatile.Read(ref _live),
        Volatile.Read(ref _misses),
        Volatile.Read(ref _removed),
        CreatedSuites().Count(s => s.Written),
        Volatile.Read(ref _error));

    /// <summary>The default mode: Replay on a build server (no network, no surprise model calls), else Auto.</summary>
    /// <param name="source">Why: the build-server variable that was found, for messages.</param>
    public static RecordingMode DefaultMode(out string source)
    {
        if (ContinuousIntegration.IsDetected(out string? variable))
        {
            source = $"the default on a build server: {variable} is set";
            return RecordingMode.Replay;
        }

        source = "the default off build servers";
        return RecordingMode.Auto;
    }

    /// <summary>
    /// Starts the run's session from <see cref="EvalOptions.Recording"/> (default <see cref="DefaultMode"/>) and
    /// <see cref="EvalOptions.RecordingsDirectory"/> (default <c>&lt;project&gt;/recordings</c>, relative paths from the project).
    /// </summary>
    /// <exception cref="EvalConfigurationException">The configured mode is unknown.</exception>
    /// <exception cref="InvalidOperationException">Another session is current (the previous run was not completed).</exception>
    public static RecordingSession Start(EvalOptions options, string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        RecordingMode mode;
        string? source = null;
        if (options.Recording is { } configured)
        {
            if (!Enum.IsDefined(configured))
            {
                throw new EvalConfigurationException($"Recording mode '{configured}' is unknown; use Auto, Live, Record or Replay (EVALSPEC_RECORDING or \"Recording\" in evalspec.json).");
            }

            mode = configured;
        }
        else
        {
            mode = DefaultMode(out string defaultSource);
            source = defaultSource;
        }

        string directory = string.IsNullOrWhiteSpace(options.RecordingsDirectory)
            ? Path.Combine(projectDirectory, "recordings")
            : Path.GetFullPath(options.RecordingsDirectory!, projectDirectory);
        return Start(mode, directory, source);
    }

    /// <summary>Creates a session and makes it <see cref="Current"/>.</summary>
    /// <exception cref="InvalidOperationException">Another session is current (the previous run was not completed).</exception>
    public static RecordingSession Start(RecordingMode mode, string directory, string? modeSource = null)
    {
        var session = new RecordingSession(mode, directory, modeSource);
        if (Interlocked.CompareExchange(ref s_current, session, null) is { } other)
        {
            throw new InvalidOperationException($"A recording session ({other.Mode}, {other.Directory}) is already running; complete it before starting another.");
        }

        return session;
    }

    /// <summary>
    /// Ends the session: it stops being <see cref="Current"/>, its last writes happen (Record mode removes the stale entries
    /// of the rows that ran), and calls still running afterwards are not recorded. Safe to call twice.
    /// </summary>
    /// <exception cref="IOException">A recordings file could not be written; the message names it, and
    /// <see cref="RecordingStatistics.Error"/> keeps it for the run summary.</exception>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1)
        {
            return;
        }

        Interlocked.CompareExchange(ref s_current, null, this);
        Func<string, bool>? pruned = Mode == RecordingMode.Record ? RanInThisRun : null;
        var failures = new List<string>();
        Exception? first = null;
        foreach (SuiteRecordings suite in CreatedSuites())
        {
            try
            {
                suite.Complete(pruned, out int removed);
                Interlocked.Add(ref _removed, removed);
            }
            catch (Exception ex)
            {
                // Every file gets its last write, and every failure is reported, whatever went wrong with one of them.
                failures.Add(ex is IOException or UnauthorizedAccessException or EvalConfigurationException ? $"{suite.Path}: {ex.Message}" : $"{suite.Path}: {ex.GetType().Name}: {ex.Message}");
                first ??= ex;
            }
        }

        if (first is not null)
        {
            string error = "EvalSpec could not write the recordings of this run:" + Environment.NewLine + string.Join(Environment.NewLine, failures);
            Volatile.Write(ref _error, error);
            throw new IOException(error, first);
        }
    }

    /// <inheritdoc cref="Complete"/>
    public void Dispose() => Complete();

    /// <summary>Whether calls go straight to the model with no key computed (Live mode).</summary>
    internal bool PassesThrough => Mode == RecordingMode.Live;

    /// <summary>Counts a call that went to the model unrecorded.</summary>
    internal void CountLive() => Interlocked.Increment(ref _live);

    /// <summary>
    /// The Replay-mode misses of a row: those of the source run it used, then those of its own phases (follow-up, judges),
    /// each in the order they happened; empty when it had none. The row runner fails a row that had one, because the code
    /// under test may have caught the miss and answered something else, which would be judged.
    /// </summary>
    /// <param name="rowId">The row's id (<see cref="EvalCallContext.RowId"/> of its calls).</param>
    /// <param name="sourceRowId">
    /// For a relation row, its identity row's id: a case's rows share one source run per trial, filed under the identity row,
    /// and its misses fail every row that used it (but the identity row's judge misses do not). Null for an identity row.
    /// </param>
    internal IReadOnlyList<RecordingMissException> MissesFor(string rowId, string? sourceRowId = null)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        var misses = new List<RecordingMissException>();
        if (_sourceMissesByRow.TryGetValue(sourceRowId ?? rowId, out ConcurrentQueue<RecordingMissException>? source))
        {
            misses.AddRange(source);
        }

        if (_missesByRow.TryGetValue(rowId, out ConcurrentQueue<RecordingMissException>? own))
        {
            misses.AddRange(own);
        }

        return misses;
    }

    /// <summary>
    /// Why a row with <paramref name="misses"/> fails: that its calls were not recorded, the first miss in full (key, request,
    /// how to record it) and the keys of the others.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="misses"/> is empty.</exception>
    internal static string DescribeMisses(IReadOnlyList<RecordingMissException> misses)
    {
        ArgumentNullException.ThrowIfNull(misses);
        if (misses.Count == 0)
        {
            throw new ArgumentException("There is no miss to describe.", nameof(misses));
        }

        var text = new StringBuilder()
            .Append(misses.Count).Append(" model call(s) of this row had no recording (replay mode), so the row fails whatever its output")
            .AppendLine(" (code that catches the miss, such as a fallback answer or a retry policy, would otherwise be judged on what it answered instead).")
            .Append(misses[0].Message);
        if (misses.Count > 1)
        {
            text.AppendLine().Append("Also missing: ")
                .Append(string.Join(", ", misses.Skip(1).Select(m => m.Key + " ('" + m.ClientName + "' in " + m.Context + ")")));
        }

        return text.ToString();
    }

    /// <summary>
    /// Tells a Record run that a row ran to its end, so that at <see cref="Complete"/> its entries not recorded again are
    /// removed even in the phases that made no call this time (a judge that was removed). Rows that recorded a judge or
    /// follow-up call count as run without it. Not for a row cut short (a cancelled run): its unrecorded calls would be lost.
    /// </summary>
    /// <param name="rowId">The row's id.</param>
    /// <param name="sourceRowId">The id its source run was filed under, when it ran one (for a relation row, its identity row's id; null when the row did not get as far as the source run).</param>
    internal void RowRan(string rowId, string? sourceRowId)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        if (Mode != RecordingMode.Record)
        {
            return;
        }

        _rowsRan.TryAdd(rowId, 0);
        if (sourceRowId is not null)
        {
            _sourcesRan.TryAdd(sourceRowId, 0);
        }
    }

    /// <summary>
    /// Whether a Record run replaces the entries of <paramref name="context"/>: the row ran in this run (it recorded a call in
    /// a phase of its own, or the runner said so with <see cref="RowRan"/>), or it is the source phase of a source run that ran.
    /// A source run alone does not make its row count as run: a filtered run of a relation row runs its identity row's source
    /// but not that row's judges. Calls outside rows are never pruned.
    /// </summary>
    private bool RanInThisRun(string context) =>
        RecordingCall.TrySplitContext(context, out string? rowId, out string? phase)
        && (_rowsRan.ContainsKey(rowId) || (phase == EvalCallContext.SourcePhase && _sourcesRan.ContainsKey(rowId)));

    /// <summary>
    /// The recording to replay for <paramref name="call"/>, or null when the model must be called (and its answer recorded with
    /// <see cref="RecordAsync"/>): always in Record mode, on a miss in Auto mode.
    /// </summary>
    /// <exception cref="RecordingMissException">Replay mode and nothing is recorded for the call.</exception>
    /// <exception cref="EvalConfigurationException">The suite's recordings file cannot be read.</exception>
    internal RecordingEntry? Lookup(RecordingCall call)
    {
        if (Mode == RecordingMode.Live)
        {
            return null;
        }

        // Read the suite's file before the model is called, also in Record mode: an unreadable file fails the call
        // before it costs anything.
        SuiteRecordings suite = Suite(call.Suite);
        if (Mode == RecordingMode.Record)
        {
            return null;
        }

        if (suite.TryReplay(call) is { } entry)
        {
            Interlocked.Increment(ref _replayed);
            return entry;
        }

        if (Mode == RecordingMode.Auto)
        {
            return null;
        }

        Interlocked.Increment(ref _misses);
        RecordingMissException miss = Miss(call, suite);
        if (call.RowId is not null)
        {
            // The source run is shared by the rows of a case: its misses also fail the relation rows that used it.
            ConcurrentDictionary<string, ConcurrentQueue<RecordingMissException>> byRow = call.Phase == EvalCallContext.SourcePhase ? _sourceMissesByRow : _missesByRow;
            byRow.GetOrAdd(call.RowId, static _ => new ConcurrentQueue<RecordingMissException>()).Enqueue(miss);
        }

        throw miss;
    }

    /// <summary>Reads a replayed answer with <paramref name="read"/>; an entry that does not read (edited by hand) is a configuration error naming it.</summary>
    internal T Read<T>(RecordingCall call, RecordingEntry entry, Func<RecordingEntry, T> read)
    {
        try
        {
            return read(entry);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            string file = Path.Combine(Directory, RecordingFile.FileName(call.Suite));
            throw new EvalConfigurationException(
                $"The recording {call.Key} (occurrence {entry.Occurrence}) of client '{call.Client}' in {call.Context} in {file} is not a valid {call.Kind} response: {ex.Message}. Fix it or record it again with EVALSPEC_RECORDING=record dotnet test.",
                ex);
        }
    }

    /// <summary>Records the answer of a successful model call and waits until it is written (not after <see cref="Complete"/>; never in Live mode).</summary>
    internal async Task RecordAsync(RecordingCall call, JsonElement response)
    {
        if (Mode == RecordingMode.Live || Volatile.Read(ref _completed) == 1)
        {
            CountLive();
            return;
        }

        SuiteRecordings suite = Suite(call.Suite);
        JsonElement request = JsonSerializer.SerializeToElement(call.Summary, CanonicalJson.TypeInfo<System.Text.Json.Nodes.JsonObject>());
        if (suite.Record(call, request, response) is not { } generation)
        {
            // The run completed while the model answered: too late to be written.
            CountLive();
            return;
        }

        Interlocked.Increment(ref _recorded);
        if (Mode == RecordingMode.Record && call.RowId is not null)
        {
            // A call in a row's own phase (judge, follow-up) shows that the row ran; a source call only that the source ran.
            (call.Phase == EvalCallContext.SourcePhase ? _sourcesRan : _rowsRan).TryAdd(call.RowId, 0);
        }

        try
        {
            await suite.PersistAsync(generation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EvalConfigurationException)
        {
            // The entry stays in memory and the file dirty: Complete writes it again and reports a failure that persists
            // (the run prints it and puts it in summary.json). Failing the call here would make retry policies repeat a
            // model call that succeeded.
        }
    }

    private SuiteRecordings Suite(string suite) =>
        _suites.GetOrAdd(suite, name => new Lazy<SuiteRecordings>(() => new SuiteRecordings(name, Path.Combine(Directory, RecordingFile.FileName(name))))).Value;

    private List<SuiteRecordings> CreatedSuites() =>
        _suites.Values.Where(lazy => lazy.IsValueCreated).Select(lazy => lazy.Value).ToList();

    private RecordingMissException Miss(RecordingCall call, SuiteRecordings suite)
    {
        int occurrence = suite.NextOccurrence(call);
        string file = Path.GetFileName(suite.Path);
        var message = new StringBuilder()
            .Append("No recording for model call ").Append(call.Key).Append(" of client '").Append(call.Client).Append("' in ").Append(call.Context)
            .Append(" (replay mode").Append(_modeSource is null ? string.Empty : ", " + _modeSource)
            .Append("): record it with EVALSPEC_RECORDING=record dotnet test (or EVALSPEC_RECORDING=auto to record only missing calls) and commit ")
            .Append(file).AppendLine(".")
            .Append("Request: ").AppendLine(RequestFingerprint.Describe(call.Summary))
            .Append("Key: ").Append(call.Key).Append(" (request hash ").Append(call.Hash).Append(", occurrence ").Append(occurrence).AppendLine(")")
            .Append("Recordings file: ").Append(suite.Path).AppendLine(File.Exists(suite.Path) ? string.Empty : " (does not exist)");
        if (occurrence > 0)
        {
            message.Append("This request was recorded ").Append(occurrence).AppendLine(" time(s) in this context and is now made once more.");
        }

        IReadOnlyList<RecordingEntry> others = suite.OtherRequestsIn(call.Context, call.Hash);
        if (others.Count > 0)
        {
            message.Append("This context has recordings of other requests, so the request changed since it was recorded (prompt, options, tools or model): ")
                .AppendLine(string.Join(", ", others.Select(e => RecordingCall.ShortKey(e.Hash) + " (" + e.Client + ")").Distinct()));
        }

        return new RecordingMissException(Secrets.SecretRedactor.Default.Redact(message.ToString().TrimEnd()), call.Key, call.Context, call.Client, suite.Path);
    }
}
