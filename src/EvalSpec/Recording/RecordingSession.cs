using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
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
/// file per eval class under <see cref="Directory"/>. The run starts it (<see cref="Start(EvalOptions, string, Func{string, string?})"/>)
/// and completes it at the end (<see cref="Complete(RecordingRowSet?)"/>); recording clients find it at call time in the
/// run's flow (<see cref="EvalFlow.Recording"/>), so clients built before the run (in a startup) record too, and outside a
/// run's flow they pass calls through. Several sessions may run in one process (one per run).
/// </summary>
/// <remarks>
/// <para>
/// A call is identified by its context (row, phase, trial; <c>no-row</c> outside rows), its request hash (client name,
/// model, messages, options, tools; see <see cref="RequestFingerprint"/>) and its occurrence: the n-th identical request in
/// that context gets the n-th recording, so a request repeated within a row replays in order and trials are separate.
/// Occurrences count successful calls only: a failed attempt that a retry repeats does not shift them.
/// </para>
/// <para>
/// Writing: each recorded answer is appended to the run's journal (<see cref="RecordingJournal"/>) before its call returns,
/// and each suite's file is written once, when the run completes: under a lock that other processes respect, it re-reads
/// the file and merges, so two runs recording into the same folder (e.g. two target frameworks) keep each other's entries.
/// A run that was killed leaves its journal behind; the next run compacts it into the files before reading them.
/// </para>
/// <para>
/// What a write never does: a failed call (an error, a timeout) never replaces or removes anything, and an answer its caller
/// could not use (<see cref="RecordedAnswerScope"/>) never replaces one it could. Auto never removes entries. Record, at
/// <see cref="Complete(RecordingRowSet?)"/>, leaves each row that the runner says ran to its end (<see cref="RowEnded"/>:
/// its eval method returned, its judges answered), without a failed or abandoned call, with exactly this run's entries in
/// every phase and trial (a changed prompt's old answer, the calls of a judge that was removed and the trials beyond a
/// lowered trial count disappear); any other row keeps its old entries (each replaced only by a successful new call),
/// except the source run's own when that run returned (a later failure cannot have hidden its calls); rows that did not
/// run keep theirs (a filtered run loses nothing), and so do calls outside rows. Only entries the run read from the file,
/// unchanged since, are ever removed. A full Record run (every row of the assembly, unsampled) also removes the entries of
/// rows that no longer exist, from the files whose test assemblies' lists of rows can tell (<see cref="RecordingOwnership"/>).
/// A Record run in which more than <see cref="MaxFailedShare"/> of the calls failed, or of the rows did not run to their
/// end, removes nothing at all, and says so (<see cref="RecordingStatistics.NothingRemoved"/>). Replay and Live never record.
/// A journal left behind is written only where the files still hold what its run read (<see cref="RecordingMerge.Recover"/>).
/// </para>
/// <para>
/// Misses: in Replay mode a call without a recording throws <see cref="RecordingMissException"/> into the code that made
/// it, which may catch it (a fallback answer, a retry policy). So the session also keeps each row's misses, and the row
/// runner fails a row that had one (<see cref="MissesFor"/>) whatever its output.
/// </para>
/// </remarks>
internal sealed class RecordingSession : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SuiteRecordings>> _suites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordingMissException>> _missesByRow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordingMissException>> _sourceMissesByRow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _rowsRan = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _rowsCutShort = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sourcesRan = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sourcesCutShort = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RecordingEntryId, byte> _openFailures = new();
    private readonly ConcurrentDictionary<RecordingEntryId, byte> _abandoned = new();
    private readonly ConcurrentDictionary<string, byte> _unusableRows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RowCallCounter> _rowCalls = new(StringComparer.Ordinal);
    private readonly Lazy<RecordingRecovery> _recovery;
    private readonly RecordingJournal _journal;
    private readonly string? _modeSource;
    private readonly object _takenOverGate = new();
    private RowModelCalls _takenOver = RowModelCalls.None;
    private System.Collections.Immutable.ImmutableSortedSet<string> _takenOverModes = System.Collections.Immutable.ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);
    private int _replayed;
    private int _legacyReplayed;
    private int _recorded;
    private int _live;
    private int _misses;
    private int _failed;
    private int _unusable;
    private int _completed;
    private int _filesWritten;
    private RecordingChanges _changes;
    private string? _nothingRemoved;
    private string? _recoveryError;
    private double _writeMilliseconds;
    private string? _error;

    /// <summary>
    /// The share of a Record run's model calls that may fail (or give answers their callers cannot use), and the share of its
    /// rows that may not run to their end, before the run removes nothing: past it, the provider or a service the system
    /// under test needs is more likely broken than the recordings stale.
    /// </summary>
    public const double MaxFailedShare = 0.10;

    /// <summary>Creates a session (the run uses <see cref="Start(EvalOptions, string, Func{string, string?})"/>).</summary>
    /// <param name="mode">How calls use recordings.</param>
    /// <param name="directory">The folder of the recordings files.</param>
    /// <param name="modeSource">Why this mode, for messages (e.g. "the default on a build server: CI is set"); null when configured.</param>
    /// <param name="ownsFolder">Whether the folder is the project's own (the default <c>recordings</c>), not one several test projects may share.</param>
    internal RecordingSession(RecordingMode mode, string directory, string? modeSource = null, bool ownsFolder = false)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown recording mode.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Mode = mode;
        Directory = Path.GetFullPath(directory);
        _modeSource = modeSource;
        OwnsFolder = ownsFolder;
        _journal = new RecordingJournal(Directory);

        // A run that was killed left its answers in a journal: they go into the files before any file is read (not in
        // Live mode, which reads and writes nothing).
        _recovery = new Lazy<RecordingRecovery>(() => mode == RecordingMode.Live ? RecordingRecovery.None : Recover());
    }

    /// <summary>
    /// Whether the folder is the project's own (the default), so that a full Record run owns its files that name no test
    /// assembly and whose eval class no list of rows names (<see cref="RecordingOwnership"/>).
    /// </summary>
    public bool OwnsFolder { get; }

    /// <summary>How calls use recordings.</summary>
    public RecordingMode Mode { get; }

    /// <summary>The folder of the recordings files (full path).</summary>
    public string Directory { get; }

    /// <summary>What the recordings did so far in this run (with a resumed run's calls of the rows it took over: <see cref="CountTakenOver"/>).</summary>
    public RecordingStatistics Statistics => StatisticsWith(Volatile.Read(ref _takenOver), Volatile.Read(ref _takenOverModes));

    private RecordingStatistics StatisticsWith(RowModelCalls takenOver, IReadOnlyCollection<string> takenOverModes) => new(
        Mode,
        Directory,
        Volatile.Read(ref _replayed) + takenOver.Replayed,
        Volatile.Read(ref _recorded) + takenOver.Recorded,
        Volatile.Read(ref _live) + takenOver.Live,
        Volatile.Read(ref _misses) + takenOver.Missing,
        _changes.Removed,
        Volatile.Read(ref _filesWritten),
        Volatile.Read(ref _error))
    {
        Failed = Volatile.Read(ref _failed) + takenOver.Failed,
        TakenOverModes = takenOverModes.Count == 0 ? null : takenOverModes.ToArray(),
        LegacyKeyReplayed = Volatile.Read(ref _legacyReplayed),
        Unusable = Volatile.Read(ref _unusable),
        Added = _changes.Added,
        Replaced = _changes.Replaced,
        Kept = _changes.Kept,
        RowsKept = _rowsCutShort.Count,
        NothingRemoved = Volatile.Read(ref _nothingRemoved),
        Recovered = _recovery.IsValueCreated ? _recovery.Value.Recovered : 0,
        NotRecovered = _recovery.IsValueCreated ? _recovery.Value.Conflicts.Count : 0,
        NotRecoveredReason = _recovery.IsValueCreated ? _recovery.Value.Describe() : null,
        WriteMilliseconds = Math.Round(Volatile.Read(ref _writeMilliseconds), 1),
    };

    /// <summary>The default mode: Replay on a build server (no network, no surprise model calls), else Auto.</summary>
    /// <param name="environment">Reads the run's environment variables (to detect a build server).</param>
    /// <param name="source">Why: the build-server variable that was found, for messages.</param>
    public static RecordingMode DefaultMode(Func<string, string?> environment, out string source)
    {
        if (ContinuousIntegration.IsDetected(environment, out string? variable))
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
    /// <param name="options">The run's options.</param>
    /// <param name="projectDirectory">The test project folder.</param>
    /// <param name="environment">Reads the run's environment variables (the default mode depends on a build server).</param>
    /// <exception cref="EvalConfigurationException">The configured mode is unknown.</exception>
    public static RecordingSession Start(EvalOptions options, string projectDirectory, Func<string, string?> environment)
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
            mode = DefaultMode(environment, out string defaultSource);
            source = defaultSource;
        }

        bool ownsFolder = string.IsNullOrWhiteSpace(options.RecordingsDirectory);
        string directory = ownsFolder
            ? Path.Combine(projectDirectory, "recordings")
            : Path.GetFullPath(options.RecordingsDirectory!, projectDirectory);
        return Start(mode, directory, source, ownsFolder);
    }

    /// <summary>Creates a session.</summary>
    public static RecordingSession Start(RecordingMode mode, string directory, string? modeSource = null, bool ownsFolder = false) =>
        new(mode, directory, modeSource, ownsFolder);

    /// <summary>
    /// Ends the session: each file gets its one write (Record mode removes the stale
    /// entries of the rows that ran completely, and in a full run those of rows that no longer exist), the run's journal is
    /// deleted once every file holds its answers, and calls still running afterwards are not recorded. Safe to call twice.
    /// </summary>
    /// <param name="rows">
    /// The rows of the test assembly, when the run knows them: written as the folder's inventory (Auto and Record modes), and
    /// in a full Record run (<see cref="RecordingRowSet.Full"/>) the rows whose entries are kept; its assembly is written in
    /// each file this run writes as the one that records into it. Null: none of these.
    /// </param>
    /// <exception cref="IOException">A recordings file could not be written; the message names it, and
    /// <see cref="RecordingStatistics.Error"/> keeps it for the run summary. The journal is kept: the next run writes its answers.</exception>
    public void Complete(RecordingRowSet? rows)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1)
        {
            return;
        }

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        RecordingRemovalPlan plan = PlanRemovals(rows);
        string? assembly = rows?.Assembly;
        var failures = new List<string>();
        Exception? first = null;
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Write(SuiteRecordings suite)
        {
            done.Add(suite.Suite);
            try
            {
                _changes += suite.Complete(plan, assembly);
                if (suite.Written)
                {
                    Interlocked.Increment(ref _filesWritten);
                }
            }
            catch (Exception ex)
            {
                // Every file gets its last write, and every failure is reported, whatever went wrong with one of them.
                failures.Add(ex is IOException or UnauthorizedAccessException or EvalConfigurationException ? $"{suite.Path}: {ex.Message}" : $"{suite.Path}: {ex.GetType().Name}: {ex.Message}");
                first ??= ex;
            }
        }

        foreach (SuiteRecordings suite in CreatedSuites())
        {
            Write(suite);
        }

        // A full run also cleans the files of its eval classes that made no call in this run, and those its assembly wrote
        // last of eval classes it no longer has.
        foreach ((string suite, string path) in plan.Files(Directory, CreatedSuites().Select(s => Path.GetFullPath(s.Path)).ToHashSet(StringComparer.Ordinal)).Where(f => !done.Contains(f.Suite)))
        {
            SuiteRecordings recordings;
            try
            {
                recordings = new SuiteRecordings(suite, path);
            }
            catch (EvalConfigurationException ex)
            {
                failures.Add($"{path}: {ex.Message}");
                first ??= ex;
                continue;
            }

            Write(recordings);
        }

        if (Volatile.Read(ref _recoveryError) is { } recoveryError)
        {
            failures.Add(recoveryError);
            first ??= new IOException(recoveryError);
        }

        // Not when a class's rows could not be read: the list would name its class without its rows, and
        // `evalspec clean --recordings` would remove that class's recordings as rows that no longer exist.
        if (rows is { ListsEveryRow: true } && Mode is RecordingMode.Auto or RecordingMode.Record)
        {
            WriteInventory(rows);
        }

        _journal.Close(delete: first is null);
        Volatile.Write(ref _writeMilliseconds, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (first is not null)
        {
            string error = "EvalSpec could not write the recordings of this run:" + Environment.NewLine + string.Join(Environment.NewLine, failures)
                + (_journal.Path is null ? string.Empty : Environment.NewLine + $"Their answers are kept in {_journal.Path}: the next run writes them.");
            Volatile.Write(ref _error, error);
            throw new IOException(error, first);
        }
    }

    /// <summary>Ends the session without knowing the rows of the test assembly (see <see cref="Complete(RecordingRowSet?)"/>).</summary>
    /// <exception cref="IOException">A recordings file could not be written.</exception>
    public void Complete() => Complete(null);

    /// <inheritdoc cref="Complete()"/>
    public void Dispose() => Complete(null);

    /// <summary>The token usage of the system under test's calls, per row (for budgets and reports).</summary>
    internal ModelUsageLedger Usage { get; } = new();

    /// <summary>
    /// What the run puts between recording clients and the provider for the calls the recordings do not answer (the shared
    /// cache, rate limits, telemetry); null for none. Replayed calls never reach it.
    /// </summary>
    internal ModelCalls.ModelCallPipeline? ModelCalls { get; set; }

    /// <summary>Whether calls go straight to the model with no key computed (Live mode).</summary>
    internal bool PassesThrough => Mode == RecordingMode.Live;

    /// <summary>Counts a call that went to the model unrecorded.</summary>
    /// <param name="context">The row context of the call (null outside rows).</param>
    internal void CountLive(EvalCallContext? context)
    {
        Interlocked.Increment(ref _live);
        Counter(context?.RowId, context?.Phase)?.Live();
    }

    /// <summary>Counts a call that failed in Live mode (for the row's message and the summary).</summary>
    internal void CountLiveFailure(EvalCallContext? context)
    {
        Interlocked.Increment(ref _failed);
        Counter(context?.RowId, context?.Phase)?.Failed();
    }

    /// <summary>How the model calls behind a row went: its own phases', and those of the source run it used (<see cref="SourceCallsFor"/>).</summary>
    /// <param name="rowId">The row's id.</param>
    /// <param name="sourceRowId">The id its source run is filed under (for a relation row, its identity row's id); null: the row's own.</param>
    internal RowModelCalls CallsFor(string rowId, string? sourceRowId = null) => OwnCallsFor(rowId) + SourceCallsFor(sourceRowId ?? rowId);

    /// <summary>The model calls of a row's own phases (follow-up run, judges), without its source run's.</summary>
    internal RowModelCalls OwnCallsFor(string rowId)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        return _rowCalls.TryGetValue(rowId, out RowCallCounter? counter) ? counter.Snapshot() : RowModelCalls.None;
    }

    /// <summary>The model calls of the source run filed under <paramref name="sourceRowId"/>, which the rows of a case x prompt variant share.</summary>
    internal RowModelCalls SourceCallsFor(string sourceRowId) =>
        _rowCalls.TryGetValue(SourceKey(sourceRowId), out RowCallCounter? counter) ? counter.Snapshot() : RowModelCalls.None;

    /// <summary>
    /// Counts in <see cref="Statistics"/> the model calls of rows a resumed run took over from the run it resumes (their
    /// results lines say them), so that its counts read as one run's. Only the counts: nothing is replayed or written.
    /// </summary>
    /// <param name="calls">The calls.</param>
    /// <param name="mode">The recording mode of the run that made them (its lines' <c>modelCalls.mode</c>): another than this run's is named in <see cref="RecordingStatistics.TakenOverModes"/>.</param>
    internal void CountTakenOver(RowModelCalls calls, string? mode)
    {
        ArgumentNullException.ThrowIfNull(calls);
        lock (_takenOverGate)
        {
            _takenOver += calls;
            if (!calls.IsNone && mode is not null && !string.Equals(mode, Mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                _takenOverModes = _takenOverModes.Add(mode.ToLowerInvariant());
            }
        }
    }

    private RowCallCounter? Counter(string? rowId, string? phase) =>
        rowId is null ? null : _rowCalls.GetOrAdd(phase == EvalCallContext.SourcePhase ? SourceKey(rowId) : rowId, static _ => new RowCallCounter());

    private static string SourceKey(string rowId) => rowId + "\u0001" + EvalCallContext.SourcePhase;

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
    /// Tells a Record run how far a row got (the row runner calls it for every row it ends), so that at
    /// <see cref="Complete(RecordingRowSet?)"/> the row's entries not recorded again are removed only when it ran to its end,
    /// also in the phases that made no call this time (a judge that was removed). A row whose eval method threw or timed
    /// out, whose judge errored or that the run's cancellation cut short keeps them, whether or not any model call failed:
    /// it may not have made the calls it makes when it works (a retrieval service down before the model was called). Such
    /// rows count against <see cref="MaxFailedShare"/>. Rows never reported keep theirs.
    /// </summary>
    /// <param name="report">What the row runner saw.</param>
    internal void RowEnded(RowRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Mode != RecordingMode.Record)
        {
            return;
        }

        (report.RanToItsEnd ? _rowsRan : _rowsCutShort).TryAdd(report.RowId, 0);
        if (report.SourceRowId is not null)
        {
            // A source run is shared by its case's rows, and each reports it: one that did not return is enough to keep it.
            (report.SourceReturned ? _sourcesRan : _sourcesCutShort).TryAdd(report.SourceRowId, 0);
        }
    }

    /// <summary>
    /// Which entries the end of the run removes. Only a Record run removes any, and none when too many of its calls failed
    /// or too many of its rows were cut short. A row's entries are replaced when the runner said it ran to its end
    /// (<see cref="RowEnded"/>) without a failed or abandoned call (in its own phases or in the source run it used) and
    /// without an answer its judge could not use; a source phase's when its source run returned (every row that used it
    /// said so) without one. A source run alone does not make its row count as run: a filtered run of a relation row runs
    /// its identity row's source but not that row's judges. In a full run, entries of rows that no list of rows of the
    /// folder names are removed too, from the files whose lists can tell (<see cref="RecordingOwnership"/>). Calls outside
    /// rows never are.
    /// </summary>
    private RecordingRecovery Recover()
    {
        try
        {
            return RecordingJournal.RecoverOrphans(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The journal stays for the next run; the end of this run reports it with the other write failures.
            Volatile.Write(ref _recoveryError, $"a journal left by an interrupted run in {RecordingJournal.Folder(Directory)} could not be written into the recordings: {ex.Message}");
            return RecordingRecovery.None;
        }
    }

    private RecordingRemovalPlan PlanRemovals(RecordingRowSet? rows)
    {
        if (Mode != RecordingMode.Record)
        {
            return RecordingRemovalPlan.None;
        }

        int failed = _openFailures.Count + Volatile.Read(ref _unusable);
        int calls = Volatile.Read(ref _recorded) + _openFailures.Count;
        if (failed > 0 && failed > calls * MaxFailedShare)
        {
            Volatile.Write(ref _nothingRemoved, string.Create(
                CultureInfo.InvariantCulture,
                $"nothing was removed from the recordings: {failed} of the {calls} model calls of this record run failed or gave answers that could not be used (more than {MaxFailedShare:P0}), so stale entries cannot be told from entries of calls that did not get through. Fix the provider and record again."));
            return RecordingRemovalPlan.None;
        }

        int cutShort = _rowsCutShort.Count;
        int reported = cutShort + _rowsRan.Keys.Count(row => !_rowsCutShort.ContainsKey(row));
        if (cutShort > 0 && cutShort > reported * MaxFailedShare)
        {
            Volatile.Write(ref _nothingRemoved, string.Create(
                CultureInfo.InvariantCulture,
                $"nothing was removed from the recordings: {cutShort} of the {reported} rows of this record run did not run to their end (the eval method threw or timed out, a judge errored, or the run was cancelled; more than {MaxFailedShare:P0}), so they may not have made the calls they make when they work. Fix what they depend on and record again."));
            return RecordingRemovalPlan.None;
        }

        var failedRows = new HashSet<string>(_unusableRows.Keys, StringComparer.Ordinal);
        failedRows.UnionWith(_rowsCutShort.Keys);
        var failedSources = new HashSet<string>(_sourcesCutShort.Keys, StringComparer.Ordinal);
        foreach (RecordingEntryId id in _openFailures.Keys.Concat(_abandoned.Keys))
        {
            if (RecordingContext.TrySplit(id.Context, out string? rowId, out string? phase))
            {
                (phase == EvalCallContext.SourcePhase ? failedSources : failedRows).Add(rowId);
            }
        }

        bool Replaced(string context)
        {
            if (!RecordingContext.TrySplit(context, out string? rowId, out string? phase))
            {
                return false;
            }

            return phase == EvalCallContext.SourcePhase
                ? _sourcesRan.ContainsKey(rowId) && !failedSources.Contains(rowId)
                : _rowsRan.ContainsKey(rowId) && !failedRows.Contains(rowId) && !failedSources.Contains(RecordingContext.SourceRowOf(rowId));
        }

        if (rows is not { Full: true })
        {
            return new RecordingRemovalPlan(Replaced, null, null, false);
        }

        // The rows that exist: this assembly's, and those other test assemblies that record into the folder last listed.
        RecordingInventory own = rows.ToInventory();
        RecordingInventory[] inventories = RecordingInventory.ReadAll(Directory)
            .Where(i => !(i.Assembly == own.Assembly && i.TargetFramework == own.TargetFramework))
            .Append(own)
            .ToArray();
        return new RecordingRemovalPlan(Replaced, inventories, own, OwnsFolder);
    }

    private void WriteInventory(RecordingRowSet rows)
    {
        try
        {
            rows.ToInventory().Write(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The inventory only helps `evalspec clean --recordings`, which refuses to work without a fresh one.
        }
    }

    /// <summary>
    /// The recording to replay for <paramref name="call"/>, or null when the model must be called (and its answer recorded with
    /// <see cref="Record"/>): always in Record mode, on a miss in Auto mode, and in Auto mode for an answer found unusable.
    /// </summary>
    /// <exception cref="RecordingMissException">Replay mode and nothing is recorded for the call.</exception>
    /// <exception cref="EvalConfigurationException">The suite's recordings file (or a journal left by an interrupted run) cannot be read.</exception>
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

        if (suite.TryReplay(call, skipUnusable: Mode == RecordingMode.Auto) is { } entry)
        {
            Interlocked.Increment(ref _replayed);
            if (entry.Hash != call.Hash)
            {
                Interlocked.Increment(ref _legacyReplayed);
            }

            Counter(call.RowId, call.Phase)?.Replayed();
            return entry;
        }

        if (Mode == RecordingMode.Auto)
        {
            return null;
        }

        Interlocked.Increment(ref _misses);
        Counter(call.RowId, call.Phase)?.Missed();
        RecordingMissException miss = Miss(call, suite);
        if (call.RowId is not null)
        {
            // The source run is shared by the rows of a case: its misses also fail the relation rows that used it.
            ConcurrentDictionary<string, ConcurrentQueue<RecordingMissException>> byRow = call.Phase == EvalCallContext.SourcePhase ? _sourceMissesByRow : _missesByRow;
            byRow.GetOrAdd(call.RowId, static _ => new ConcurrentQueue<RecordingMissException>()).Enqueue(miss);
        }

        throw miss;
    }

    /// <summary>
    /// Reads a replayed answer with <paramref name="read"/>, and tells the caller's <see cref="RecordedAnswerScope"/>, if any,
    /// which entry it came from; an entry that does not read (edited by hand) is a configuration error naming it.
    /// </summary>
    internal T Read<T>(RecordingCall call, RecordingEntry entry, Func<RecordingEntry, T> read)
    {
        T value;
        try
        {
            value = read(entry);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            string file = Path.Combine(Directory, RecordingFile.FileName(call.Suite));
            throw new EvalConfigurationException(
                $"The recording {call.Key} (occurrence {entry.Occurrence}) of client '{call.Client}' in {call.Context} in {file} is not a valid {call.Kind} response: {ex.Message}. Fix it or record it again with EVALSPEC_RECORDING=record dotnet test.",
                ex);
        }

        RecordedAnswerScope.Observe(this, call.Suite, entry.Id);
        return value;
    }

    /// <summary>
    /// Records the answer of a successful model call: in memory, and appended to the run's journal before returning (not
    /// after <see cref="Complete(RecordingRowSet?)"/>; never in Live mode). Tells the caller's <see cref="RecordedAnswerScope"/>.
    /// </summary>
    internal void Record(RecordingCall call, JsonElement response)
    {
        if (Mode == RecordingMode.Live || Volatile.Read(ref _completed) == 1)
        {
            CountLive(call);
            return;
        }

        SuiteRecordings suite = Suite(call.Suite);
        JsonElement request = JsonSerializer.SerializeToElement(call.Summary, CanonicalJson.TypeInfo<System.Text.Json.Nodes.JsonObject>());
        if (suite.Record(call, request, response, out string? baseVersion) is not { } entry)
        {
            // The run completed while the model answered: too late to be written.
            CountLive(call);
            return;
        }

        Interlocked.Increment(ref _recorded);
        Counter(call.RowId, call.Phase)?.Recorded();

        // A retry that got through heals the failure of the attempt before it (same request, same occurrence). A successful
        // call does not show that its row ran to its end (the method may throw after it): only the row runner can say that.
        _openFailures.TryRemove(entry.Id, out _);
        _abandoned.TryRemove(entry.Id, out _);

        // Failing the call when the journal cannot be written would make retry policies repeat a model call that succeeded:
        // the answer stays in memory, and the end of the run writes it (or reports why it could not).
        _journal.AppendEntry(call.Suite, entry, baseVersion);
        RecordedAnswerScope.Observe(this, call.Suite, entry.Id);
    }

    /// <summary>
    /// Counts a call to the model that failed (an error, a timeout, a cancellation). In a Record run it keeps the row's
    /// entries: nothing of a row with a failed call is removed, unless a retry of the same request gets through.
    /// </summary>
    internal void CallFailed(RecordingCall call)
    {
        Interlocked.Increment(ref _failed);
        Counter(call.RowId, call.Phase)?.Failed();
        if (Mode == RecordingMode.Live || Volatile.Read(ref _completed) == 1)
        {
            return;
        }

        int occurrence = Suite(call.Suite).NextOccurrence(call);
        _openFailures.TryAdd(new RecordingEntryId(call.Context, call.Hash, occurrence), 0);
    }

    /// <summary>
    /// Notes a streamed answer its caller stopped reading before the end: it is not recorded, and not a failure, but its
    /// row did not make that call completely, so a Record run keeps the row's entries (unless the same request is made
    /// again and completes).
    /// </summary>
    internal void CallAbandoned(RecordingCall call)
    {
        if (Mode == RecordingMode.Live || Volatile.Read(ref _completed) == 1)
        {
            return;
        }

        int occurrence = Suite(call.Suite).NextOccurrence(call);
        _abandoned.TryAdd(new RecordingEntryId(call.Context, call.Hash, occurrence), 0);
    }

    /// <summary>
    /// Flags an answer (recorded or replayed in this run) as one its caller could not use: Auto mode calls the model again
    /// for it in later runs (and records the new answer in its place); a Record run keeps the row's other entries and does
    /// not let the answer replace a usable one. Replay and Live ignore it: a replayed run stays deterministic.
    /// </summary>
    internal void MarkUnusable(string suiteName, RecordingEntryId id, string reason)
    {
        if (Mode is RecordingMode.Live or RecordingMode.Replay || !_suites.TryGetValue(suiteName, out Lazy<SuiteRecordings>? lazy) || !lazy.IsValueCreated)
        {
            return;
        }

        if (!lazy.Value.MarkUnusable(id, reason, out string? baseVersion))
        {
            return;
        }

        Interlocked.Increment(ref _unusable);
        if (RecordingContext.TrySplit(id.Context, out string? rowId, out _))
        {
            _unusableRows.TryAdd(rowId, 0);
        }

        _journal.AppendUnusable(suiteName, id, reason, baseVersion);
    }

    private void CountLive(RecordingCall call)
    {
        Interlocked.Increment(ref _live);
        Counter(call.RowId, call.Phase)?.Live();
    }

    private SuiteRecordings Suite(string suite)
    {
        _ = _recovery.Value;
        return _suites.GetOrAdd(suite, name => new Lazy<SuiteRecordings>(() => new SuiteRecordings(name, Path.Combine(Directory, RecordingFile.FileName(name))))).Value;
    }

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

    /// <summary>The model calls of one row (or of one source run), counted as they happen.</summary>
    private sealed class RowCallCounter
    {
        private int _replayed;
        private int _recorded;
        private int _live;
        private int _failed;
        private int _missed;

        public void Replayed() => Interlocked.Increment(ref _replayed);

        public void Recorded() => Interlocked.Increment(ref _recorded);

        public void Live() => Interlocked.Increment(ref _live);

        public void Failed() => Interlocked.Increment(ref _failed);

        public void Missed() => Interlocked.Increment(ref _missed);

        public RowModelCalls Snapshot() => new(Volatile.Read(ref _replayed), Volatile.Read(ref _recorded), Volatile.Read(ref _live), Volatile.Read(ref _failed), Volatile.Read(ref _missed));
    }
}
