using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSpec.Execution;

/// <summary>
/// Process-wide state of one eval run: options, services, the results file, the limiter on concurrent
/// calls of eval methods and the memo of source runs. Created on first use from the test assembly's
/// configuration and <see cref="IEvalStartup"/>.
/// </summary>
internal sealed class EvalRun : IDisposable
{
    private static readonly object Gate = new();
    private static EvalRun? s_current;
    private static Exception? s_initializationError;
    private static CancellationToken s_runCancellation;
    private static int s_exitHandlerRegistered;

    private readonly ServiceProvider _services;
    private readonly RunStatistics _statistics = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BaselineEntry> _outcomes = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JudgedRow> _judged = new(StringComparer.Ordinal);

    private EvalRun(EvalOptions options, ServiceProvider services, string runId, string runDirectory, Baseline baseline)
    {
        Baseline = baseline;
        Options = options;
        _services = services;
        RunId = runId;
        RunDirectory = runDirectory;
        RubricPanel = CreatePanel("rubric", services.GetServices<IJudge>().ToArray(), options, options.Quorum, options.EarlyStop);
        InvariancePanel = CreatePanel("invariance", services.GetKeyedServices<IJudge>(JudgeRoles.Invariance).ToArray(), options, 1, earlyStop: false)
            ?? new JudgePanel("invariance", new IJudge[] { new TokenF1InvarianceJudge() });
        ChangePanel = CreatePanel("change", services.GetKeyedServices<IJudge>(JudgeRoles.Change).ToArray(), options, 1, earlyStop: false)
            ?? new JudgePanel("change", new IJudge[] { new TokenF1ChangeJudge() });
        SystemUnderTestLimiter = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        Results = new ResultsWriter(Path.Combine(runDirectory, "results.jsonl"));
        InputSimilarity = new Metamorphic.InputSimilarity(services.GetService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>());
    }

    public EvalOptions Options { get; }

    public IServiceProvider Services => _services;

    public string RunId { get; }

    public string RunDirectory { get; }

    /// <summary>The panel of the judges registered in the startup, or null when none are.</summary>
    public JudgePanel? RubricPanel { get; }

    /// <summary>The panel that checks invariant relation rows (lexical by default).</summary>
    public JudgePanel InvariancePanel { get; }

    /// <summary>The panel that checks directional relation rows (lexical by default).</summary>
    public JudgePanel ChangePanel { get; }

    /// <summary>Bounds how many calls of eval methods are in flight at once.</summary>
    public SemaphoreSlim SystemUnderTestLimiter { get; }

    public SourceRunCache Sources { get; } = new();

    /// <summary>What the judges did in this run.</summary>
    public JudgeStatistics Judges { get; } = new();

    public ResultsWriter Results { get; }

    /// <summary>The committed baseline of row outcomes (empty when there is none).</summary>
    public Baseline Baseline { get; }

    /// <summary>Remembers a row's outcome for the baseline update, the sample estimate and the suite metrics at the end of the run.</summary>
    public void RecordOutcome(JudgedRow row, string? reason, string? failureKind)
    {
        // A relation that did not apply was not judged: the baseline has nothing to remember about it.
        if (!row.NotApplicable)
        {
            _outcomes[row.RowId] = Baseline.Entry(row.Outcome, reason, failureKind);
        }

        _judged[row.RowId] = row;
    }

    /// <summary>Every row judged so far (or found not applicable).</summary>
    public IReadOnlyCollection<JudgedRow> JudgedRows => _judged.Values.ToArray();

    /// <summary>Robustness per method and relation, computed once at the end of the run.</summary>
    public IReadOnlyList<MethodRobustness> Robustness => field ??= SuiteMetrics.Robustness(JudgedRows);

    /// <summary>Multi-prompt metrics per method, computed once at the end of the run.</summary>
    public IReadOnlyList<MethodMultiPrompt> MultiPrompt => field ??= SuiteMetrics.MultiPrompt(JudgedRows);

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

    /// <summary>Selects the sample when <see cref="EvalOptions.Sample"/> asks for one, from every eval row the runner was given.</summary>
    public void SelectSample(IEnumerable<(string RowId, string Stratum)> rows)
    {
        if (Options.Sample > 0)
        {
            Sample = RowSample.Select(rows, Options.Sample);
        }
    }

    /// <summary>The estimated pass rate of every row from the sample, or null when the run is not sampled or nothing was judged.</summary>
    public Statistics.PassRateEstimate? SampleEstimate() => Sample?.Estimate(_judged);

    public RunStatistics Statistics => _statistics;

    /// <summary>Cancelled when the test runner cancels the run (set by <see cref="EvalTestFramework"/>).</summary>
    public static CancellationToken RunCancellation => s_runCancellation;

    /// <summary>The run, created on first use for the assembly that declares <paramref name="suiteType"/>.</summary>
    public static EvalRun GetOrCreate(Type suiteType)
    {
        lock (Gate)
        {
            if (s_initializationError is not null)
            {
                throw new EvalConfigurationException("EvalSpec could not start this run: " + s_initializationError.Message, s_initializationError);
            }

            if (s_current is not null)
            {
                return s_current;
            }

            try
            {
                s_current = Create(suiteType.Assembly);
                JudgePanel.Observer = static verdict => CurrentOrNull?.Judges.Record(verdict);

                // EvalTestFramework completes the run before the assembly finishes; without it (a user's own
                // test framework), the summary is still written when the test process exits.
                if (Interlocked.Exchange(ref s_exitHandlerRegistered, 1) == 0)
                {
                    AppDomain.CurrentDomain.ProcessExit += static (_, _) => CompleteQuietly();
                }

                return s_current;
            }
            catch (Exception ex)
            {
                s_initializationError = ex;
                throw;
            }
        }
    }

    /// <summary>The run if one was started, else null.</summary>
    public static EvalRun? CurrentOrNull
    {
        get
        {
            lock (Gate)
            {
                return s_current;
            }
        }
    }

    public static void AttachRunCancellation(CancellationToken cancellationToken) => s_runCancellation = cancellationToken;

    /// <summary>Writes the run summary and closes the results file. Safe to call when no row ran.</summary>
    public static void Complete()
    {
        EvalRun? run;
        lock (Gate)
        {
            run = s_current;
            s_current = null;
            s_initializationError = null;
        }

        if (run is null)
        {
            return;
        }

        try
        {
            if (run.Options.Baseline == BaselineMode.Update)
            {
                run.Baseline.WriteMerged(run._outcomes, run._judged.Values.Where(r => r.NotApplicable).Select(r => r.RowId));
            }

            string summary = Path.Combine(run.RunDirectory, "summary.json");
            RunSummaryWriter.Write(summary, run);

            // Shown by `dotnet test --logger "console;verbosity=normal"` and in IDE test output panes.
            Console.WriteLine(RunSummaryWriter.Describe(run));
        }
        finally
        {
            run.Dispose();
        }
    }

    private static void CompleteQuietly()
    {
        try
        {
            Complete();
        }
        catch (Exception ex)
        {
            // The process is exiting: report, never throw.
            Console.Error.WriteLine($"EvalSpec could not complete the run: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Dispose()
    {
        Results.Dispose();
        SystemUnderTestLimiter.Dispose();

        // DisposeAsync also disposes services that are only IAsyncDisposable (Dispose would throw for them).
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static EvalRun Create(Assembly testAssembly)
    {
        string projectDirectory = FindProjectDirectory(testAssembly);
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "evalspec.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("EVALSPEC_")
            .Build();

        var options = new EvalOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new EvalConfigurationException($"EvalSpec options in evalspec.json or EVALSPEC_ environment variables are invalid: {ex.Message}", ex);
        }

        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(options);
        RunStartup(testAssembly, new EvalSetup(services, configuration, options));
        options.Validate();

        string baselinePath = string.IsNullOrWhiteSpace(options.BaselineFile)
            ? Path.Combine(projectDirectory, Baseline.FileName)
            : Path.GetFullPath(options.BaselineFile!, projectDirectory);
        if (options.Baseline == BaselineMode.Update && ContinuousIntegration.IsDetected(out string? ciVariable))
        {
            throw new EvalConfigurationException($"EvalSpec will not update the baseline {baselinePath} on a build server ({ciVariable} is set). Record it locally with EVALSPEC_BASELINE=update and commit it.");
        }

        Baseline baseline = options.Baseline == BaselineMode.Ignore ? Baseline.Empty(baselinePath) : Baseline.Load(baselinePath);
        if (options.Baseline == BaselineMode.Update)
        {
            baseline.EnsureWritable();
        }

        string runId = string.IsNullOrWhiteSpace(options.RunId) ? NewRunId() : options.RunId!;
        if (runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new EvalConfigurationException($"EvalSpec run id '{runId}' is not a valid folder name; choose one without path characters.");
        }

        string resultsRoot = string.IsNullOrWhiteSpace(options.ResultsDirectory)
            ? Path.Combine(projectDirectory, "TestResults", "evalspec")
            : Path.GetFullPath(options.ResultsDirectory!, projectDirectory);
        string runDirectory = Path.Combine(resultsRoot, runId);
        Directory.CreateDirectory(runDirectory);

        ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            return new EvalRun(options, provider, runId, runDirectory, baseline);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
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

    private static JudgePanel? CreatePanel(string name, IJudge[] judges, EvalOptions options, int quorum, bool earlyStop)
    {
        if (judges.Length == 0)
        {
            return null;
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

        public void KnownFailure() => Interlocked.Increment(ref _knownFailures);

        public void FixedSinceBaseline() => Interlocked.Increment(ref _fixedSinceBaseline);

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
