using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSpec.Execution;

/// <summary>
/// The run host: everything one eval run of a test assembly shares (options resolved once, services, the results file, the
/// limiter on concurrent calls of eval methods, the memo of source runs, the run's cancellation and where its notices
/// go). The test framework creates one per test assembly run (<see cref="Create"/>) and hands it to each row; nothing of
/// it is process-wide. Code the row cannot pass it to (recording clients, a judge panel inside an eval method, a
/// snapshot assertion) finds it in the row's async flow (<see cref="Flow"/>, <see cref="EvalFlow"/>).
/// </summary>
internal sealed class EvalRunHost : IDisposable
{
    private readonly object _checkpointGate = new();
    private readonly Action<string>? _notices;
    private readonly bool _completedByTestFramework;
    private readonly bool _standardOutputHidden;
    private int _completed;

    private readonly ServiceProvider _services;
    private readonly RunStatistics _statistics = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JudgedRow> _judged = new(StringComparer.Ordinal);

    private EvalRunHost(EvalRunSettings settings, EvalOptions options, ServiceProvider services, string runId, string runDirectory, Baseline baseline, string projectDirectory, EvalSpec.Snapshots.SnapshotSettings snapshotSettings, Recording.RecordingSession recording, bool append = false, DescriptorScan? descriptors = null)
    {
        TestAssembly = settings.TestAssembly;
        _descriptors = descriptors;
        RunCancellation = settings.Cancellation;
        _notices = settings.Notices;
        _completedByTestFramework = settings.CompletedByTestFramework;
        _standardOutputHidden = settings.StandardOutputHidden && settings.Notices is not null;
        BuildServerVariable = ContinuousIntegration.IsDetected(settings.Variable, out string? ciVariable) ? ciVariable : null;
        Recording = recording;
        ProjectDirectory = projectDirectory;
        SnapshotSettings = snapshotSettings;
        SnapshotStore = new EvalSpec.Snapshots.SnapshotStore(options.Snapshots, BuildServerVariable);
        Baseline = baseline;
        Options = options;
        _services = services;
        RunId = runId;
        RunDirectory = runDirectory;
        RubricPanel = CreatePanel("rubric", services.GetServices<IJudge>().ToArray(), options, options.Quorum, options.EarlyStop);

        // The relation panels need a strict majority of their judges, whatever the rubric panel's quorum.
        InvariancePanel = CreatePanel("invariance", services.GetKeyedServices<IJudge>(JudgeRoles.Invariance).ToArray(), options, quorum: null, earlyStop: false)
            ?? new JudgePanel("invariance", new IJudge[] { new TokenF1InvarianceJudge() });
        ChangePanel = CreatePanel("change", services.GetKeyedServices<IJudge>(JudgeRoles.Change).ToArray(), options, quorum: null, earlyStop: false)
            ?? new JudgePanel("change", new IJudge[] { new TokenF1ChangeJudge() });
        Cascades = ConfigureCascades(RubricPanel, options.Cascade, projectDirectory);
        SystemUnderTestLimiter = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        RowSlots = new SemaphoreSlim(RowsInFlight, RowsInFlight);
        Results = new ResultsWriter(Path.Combine(runDirectory, "results.jsonl"), append);
        ReviewQueue = new ReviewQueueWriter(Path.Combine(runDirectory, Judging.ReviewQueue.FileName), append);
        InputSimilarity = new Metamorphic.InputSimilarity(services.GetService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>());
        Telemetry = new ModelCalls.EvalTelemetry(options.Telemetry, runId, settings.TestAssembly.GetName().Name ?? string.Empty);
    }

    /// <summary>The run's spans and metrics (ActivitySource and Meter "EvalSpec").</summary>
    internal ModelCalls.EvalTelemetry Telemetry { get; }

    /// <summary>
    /// What code the run cannot pass anything to finds in its async flow: the recordings, the judge statistics, the snapshot
    /// store; inside a row, also that row's cancellation (<see cref="EvalFlow.RowCancellation"/>), so that the scopes the row
    /// runner enters for each call keep it.
    /// </summary>
    public EvalFlow Flow => new(Recording, Judges, SnapshotStore) { Host = this, RowCancellation = CurrentRowCancellation };

    /// <summary>Cancelled when the test runner cancels the run.</summary>
    public CancellationToken RunCancellation { get; }

    /// <summary>
    /// The cancellation of what runs now: inside a row whose test the test framework can cancel on its own (xUnit v3:
    /// <c>CancelCurrentTest</c>, a test timeout), that row's (<see cref="EvalFlow.RowCancellation"/>, which includes the
    /// run's); elsewhere the run's (<see cref="RunCancellation"/>). A source run shared by several rows is bounded by the
    /// run's only (<see cref="SourceRunCache"/>): one row's test being cancelled must not cut short the others'.
    /// </summary>
    public CancellationToken Cancellation => CurrentRowCancellation is { CanBeCanceled: true } row ? row : RunCancellation;

    /// <summary>The row cancellation of the current flow when it belongs to this run, else none.</summary>
    private CancellationToken CurrentRowCancellation =>
        EvalFlow.Current is { } flow && ReferenceEquals(flow.Host, this) ? flow.RowCancellation : CancellationToken.None;

    /// <summary>The environment variable that shows this run is on a build server, or null on a developer machine.</summary>
    public string? BuildServerVariable { get; }

    public EvalOptions Options { get; }

    /// <summary>Records and replays the model calls of <c>UseEvalSpecRecording()</c> clients during this run.</summary>
    public Recording.RecordingSession Recording { get; }

    /// <summary>How recorded model calls are used in this run: the option, else Replay on a build server and Auto elsewhere.</summary>
    public Recording.RecordingMode RecordingMode => Recording.Mode;

    /// <summary>The test assembly the run is for.</summary>
    public Assembly TestAssembly { get; }

    /// <summary>The test project folder.</summary>
    public string ProjectDirectory { get; }

    /// <summary>Verifies and accepts the snapshots of <see cref="SnapshotAttribute"/> evals.</summary>
    public EvalSpec.Snapshots.SnapshotStore SnapshotStore { get; }

    /// <summary>The scrubbers of the startup.</summary>
    public EvalSpec.Snapshots.SnapshotSettings SnapshotSettings { get; }

    private DescriptorScan? _descriptors;

    /// <summary>
    /// The test assembly's eval methods and the classes whose static initializer threw, scanned once per run, when first
    /// needed (reading the descriptors runs the classes' static initializers, user code, so not before then).
    /// </summary>
    internal DescriptorScan Descriptors => LazyInitializer.EnsureInitialized(ref _descriptors, () => SnapshotInventory.Scan(TestAssembly));

    /// <summary>Verified row snapshots that no row of the assembly owns any more, found once at the end of the run.</summary>
    public IReadOnlyList<string> DanglingSnapshots => field ??= FindDanglingSnapshots();

    private IReadOnlyList<string> FindDanglingSnapshots()
    {
        try
        {
            return SnapshotInventory.FindDangling(Descriptors.Methods, ProjectDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            EvalConsole.WriteError($"EvalSpec could not look for dangling snapshots: {ex.Message}");
            return Array.Empty<string>();
        }
    }

    /// <summary>Row snapshots (folder and base name) whose names differ from others' only in letter case, found once per run.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SnapshotCaseCollisions =>
        field ??= SnapshotInventory.FindCaseCollisions(Descriptors.Methods, ProjectDirectory);

    /// <summary>What the snapshots of this run did.</summary>
    public SnapshotStatistics SnapshotCounts { get; } = new();

    public IServiceProvider Services => _services;

    public string RunId { get; }

    public string RunDirectory { get; }

    /// <summary>The panel of the judges registered in the startup, or null when none are.</summary>
    /// <summary>The cascades among the rubric judges, by name, with their calibration applied.</summary>
    public IReadOnlyDictionary<string, JudgeCascade> Cascades { get; }

    /// <summary>The run's review queue (review.jsonl): rows a cascade abstained on or decided against a dissent.</summary>
    public ReviewQueueWriter ReviewQueue { get; }

    /// <summary>Writes the row to review.jsonl when a cascade of the rubric panel abstained on it, was contested, or collects data.</summary>
    public void QueueForReview(PanelVerdict rubric, JudgeRequest request, string rowId)
    {
        foreach (Verdict verdict in rubric.Verdicts)
        {
            if (verdict.Cascade is not null && Cascades.TryGetValue(verdict.Judge, out JudgeCascade? cascade)
                && Judging.ReviewQueue.ItemFor(cascade, verdict, request, rowId, RunId) is { } item)
            {
                ReviewQueue.Append(item);
            }
        }
    }

    /// <summary>
    /// Applies the cascade options to the cascades among the rubric judges: asking every tier when collecting calibration data,
    /// and the calibration file (the configured one, which must exist, or evalspec.calibration.json when it exists).
    /// </summary>
    /// <exception cref="EvalConfigurationException">The calibration file is missing (when configured), invalid, or does not fit a cascade.</exception>
    internal static IReadOnlyDictionary<string, JudgeCascade> ConfigureCascades(JudgePanel? rubric, CascadeOptions options, string projectDirectory)
    {
        JudgeCascade[] cascades = rubric?.Judges.OfType<JudgeCascade>().ToArray() ?? Array.Empty<JudgeCascade>();
        if (cascades.Length == 0)
        {
            return new Dictionary<string, JudgeCascade>(StringComparer.Ordinal);
        }

        string path = Path.GetFullPath(Path.Combine(projectDirectory, options.CalibrationFile ?? CascadeCalibration.FileName));
        if (options.CalibrationFile is not null && !File.Exists(path))
        {
            throw new EvalConfigurationException($"The cascade calibration file {path} (Cascade:CalibrationFile) does not exist. Write it with `evalspec calibrate --labels <file.jsonl>`, or remove the setting.");
        }

        CascadeCalibration? calibration = File.Exists(path) ? CascadeCalibration.Load(path) : null;
        foreach (JudgeCascade cascade in cascades)
        {
            cascade.AskAllTiers = options.AskAllTiers;
            if (calibration is not null)
            {
                try
                {
                    cascade.UseCalibration(calibration, path);
                }
                catch (ArgumentException ex)
                {
                    throw new EvalConfigurationException(ex.Message, ex);
                }
            }
        }

        return cascades.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public JudgePanel? RubricPanel { get; }

    /// <summary>The built-in check of a case's Expected answer.</summary>
    public JudgePanel ExpectedAnswerPanel { get; } = new("expected-answer", new IJudge[] { new ExpectedAnswerJudge() });

    /// <summary>The built-in check of a directional relation whose number must increase.</summary>
    public JudgePanel IncreasesPanel { get; } = new("change", new IJudge[] { new NumericChangeJudge(Change.Increases) });

    /// <summary>The built-in check of a directional relation whose number must decrease.</summary>
    public JudgePanel DecreasesPanel { get; } = new("change", new IJudge[] { new NumericChangeJudge(Change.Decreases) });

    /// <summary>The panel that checks invariant relation rows (lexical by default).</summary>
    public JudgePanel InvariancePanel { get; }

    /// <summary>The panel that checks directional relation rows (lexical by default).</summary>
    public JudgePanel ChangePanel { get; }

    /// <summary>Bounds how many calls of eval methods are in flight at once.</summary>
    public SemaphoreSlim SystemUnderTestLimiter { get; }

    /// <summary>
    /// How many rows a test framework keeps in flight at once: four times <see cref="EvalOptions.MaxConcurrency"/>. A row
    /// spends time outside its call (prepared, then judged, compared and written after it), and relation rows wait for a
    /// shared source run: with only twice the calls in flight, finished rows held the slots while calls could have started
    /// (measured in bench/Speed, docs/concurrency.md#speed). Bounded all the same, so that a suite of thousands of rows
    /// does not prepare them all at once. Computed in 64 bits and capped at <see cref="int.MaxValue"/>: a MaxConcurrency
    /// near it ("no limit") must not wrap to a negative count that stops the run from starting.
    /// </summary>
    public int RowsInFlight => RowsInFlightFor(Options.MaxConcurrency);

    /// <summary>The <see cref="RowsInFlight"/> of a run with <paramref name="maxConcurrency"/>.</summary>
    internal static int RowsInFlightFor(int maxConcurrency) => (int)Math.Min(int.MaxValue, Math.Max(4L * maxConcurrency, maxConcurrency + 4L));

    /// <summary>The run-wide slots of rows in flight (<see cref="RowsInFlight"/>): <see cref="AdmitRowAsync"/>.</summary>
    private SemaphoreSlim RowSlots { get; }

    /// <summary>
    /// Waits for one of the run's <see cref="RowsInFlight"/> row slots, for a test framework that starts every row at once
    /// (xUnit v3 runs all tests in parallel), so that only the rows that can call soon are prepared. Dispose the slot when
    /// the row is done. A row whose <paramref name="cancellation"/> fires while it waits goes on without a slot (the slot
    /// returned frees nothing): the runner then reports it cancelled at once.
    /// </summary>
    public async Task<IDisposable> AdmitRowAsync(CancellationToken cancellation)
    {
        try
        {
            await RowSlots.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return new RowSlot(null);
        }

        return new RowSlot(RowSlots);
    }

    /// <summary>A row slot; disposing it frees the slot once.</summary>
    private sealed class RowSlot(SemaphoreSlim? slots) : IDisposable
    {
        private SemaphoreSlim? _slots = slots;

        public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
    }

    public SourceRunCache Sources { get; } = new();

    /// <summary>What the judges did in this run.</summary>
    public JudgeStatistics Judges { get; } = new();

    public ResultsWriter Results { get; }

    /// <summary>What the rows spent (tokens, latency, cost) per method and variant, for summary.json.</summary>
    internal SpendTotals Spend { get; } = new();

    /// <summary>The committed baseline of row outcomes (empty when there is none).</summary>
    public Baseline Baseline { get; }

    /// <summary>Remembers a row for the sample estimate, the suite metrics and the summary at the end of the run.</summary>
    public void RecordOutcome(JudgedRow row) => _judged[row.RowId] = row;

    /// <summary>Every row judged so far (or found not applicable).</summary>
    public IReadOnlyCollection<JudgedRow> JudgedRows => _judged.Values.ToArray();

    /// <summary>Robustness per method and relation over the rows judged so far (the summary reads it at the end).</summary>
    public IReadOnlyList<MethodRobustness> Robustness => Computed(ref _robustness, SuiteMetrics.Robustness);

    /// <summary>Multi-prompt metrics per method over the rows judged so far (the summary reads it at the end).</summary>
    public IReadOnlyList<MethodMultiPrompt> MultiPrompt => Computed(ref _multiPrompt, SuiteMetrics.MultiPrompt);

    private RowsComputation<MethodRobustness>? _robustness;
    private RowsComputation<MethodMultiPrompt>? _multiPrompt;

    /// <summary>A metric over the judged rows, computed again only when rows were added since (checkpoints compute it early).</summary>
    private IReadOnlyList<T> Computed<T>(ref RowsComputation<T>? cache, Func<IReadOnlyCollection<JudgedRow>, IReadOnlyList<T>> compute)
    {
        IReadOnlyCollection<JudgedRow> rows = JudgedRows;
        RowsComputation<T>? cached = Volatile.Read(ref cache);
        if (cached is not null && cached.Rows == rows.Count)
        {
            return cached.Value;
        }

        IReadOnlyList<T> value = compute(rows);
        Volatile.Write(ref cache, new RowsComputation<T>(rows.Count, value));
        return value;
    }

    private sealed record RowsComputation<T>(int Rows, IReadOnlyList<T> Value);

    /// <summary>
    /// Without EvalSpec's test framework (a user's own), nothing tells the run that the last row finished: the exit
    /// handler writes the summary, but the test platform may end the test process before it is done. So each finished
    /// row rewrites summary.json (and, when updating, the baseline) before its test reports: the files are complete
    /// whenever the process ends. The recordings need nothing: each answer is in the run's journal when its call returns, and
    /// the next run writes a journal left behind into the recordings files.
    /// </summary>
    public void CheckpointIfUnattended()
    {
        if (_completedByTestFramework)
        {
            return;
        }

        lock (_checkpointGate)
        {
            WriteSummaryAndBaseline();
        }
    }

    /// <summary>
    /// Writes summary.json and, when updating, the baseline: from the run's own files, the way
    /// <c>evalspec baseline update</c> does (rows with outcome, failure kind and score; methods with their metrics).
    /// </summary>
    private void WriteSummaryAndBaseline()
    {
        RunSummaryWriter.Write(Path.Combine(RunDirectory, "summary.json"), this);
        if (Options.Baseline == BaselineMode.Update)
        {
            Reporting.Reports.RunData data = Reporting.Reports.RunData.Load(RunDirectory);
            Reporting.Gate.BaselineChanges changes = Reporting.Gate.BaselineUpdate.Apply(Baseline, data, replace: false);
            if (changes.ErroredNote(data.JudgedRows.Count()) is { } note)
            {
                // Rows of failed model calls were not recorded (or nothing was, in an outage): the summary says so too.
                BaselineUpdateResult = (changes.Errored.Count, changes.Refused, note);
                RunSummaryWriter.Write(Path.Combine(RunDirectory, "summary.json"), this);
            }
        }
    }

    /// <summary>What the baseline update did with rows that errored on a model call; null when none did (or no update ran).</summary>
    public (int ErroredRows, bool Refused, string Note)? BaselineUpdateResult { get; private set; }

    /// <summary>Weighs relation rows by how much of the input's meaning the relation kept.</summary>
    public Metamorphic.InputSimilarity InputSimilarity { get; }

    /// <summary>The rows a sampled run judges; null when every row runs (or before the test framework set it).</summary>
    public RowSample? Sample { get; private set; }

    /// <summary>How many rows were skipped because they are outside the sample.</summary>
    public int OutsideSample => Sample is null ? 0 : _outsideSample;

    private int _outsideSample;

    /// <summary>Counts a row skipped because it is outside the sample.</summary>
    public void SkippedOutsideSample() => Interlocked.Increment(ref _outsideSample);

    /// <summary>Rows judged in a sampled run although the sample was not drawn from them (their test was not recognised as a row).</summary>
    public int JudgedOutsidePopulation => Volatile.Read(ref _outsidePopulation);

    private int _outsidePopulation;

    /// <summary>Counts a row the sample does not know, judged anyway rather than silently skipped.</summary>
    public void JudgedRowOutsidePopulation() => Interlocked.Increment(ref _outsidePopulation);

    /// <summary>
    /// Selects the sample when <see cref="EvalOptions.Sample"/> asks for one, from every eval row the runner was given; in a
    /// sharded run, from those of them in the shard (the shard is cut first, then sampled).
    /// </summary>
    public void SelectSample(IEnumerable<(string RowId, string Stratum)> rows)
    {
        if (Options.Sample > 0)
        {
            RowShard? shard = Shard;
            Sample = RowSample.Select(shard is null ? rows : rows.Where(r => shard.Includes(r.RowId)), Options.Sample);
        }
    }

    /// <summary>The run this one resumes (<see cref="EvalOptions.Resume"/>): its rows with a decided outcome; null for a new run.</summary>
    public ResumedRun? Resumed { get; private init; }

    /// <summary>Which resume of its run this run is (<see cref="ResumedRun.Attempt"/>), or 0 when it resumes none: its results lines say it (<c>attempt</c>).</summary>
    public int Attempt => Resumed?.Attempt ?? 0;

    /// <summary>Counts the resumed run's decided rows as rows of this run: statistics, the end-of-run metrics and spend.</summary>
    private void TakeOver()
    {
        if (Resumed is null)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        foreach (TakenOverRow taken in Resumed.Rows)
        {
            if (taken.Row.KnownFailure)
            {
                Statistics.KnownFailure();
            }
            else if (taken.FixedSinceBaseline)
            {
                Statistics.FixedSinceBaseline();
            }

            if (taken.RubricNotChecked)
            {
                Statistics.UnjudgedRubricRow();
            }

            Statistics.RowFinished(taken.Judged.Method.Id, taken.Judged.Outcome, now, taken.Judged.NotApplicable);
            RecordOutcome(taken.Judged);
            if (!taken.Judged.NotApplicable && taken.Spend is { } spend)
            {
                Spend.Add(taken.Judged.Method.Id, taken.Judged.VariantKey, spend);
            }

            // Its snapshot as the interrupted run counted it (the verified file was compared, written or accepted then), when
            // its method still has one.
            if (taken.Snapshot is { } snapshot && taken.Judged.Method.SnapshotOutput is not null)
            {
                SnapshotCounts.Record(snapshot, taken.SnapshotByMeaning);
            }

            // The judges, panels (their agreement), cascades and pairwise statistics count the rows decided before the
            // interruption too, so the summary reads as one run.
            if (taken.Judgements is { } judgements)
            {
                Judges.Replay(judgements);
            }

            // As the row's own run counted it (its line's judgeErrors); a line of an EvalSpec before it was written has the
            // checks of its shown trial only. The judgements are no measure: they include panels the eval method used itself.
            if (!taken.Judged.NotApplicable
                && (taken.JudgeErrors ?? taken.Row.Checks.Any(c => c.Verdicts.Any(v => v.Errored))))
            {
                Statistics.RowWithJudgeErrors();
            }
        }

        // Their model and eval method calls: each row's own, each source run's once (ResumedRun.CountCalls).
        foreach (TakenOverCalls calls in Resumed.Calls)
        {
            Recording.CountTakenOver(calls.ModelCalls, calls.Mode);
            Statistics.SystemUnderTestCalled(calls.EvalMethodCalls);
        }
    }

    /// <summary>The shard this run runs (<see cref="EvalOptions.Shard"/>), or null when it runs every row.</summary>
    public RowShard? Shard { get; private init; }

    /// <summary>What decides a sharded run's verdicts besides its rows (commit, options, judges, baseline), for <c>evalspec merge</c>; null when not sharded.</summary>
    public RunIdentity? Identity { get; private set; }

    /// <summary>How many rows were reported as skipped because they belong to another shard.</summary>
    public int OutsideShard => Volatile.Read(ref _outsideShard);

    private int _outsideShard;

    /// <summary>Counts a row skipped because it belongs to another shard.</summary>
    public void SkippedOutsideShard() => Interlocked.Increment(ref _outsideShard);

    /// <summary>
    /// Tells the run which eval rows ran, so that it can tell a full run (<see cref="RecordingRows"/>): on xUnit v2 the rows
    /// the test framework was given (after any <c>--filter</c>), before they run; on xUnit v3, which tells an assembly fixture
    /// nothing of the selected tests, the rows that started, before the run completes. Without EvalSpec's test framework or
    /// fixture nothing calls it, and no run counts as full.
    /// </summary>
    public void RowsToRun(IEnumerable<string> rowIds) => Volatile.Write(ref _rowsToRun, rowIds.ToHashSet(StringComparer.Ordinal));

    private HashSet<string>? _rowsToRun;

    /// <summary>
    /// Every row of the test assembly (from its generated descriptors), for the recordings: their inventory, and whether this
    /// run is full (every row given to the test framework, no sample, not cancelled), in which case a Record run removes the
    /// entries of rows that no longer exist.
    /// </summary>
    internal Recording.RecordingRowSet RecordingRows()
    {
        DescriptorScan scan = Descriptors;
        IReadOnlyList<EvalMethodDescriptor> methods = scan.Methods;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (EvalMethodDescriptor method in methods)
        {
            IEnumerable<string> relations = method.Relations.Select(r => r.Key).Prepend(EvalDefaults.IdentityRelationKey);
            foreach (EvalCaseDescriptor @case in method.Cases)
            {
                foreach (Prompts.PromptVariant variant in method.Variants)
                {
                    foreach (string relation in relations)
                    {
                        rows.Add(RowIds.Row(method, @case.Id, variant.Key, relation));
                    }
                }
            }
        }

        HashSet<string>? given = Volatile.Read(ref _rowsToRun);
        // A class whose static initializer threw lists no rows: its recordings are not known to be stale, so nothing is removed.
        bool full = given is not null && Options.Sample <= 0 && Shard is null && Resumed is null && rows.Count > 0 && rows.IsSubsetOf(given) && !RunCancellation.IsCancellationRequested
            && scan.Unreadable.Count == 0;
        string framework = TestAssembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName is { } name
            && new System.Runtime.Versioning.FrameworkName(name) is { Identifier: ".NETCoreApp" } parsed
                ? string.Create(CultureInfo.InvariantCulture, $"net{parsed.Version.Major}.{parsed.Version.Minor}")
                : "net" + Environment.Version.ToString(2);
        return new Recording.RecordingRowSet(
            TestAssembly.GetName().Name ?? "tests",
            framework,
            TestAssembly.Location,
            methods.Select(m => m.SuiteType.FullName ?? m.SuiteType.Name).Concat(scan.Unreadable.Select(u => u.Suite)).ToHashSet(StringComparer.Ordinal),
            rows,
            full,
            ProjectDirectory,
            ListsEveryRow: scan.Unreadable.Count == 0);
    }

    /// <summary>The estimated pass rate of every row from the sample, or null when the run is not sampled or nothing was judged.</summary>
    public Statistics.PassRateEstimate? SampleEstimate() => Sample?.Estimate(_judged);

    public RunStatistics Statistics => _statistics;

    /// <summary>
    /// A line a person must see in the default console output of <c>dotnet test</c>: a row whose judges errored, the
    /// run summary. Without EvalSpec's test framework it goes to the standard output (shown from normal verbosity).
    /// </summary>
    /// <returns>Whether the line went to the test framework (false: to the standard output).</returns>
    public bool Notice(string line)
    {
        Action<string>? notices = _notices;
        if (notices is null)
        {
            EvalConsole.WriteLine(line);
            return false;
        }

        try
        {
            notices(SecretRedactor.Default.Redact(line));
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // The test framework has finished with its message sink: the line still reaches the standard output.
            EvalConsole.WriteLine(line);
            return false;
        }
    }

    /// <summary>
    /// A line for the standard output (shown from normal verbosity); where the test platform never shows it (xUnit v3 under
    /// VSTest, <see cref="EvalRunSettings.StandardOutputHidden"/>), also a <see cref="Notice"/>, or it would be seen nowhere.
    /// </summary>
    private void WriteDetail(string text)
    {
        EvalConsole.WriteLine(text);
        if (_standardOutputHidden)
        {
            Notice(text);
        }
    }

    /// <summary>How many rows have said in a notice that their judges errored; after <see cref="MaxRowNotices"/>, the summary counts the rest.</summary>
    private int _rowNotices;

    /// <summary>Rows that print their own notice line, before the rest are only counted (a judge endpoint that is down would flood the console).</summary>
    internal const int MaxRowNotices = 20;

    /// <summary>A row's notice, up to <see cref="MaxRowNotices"/> per run; then one line saying where the others are.</summary>
    public void RowNotice(string line)
    {
        int count = Interlocked.Increment(ref _rowNotices);
        if (count <= MaxRowNotices)
        {
            Notice(line);
        }
        else if (count == MaxRowNotices + 1)
        {
            Notice($"EvalSpec: more rows have errored or unreadable judges; the run summary counts them and each row's message (and results.jsonl) names them.");
        }
    }

    /// <summary>
    /// Writes the recordings, the baseline (when updating), the run summary and the reports, and closes the results file.
    /// Safe to call when no row ran. Recordings that cannot be written do not stop the rest: the error is printed and kept in
    /// summary.json.
    /// </summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1)
        {
            return;
        }

        EvalRunHost run = this;

        try
        {
            // First, so that the recordings are on disk and the summary has the final counts even if what follows fails.
            CompleteRecordings(run);
            lock (run._checkpointGate)
            {
                run.WriteSummaryAndBaseline();
            }

            // The headline goes to the default console output of `dotnet test` (through the test framework); the details
            // are shown by `dotnet test --logger "console;verbosity=normal"` and in IDE test output panes.
            if (_notices is not null)
            {
                Notice(RunSummaryWriter.Headline(run));
            }

            // The details (panel agreement, metrics, recordings, the run folder).
            WriteDetail(RunSummaryWriter.Describe(run));

            // Classes whose static initializer threw: their rows fail at discovery, and this run's figures leave them out.
            foreach (UnreadableSuite broken in run.Descriptors.Unreadable)
            {
                WriteDetail($"EvalSpec: the rows of {broken.Suite} are not in this run's figures: {broken.Explain("Fix the static field that throws (or make it lazy).")} Recordings are not pruned while the class cannot be read.");
            }

            WriteReports(run);
        }
        finally
        {
            run.Dispose();
        }
    }

    /// <summary>
    /// Writes the run's last recordings. When they cannot be written, the error goes to the console's error stream with what
    /// to do, and into summary.json (<c>recording.error</c>, from the session's statistics), instead of stopping the summary,
    /// the baseline and the reports: the test framework would show a thrown error nowhere (xUnit v2 hides diagnostic messages).
    /// </summary>
    private static void CompleteRecordings(EvalRunHost run)
    {
        try
        {
            Recording.RecordingRowSet? rows = null;
            try
            {
                rows = run.RecordingRows();
            }
            catch (Exception ex)
            {
                // Whatever went wrong listing the rows, the recordings are written all the same (without an inventory, and
                // without removing the entries of rows that no longer exist).
                Console.Error.WriteLine($"EvalSpec could not list the rows of {run.TestAssembly.GetName().Name}: {ex.Message}");
            }

            run.Recording.Complete(rows);
        }
        catch (Exception ex)
        {
            EvalConsole.WriteError(
                $"{ex.Message}{Environment.NewLine}Model answers recorded in this run may be missing from those files, and a replay will miss them. "
                + $"Make {run.Recording.Directory} a writable folder (check its permissions, the free disk space, and that no file has its name), "
                + "then record again with EVALSPEC_RECORDING=record dotnet test (or auto, to record only the missing calls).");
        }
    }

    /// <summary>
    /// Writes report.md and report.html into the run folder (compared with the baseline), appends the markdown to
    /// $GITHUB_STEP_SUMMARY and prints the comparison's headline. The results and summary are already on disk: a report that cannot be written is said on
    /// the console and can be made again with <c>evalspec report</c>.
    /// </summary>
    private static void WriteReports(EvalRunHost run)
    {
        try
        {
            Reporting.Reports.RunReportFiles files = Reporting.Reports.RunReports.WriteAll(run.RunDirectory, run.Options.Baseline == BaselineMode.Ignore ? null : run.Baseline.Path);
            if (files.Gate is { } gate)
            {
                // In the default console output, next to the run's headline: a filtered run says it was not gated rather
                // than leaving the reader to take its green rows for a verdict on the suite.
                run.Notice("EvalSpec: " + Reporting.Gate.GateText.ReportHeadline(gate));
            }

            run.WriteDetail($"EvalSpec report: {files.HtmlPath}");

            if (files.StepSummaryError is { } error)
            {
                EvalConsole.WriteError($"EvalSpec: {error}");
            }
        }
        catch (Exception ex) when (ex is Reporting.Reports.RunDataException or IOException or UnauthorizedAccessException)
        {
            EvalConsole.WriteError($"EvalSpec could not write the reports of {run.RunDirectory}: {ex.Message} Run `evalspec report {run.RunDirectory}` to retry.");
        }
    }

    public void Dispose()
    {
        Recording.Dispose();
        Recording.ModelCalls?.Dispose();
        Telemetry.Dispose();
        Results.Dispose();
        ReviewQueue.Dispose();
        SystemUnderTestLimiter.Dispose();
        RowSlots.Dispose();

        // DisposeAsync also disposes services that are only IAsyncDisposable (Dispose would throw for them).
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Creates the host of one run: resolves the options once (<see cref="EvalRunSettings"/> says in which order), runs the
    /// assembly's <see cref="IEvalStartup"/>, loads the baseline, creates the run folder and starts the recordings.
    /// </summary>
    /// <exception cref="EvalConfigurationException">The configuration, the startup or the baseline cannot be used.</exception>
    public static EvalRunHost Create(EvalRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Assembly testAssembly = settings.TestAssembly;
        string projectDirectory = settings.ProjectDirectory ?? FindProjectDirectory(testAssembly);
        IConfiguration configuration = settings.LoadConfiguration(projectDirectory);

        EvalOptions options = BindOptions(configuration);

        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(options);
        var setup = new EvalSetup(services, configuration, options);
        RunStartup(testAssembly, setup);

        // After the startup: code registration wins, so a panel the startup filled keeps its code judges only.
        foreach (string skipped in ConfiguredJudges.Register(setup, settings.Environment))
        {
            EvalConsole.WriteLine($"EvalSpec: judge '{skipped}' from the configuration is not used: the startup registers the judges of its panel in code, and code wins.");
        }

        options.Validate();

        string baselinePath = string.IsNullOrWhiteSpace(options.BaselineFile)
            ? Path.Combine(projectDirectory, Baseline.FileName)
            : Path.GetFullPath(options.BaselineFile!, projectDirectory);
        if (options.Baseline == BaselineMode.Update && ContinuousIntegration.IsDetected(settings.Variable, out string? ciVariable))
        {
            throw new EvalConfigurationException($"EvalSpec will not update the baseline {baselinePath} on a build server ({ciVariable} is set). Record it locally with EVALSPEC_BASELINE=update and commit it.");
        }

        if (options.Snapshots == EvalSpec.Snapshots.SnapshotMode.Accept && ContinuousIntegration.IsDetected(settings.Variable, out string? snapshotCiVariable))
        {
            throw new EvalConfigurationException($"EvalSpec will not accept snapshots on a build server ({snapshotCiVariable} is set). Accept them locally with EVALSPEC_SNAPSHOTS=accept or `evalspec accept`, and commit the .verified. files.");
        }

        Baseline baseline = options.Baseline == BaselineMode.Ignore ? Baseline.Empty(baselinePath) : Baseline.Load(baselinePath);
        if (options.Baseline == BaselineMode.Update)
        {
            baseline.EnsureWritable();
        }

        // Cut from every row of the assembly, not from the tests a runner was given: a --filter must not move rows between shards.
        // The descriptors are scanned here only when a shard or a resume needs them before the run starts; the host scans
        // them once, lazily, otherwise, and keeps this scan when there is one.
        DescriptorScan? scan = null;
        RowShard? shard = null;
        if (RowShard.Parse(options.Shard) is { } cut)
        {
            scan = SnapshotInventory.Scan(testAssembly);
            shard = RowShard.Select(RowPopulation.Of(scan.Methods), cut.Index, cut.Count);
        }

        bool resuming = !string.IsNullOrWhiteSpace(options.Resume);
        if (resuming && !string.IsNullOrWhiteSpace(options.RunId) && !string.Equals(options.RunId, options.Resume, StringComparison.Ordinal))
        {
            throw new EvalConfigurationException($"EVALSPEC_RESUME={options.Resume} resumes that run under its own id, but EVALSPEC_RUNID (RunId) is '{options.RunId}'. Unset RunId, or set it to the same id.");
        }

        string runId = resuming ? options.Resume! : string.IsNullOrWhiteSpace(options.RunId) ? NewRunId() : options.RunId!;
        if (resuming && runId.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0)
        {
            throw new EvalConfigurationException($"EVALSPEC_RESUME={runId} is a path: give the run id, the name of the run's folder under the results folder (here '{Path.GetFileName(runId.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))}'), as in EVALSPEC_RESUME=<run-id>.");
        }

        if (runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new EvalConfigurationException($"EvalSpec run id '{runId}' is not a valid folder name; choose one without path characters.");
        }

        string resultsRoot = string.IsNullOrWhiteSpace(options.ResultsDirectory)
            ? Path.Combine(projectDirectory, "TestResults", "evalspec")
            : Path.GetFullPath(options.ResultsDirectory!, projectDirectory);
        string runDirectory = Path.Combine(resultsRoot, runId);
        if (resuming && (scan ??= SnapshotInventory.Scan(testAssembly)).Unreadable is [UnreadableSuite broken, ..])
        {
            // ResumedRun.Load drops the rows of methods the assembly does not list: this class's finished rows would be
            // removed from results.jsonl as if the class had been deleted.
            throw new EvalConfigurationException(
                $"EVALSPEC_RESUME={runId}: {broken.Suite} cannot be read: {broken.Explain("Fix the static field that throws (or set what it needs, as in the run you resume).")} Resuming now would drop the results its rows already have in {runDirectory}; resume again once it reads. Nothing was changed.");
        }

        ResumedRun? resumed = resuming ? ResumedRun.Load(runDirectory, runId, scan!.Methods, shard, options.Configuration) : null;
        Directory.CreateDirectory(runDirectory);

        ServiceProvider provider = services.BuildServiceProvider();
        Recording.RecordingSession? recording = null;
        try
        {
            recording = EvalSpec.Recording.RecordingSession.Start(options, projectDirectory, settings.Variable);
            recording.ModelCalls = new ModelCalls.ModelCallPipeline(options, recording.Mode);
            var host = new EvalRunHost(settings, options, provider, runId, runDirectory, baseline, projectDirectory, setup.Snapshots, recording, append: resumed is not null, scan) { Shard = shard, Resumed = resumed };
            ThreadPoolFloor.Raise(host.RowsInFlight);

            // Taken before any row runs: the baseline as the rows are compared with it (an update run rewrites it at the end).
            host.Identity = shard is null ? null : RunIdentity.Of(host, settings.Variable);
            host.TakeOver();
            return host;
        }
        catch
        {
            recording?.Complete();
            provider.Dispose();
            throw;
        }
    }

    /// <summary>The options of <c>evalspec.json</c> and <c>EVALSPEC_</c> variables, before the startup adjusts them.</summary>
    internal static EvalOptions BindOptions(IConfiguration configuration)
    {
        var options = new EvalOptions();
        try
        {
            BindingView(configuration).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new EvalConfigurationException($"EvalSpec options in evalspec.json or EVALSPEC_ environment variables are invalid: {ex.Message}", ex);
        }

        return options;
    }

    /// <summary>
    /// The configuration the options are bound from (its values were checked by <see cref="EvalConfiguration.Load"/>):
    /// <c>Quorum: majority</c> (the default, asked for by name) binds as unset.
    /// </summary>
    private static IConfiguration BindingView(IConfiguration configuration)
    {
        string? quorum = configuration[nameof(EvalOptions.Quorum)]?.Trim();
        if (string.IsNullOrEmpty(quorum) || int.TryParse(quorum, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return configuration;
        }

        if (!string.Equals(quorum, EvalOptions.MajorityQuorumValue, StringComparison.OrdinalIgnoreCase))
        {
            throw new EvalConfigurationException($"Quorum '{quorum}' is not valid (EVALSPEC_QUORUM or \"Quorum\" in evalspec.json): give a number of rubric judges, or \"majority\" (the default) for a strict majority of them.");
        }

        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [nameof(EvalOptions.Quorum)] = null })
            .Build();
    }

    private static void RunStartup(Assembly testAssembly, EvalSetup setup)
    {
        EvalStartupAttribute? attribute = testAssembly.GetCustomAttribute<EvalStartupAttribute>();
        if (attribute is null)
        {
            return;
        }

        Type type = attribute.StartupType;
        if (!typeof(IEvalStartup).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new EvalConfigurationException(
                $"[assembly: EvalStartup(typeof({type.FullName}))] in {testAssembly.GetName().Name}: the type must implement EvalSpec.IEvalStartup and have a public parameterless constructor.");
        }

        try
        {
            ((IEvalStartup)Activator.CreateInstance(type)!).Configure(setup);
        }
        catch (Exception ex) when (ex is not EvalConfigurationException)
        {
            Exception cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new EvalConfigurationException($"{type.FullName}.Configure threw {cause.GetType().Name}: {cause.Message}", cause);
        }
    }

    /// <summary>
    /// The test project folder: from the assembly metadata EvalSpec's build targets add, else the nearest
    /// folder above the output folder that holds a project file, else the current directory.
    /// </summary>
    internal static string FindProjectDirectory(Assembly testAssembly)
    {
        string? fromMetadata = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "EvalSpec.ProjectDirectory")?.Value;
        if (!string.IsNullOrWhiteSpace(fromMetadata) && Directory.Exists(fromMetadata))
        {
            return fromMetadata;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    internal static JudgePanel? CreatePanel(string name, IJudge[] judges, EvalOptions options, int? quorum, bool earlyStop)
    {
        if (judges.Length == 0)
        {
            return null;
        }

        if (quorum > judges.Length)
        {
            throw new EvalConfigurationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Quorum is {quorum} but the {name} panel has {judges.Length} judge(s) ({string.Join(", ", judges.Select(j => j.Name))}): a quorum cannot be larger than the panel. Set Quorum (EVALSPEC_QUORUM, evalspec.json or setup.Options.Quorum) between 1 and {judges.Length}, or leave it unset for a strict majority ({JudgePanel.MajorityQuorum(judges.Length)} of {judges.Length})."));
        }

        if (!Enum.IsDefined(options.Aggregation))
        {
            throw new EvalConfigurationException($"Aggregation '{options.Aggregation}' is unknown; use Majority, Mean or Unanimity.");
        }

        try
        {
            SelfPreferenceGuard.Check(judges, options.SystemUnderTestModels);
            return new JudgePanel(name, judges, options.Aggregation.ToAggregator(), quorum, earlyStop);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new EvalConfigurationException($"The {name} judges registered in the EvalSpec startup cannot form a panel: {ex.Message}", ex);
        }
    }

    private static string NewRunId() =>
        DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant();

    /// <summary>Counts and timing of the rows of the run, safe for concurrent rows.</summary>
    internal sealed class RunStatistics
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, int[]> _byMethod = new(StringComparer.Ordinal);
        private long _firstStart = long.MaxValue;
        private long _lastEnd = long.MinValue;
        private int _systemUnderTestCalls;
        private int _knownFailures;
        private int _fixedSinceBaseline;

        private int _rowsWithJudgeErrors;
        private int _unjudgedRubricRows;
        private int _decidedByPerson;

        public void KnownFailure() => Interlocked.Increment(ref _knownFailures);

        /// <summary>Counts a row one of whose panels had an errored or unreadable judge.</summary>
        public void RowWithJudgeErrors() => Interlocked.Increment(ref _rowsWithJudgeErrors);

        public int RowsWithJudgeErrors => Volatile.Read(ref _rowsWithJudgeErrors);

        /// <summary>Counts a row whose eval has a rubric that no judge checked (no rubric judge registered).</summary>
        public void UnjudgedRubricRow() => Interlocked.Increment(ref _unjudgedRubricRows);

        public int UnjudgedRubricRows => Volatile.Read(ref _unjudgedRubricRows);

        public void FixedSinceBaseline() => Interlocked.Increment(ref _fixedSinceBaseline);

        /// <summary>Counts a row whose rubric verdict is a person's, pinned in the baseline for its output.</summary>
        public void DecidedByPerson() => Interlocked.Increment(ref _decidedByPerson);

        public int DecidedByPersonCount => Volatile.Read(ref _decidedByPerson);

        public int KnownFailures => Volatile.Read(ref _knownFailures);

        public int FixedSinceBaselineCount => Volatile.Read(ref _fixedSinceBaseline);

        public void RowStarted(long timestamp)
        {
            lock (_gate)
            {
                _firstStart = Math.Min(_firstStart, timestamp);
            }
        }

        public void RowFinished(string methodId, VerdictOutcome outcome, long timestamp, bool notApplicable = false)
        {
            lock (_gate)
            {
                _lastEnd = Math.Max(_lastEnd, timestamp);
                if (!_byMethod.TryGetValue(methodId, out int[]? counts))
                {
                    counts = new int[4];
                    _byMethod[methodId] = counts;
                }

                // Slots: pass, fail, inconclusive, not applicable (a relation that did not change the input).
                counts[notApplicable ? 3 : (int)outcome]++;
            }
        }

        public void SystemUnderTestCalled() => Interlocked.Increment(ref _systemUnderTestCalls);

        /// <summary>Counts <paramref name="calls"/> eval method calls at once (those of rows a resumed run took over).</summary>
        public void SystemUnderTestCalled(int calls) => Interlocked.Add(ref _systemUnderTestCalls, calls);

        public int SystemUnderTestCalls => Volatile.Read(ref _systemUnderTestCalls);

        public TimeSpan WallTime
        {
            get
            {
                lock (_gate)
                {
                    return _lastEnd < _firstStart ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_firstStart, _lastEnd);
                }
            }
        }

        /// <summary>Pass, fail, inconclusive and not-applicable counts per method id.</summary>
        public IReadOnlyDictionary<string, int[]> ByMethod
        {
            get
            {
                lock (_gate)
                {
                    return _byMethod.ToDictionary(p => p.Key, p => (int[])p.Value.Clone(), StringComparer.Ordinal);
                }
            }
        }
    }
}
