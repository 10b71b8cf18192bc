using System;
using System.Collections.Generic;
using EvalSpec.Judging;
using EvalSpec.Reporting;

namespace EvalSpec;

/// <summary>
/// Run options. Bound from the top level of <c>evalspec.json</c> (in the test output folder, e.g.
/// <c>{ "MaxConcurrency": 4 }</c>) and from environment variables with the <c>EVALSPEC_</c> prefix (e.g.
/// <c>EVALSPEC_MAXCONCURRENCY=4</c>), then adjustable in <see cref="IEvalStartup.Configure"/>. Keys are not
/// case-sensitive. Every <c>EVALSPEC_</c> variable and every top-level key of the file must be one of these options
/// (a misspelt one is an error naming the nearest option, not silently ignored); your own settings go in the file's
/// <c>"App"</c> section (or <c>EVALSPEC_APP__NAME</c> variables), read in your startup from
/// <see cref="EvalSetup.Configuration"/> (<c>setup.Configuration["App:Name"]</c>). The file may also hold a
/// <c>"$schema"</c> key.
/// </summary>
public sealed class EvalOptions
{
    /// <summary>
    /// How many calls of eval methods (the system under test) may be in flight at once across the test
    /// assembly. Rows of one class run concurrently up to this limit. Default 8.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Default row timeout: the limit for each call of an eval method and for judging a row (see
    /// <see cref="EvalAttribute.Timeout"/>). Default two minutes.
    /// </summary>
    public TimeSpan RowTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Folder under which each run writes <c>&lt;run-id&gt;/results.jsonl</c>. Default
    /// <c>&lt;test project&gt;/TestResults/evalspec</c>.
    /// </summary>
    public string? ResultsDirectory { get; set; }

    /// <summary>The run id (a folder name). Default: UTC time stamp plus a random suffix.</summary>
    public string? RunId { get; set; }

    /// <summary>How the rubric panel (the registered judges) aggregates its verdicts. Default majority.</summary>
    public PanelAggregation Aggregation { get; set; } = PanelAggregation.Majority;

    /// <summary>
    /// Whether the rubric panel asks its judges in order and stops once the outcome cannot change (saves
    /// model calls, costs latency). Default false: all judges are asked at once.
    /// </summary>
    public bool EarlyStop { get; set; }

    /// <summary>
    /// Minimum number of rubric-panel judges that must give a pass or fail verdict (not abstain, error or answer
    /// unreadably); below it the panel is inconclusive. Default <see langword="null"/>: a strict majority of the
    /// panel's judges (<see cref="JudgePanel.MajorityQuorum"/>: 1 of 1, 2 of 2 or 3, 3 of 4 or 5). Set a number between
    /// 1 and the number of rubric judges (<c>EVALSPEC_QUORUM=1</c>), or <c>majority</c> in <c>evalspec.json</c> or the
    /// environment to ask for the default explicitly. The invariance and change panels always need a strict majority.
    /// </summary>
    public int? Quorum { get; set; }

    /// <summary>
    /// What a row does when its eval has a <see cref="EvalAttribute.Rubric"/> but no rubric judge is registered:
    /// <see cref="UnjudgedRubricMode.Auto"/> (default: says so and is decided by its other checks on a developer
    /// machine, inconclusive on a build server), <see cref="UnjudgedRubricMode.Ignore"/> or
    /// <see cref="UnjudgedRubricMode.Inconclusive"/>. Set with <c>EVALSPEC_UNJUDGEDRUBRIC=ignore</c>.
    /// </summary>
    public UnjudgedRubricMode UnjudgedRubric { get; set; }

    /// <summary>
    /// The model ids the system under test uses. LLM judges (<see cref="IModelJudge"/>) on one of these models
    /// are refused, unless they set <see cref="LlmJudgeOptions.AllowSelfPreference"/>: a model grading its own
    /// outputs favours them.
    /// </summary>
    public IList<string> SystemUnderTestModels { get; } = new List<string>();

    /// <summary>
    /// How the run uses the committed baseline of row outcomes. Default <see cref="BaselineMode.Use"/>; set
    /// <c>EVALSPEC_BASELINE=update</c> to record a run (refused on CI).
    /// </summary>
    public BaselineMode Baseline { get; set; } = BaselineMode.Use;

    /// <summary>The baseline file. Default <c>&lt;test project&gt;/evalspec.baseline.json</c>.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>
    /// Runs a deterministic stratified sample of this many rows instead of every row (0, the default, runs them
    /// all): for quick pull-request runs of a large suite. Rows are stratified by method, prompt variant and
    /// relation, and picked by a hash of their ids, so the same rows run every time; the others are reported as
    /// skipped, and the summary estimates the whole suite's pass rate with a 95% confidence interval. Needs
    /// EvalSpec's xUnit adapter: on xUnit v2 its test framework (registered by default) draws the sample from the rows it
    /// is given (after a filter); on xUnit v3 the run host draws it from every generated row. Set with <c>EVALSPEC_SAMPLE=200</c>.
    /// </summary>
    public int Sample { get; set; }

    /// <summary>
    /// Runs one shard of the rows, <c>k/N</c> (for example <c>2/4</c>), so that N processes or CI jobs share a suite: a
    /// stable, stratified 1/N of the rows (by a hash of the row id within each method x prompt variant x relation), cut
    /// from every row of the test assembly whatever <c>--filter</c> selects (a filter and a shard intersect). Rows of other
    /// shards are reported as skipped, naming the shard. <c>evalspec merge</c> joins the shards' run folders into one run.
    /// Null or empty (the default) runs every row. Set with <c>EVALSPEC_SHARD=2/4</c>; see docs/sharding.md.
    /// </summary>
    public string? Shard { get; set; }

    /// <summary>
    /// Resumes the run with this run id (a folder under <see cref="ResultsDirectory"/>): rows with a decided outcome in its
    /// <c>results.jsonl</c> (pass, fail, not applicable) are taken over, the others (inconclusive, missing, or on a line torn
    /// by a crash) run again, and the folder then holds one run. Set with <c>EVALSPEC_RESUME=&lt;run-id&gt;</c>; see docs/sharding.md.
    /// </summary>
    public string? Resume { get; set; }

    /// <summary>
    /// Names the system configuration this run evaluates (for example the model behind the system under test), so that
    /// runs of the same suite against several configurations can be compared: <c>evalspec compare</c> reads their
    /// summaries and reports whether the prompt variants rank the configurations alike (Kendall's W). Written to
    /// <c>summary.json</c>. Set with <c>EVALSPEC_CONFIGURATION=gpt-4o-mini</c>.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// How model calls made through <c>UseEvalSpecRecording()</c> clients are recorded and replayed. Default: <see cref="Recording.RecordingMode.Auto"/>
    /// on a developer machine, <see cref="Recording.RecordingMode.Replay"/> on a build server (CI, TF_BUILD, GITHUB_ACTIONS...).
    /// Set with <c>EVALSPEC_RECORDING=record</c>.
    /// </summary>
    public Recording.RecordingMode? Recording { get; set; }

    /// <summary>The folder of the recordings, one file per eval class. Default <c>&lt;test project&gt;/recordings</c>.</summary>
    public string? RecordingsDirectory { get; set; }

    /// <summary>
    /// What a snapshot mismatch does: <see cref="Snapshots.SnapshotMode.Verify"/> (default) or <see cref="Snapshots.SnapshotMode.Accept"/>
    /// (refused on build servers). Set with <c>EVALSPEC_SNAPSHOTS=accept</c>.
    /// </summary>
    public Snapshots.SnapshotMode Snapshots { get; set; }

    /// <summary>How registered <see cref="Judging.JudgeCascade"/>s are calibrated and whether they collect calibration data (section <c>Cascade</c>).</summary>
    public CascadeOptions Cascade { get; } = new();

    /// <summary>
    /// Judge models declared in configuration (section <c>Judges</c>), keyed by judge name: EvalSpec builds each one's
    /// chat client and judge at the start of the run. A panel the startup fills in code ignores them (docs/judges.md, "Judges
    /// from configuration").
    /// </summary>
    public IDictionary<string, JudgeModelOptions> Judges { get; } = new Dictionary<string, JudgeModelOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Token, latency and cost budgets per eval method pattern (section <c>Budgets</c>, a list); values set on
    /// <see cref="EvalAttribute"/> win. See docs/budgets.md.
    /// </summary>
    public IList<BudgetOptions> Budgets { get; } = new List<BudgetOptions>();

    /// <summary>
    /// Token prices per model id (section <c>Prices</c>): a model id matches a key equal to it (ignoring case), else the longest
    /// key it starts with followed by <c>-</c> and a digit (<c>gpt-4o-mini</c> prices <c>gpt-4o-mini-2024-07-18</c>; <c>gpt-4o</c> never
    /// prices <c>gpt-4o-mini</c>).
    /// </summary>
    public IDictionary<string, ModelPriceOptions> Prices { get; } = new Dictionary<string, ModelPriceOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The shared response cache on Redis (section <c>Cache</c>): off unless <see cref="CacheOptions.Redis"/> is set.</summary>
    public CacheOptions Cache { get; } = new();

    /// <summary>
    /// Rate limits of model calls (section <c>RateLimits</c>), keyed <c>provider/model</c> (e.g. <c>openai/gpt-4o-mini</c>),
    /// <c>model</c>, or <c>default</c> for every other model. Shared across processes through Redis when
    /// <see cref="CacheOptions.Redis"/> is set.
    /// </summary>
    public IDictionary<string, RateLimitOptions> RateLimits { get; } = new Dictionary<string, RateLimitOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>OpenTelemetry export (section <c>Telemetry</c>).</summary>
    public TelemetryOptions Telemetry { get; } = new();

    /// <summary>The value of <c>Quorum</c> in configuration that asks for the default, a strict majority.</summary>
    internal const string MajorityQuorumValue = "majority";

    /// <summary>The error for an <see cref="UnjudgedRubric"/> value that is not one of the modes.</summary>
    internal static string InvalidUnjudgedRubric(string value) =>
        $"UnjudgedRubric '{value}' is not valid (EVALSPEC_UNJUDGEDRUBRIC or \"UnjudgedRubric\" in evalspec.json): use auto (the default: rows say that their rubric was not checked, and are inconclusive on a build server), ignore (never inconclusive for it) or inconclusive (always).";

    /// <summary>The longest row timeout a timer can hold (about 24 days).</summary>
    internal static readonly TimeSpan MaxRowTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    internal void Validate()
    {
        if (MaxConcurrency < 1)
        {
            throw new EvalConfigurationException($"MaxConcurrency must be at least 1 (got {MaxConcurrency}). Set it in evalspec.json or with EVALSPEC_MAXCONCURRENCY.");
        }

        if (RowTimeout <= TimeSpan.Zero || RowTimeout > MaxRowTimeout)
        {
            throw new EvalConfigurationException($"RowTimeout must be positive and at most {Math.Floor(MaxRowTimeout.TotalDays)} days (got {RowTimeout}). Use the form \"00:02:00\".");
        }

        if (Quorum < 1)
        {
            throw new EvalConfigurationException($"Quorum must be at least 1 (got {Quorum}). Set it in evalspec.json or with EVALSPEC_QUORUM to a number of rubric judges, or leave it unset (or \"majority\") for a strict majority of them.");
        }

        if (!Enum.IsDefined(UnjudgedRubric))
        {
            throw new EvalConfigurationException(InvalidUnjudgedRubric(UnjudgedRubric.ToString()));
        }

        Execution.RowBudget.Validate(this);

        if (Sample < 0)
        {
            throw new EvalConfigurationException($"Sample must be 0 (run every row) or a number of rows to run (got {Sample}). Set it with EVALSPEC_SAMPLE.");
        }

        // Throws naming EVALSPEC_SHARD when the value is not k/N.
        Execution.RowShard.Parse(Shard);

        ModelCalls.ModelCallSettings.Validate(this);
    }
}
