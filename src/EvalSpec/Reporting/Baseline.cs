using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvalSpec.Judging;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting;

/// <summary>
/// The committed record of a suite's results (<c>evalspec.baseline.json</c> in the test project): each row's
/// outcome and score keyed by stable row ids (for a failure also its kind and evidence), and per eval method its pass
/// rate and multi-prompt and robustness metrics. A row that fails the way it is recorded as failing (the same kind and
/// evidence, see <see cref="Gate.KnownFailureMatch"/>) is a known failure, not a regression; the regression gate
/// compares a whole run with it.
/// </summary>
/// <remarks>
/// <para>
/// The file is written for review in a pull request: keys sorted ordinally, two-space indentation, LF line ends,
/// UTF-8 without a byte order mark, numbers rounded to four decimals and no time stamps, so recording the same
/// results twice gives the same bytes. The format number is the top-level <c>"format"</c> (<c>"version"</c> in files
/// written before it was renamed, still read); format 1 files (rows with outcome, reason and kind only) and format 2 files
/// (with scores and method metrics) are still read, but their failing rows excuse nothing: only format 3 records what a
/// failure showed (<see cref="BaselineEntry.Evidence"/>); every write produces format 3, and a newer format is refused (see <see cref="Persistence.CommittedFileFormats"/>).
/// </para>
/// <para>
/// Updates never lose each other: a write takes the file's cross-process lock, reads the file as it is on disk now (another
/// run may have written it since this one loaded it), merges this run's rows into it and replaces it in one rename. So two
/// filtered runs updating at once both land, and a run killed at any moment leaves the old or the new file.
/// </para>
/// </remarks>
internal sealed class Baseline
{
    public const string FileName = "evalspec.baseline.json";

    /// <summary>The format every write of a baseline without pinned person verdicts produces (see <see cref="Persistence.CommittedFileFormats.Baseline"/>).</summary>
    public const int CurrentVersion = 3;

    /// <summary>
    /// The format of a baseline with a person's verdict pinned for a row (<see cref="BaselineEntry.Person"/>): an older
    /// EvalSpec would ignore the pin and drop it on its next write, so it must refuse the file instead. A baseline without
    /// pins keeps format <see cref="CurrentVersion"/>, readable by older versions.
    /// </summary>
    public const int PinnedVersion = 4;

    private const int MaxReasonLength = 300;

    private readonly Dictionary<string, BaselineEntry> _rows;
    private readonly Dictionary<string, BaselineMethod> _methods;

    private Baseline(string path, Dictionary<string, BaselineEntry> rows, Dictionary<string, BaselineMethod> methods, int version)
    {
        Path = path;
        _rows = rows;
        _methods = methods;
        Version = version;
    }

    public string Path { get; }

    /// <summary>Whether the file existed when the baseline was loaded.</summary>
    public bool Exists => Version > 0;

    /// <summary>The format of the loaded file (1 to <see cref="CurrentVersion"/>), or 0 when there was no file.</summary>
    public int Version { get; }

    /// <summary>The recorded rows by row id.</summary>
    public IReadOnlyDictionary<string, BaselineEntry> Rows => _rows;

    /// <summary>The recorded metrics by eval method id (empty for version 1 files).</summary>
    public IReadOnlyDictionary<string, BaselineMethod> Methods => _methods;

    /// <summary>A baseline with no rows (used when the baseline is ignored).</summary>
    public static Baseline Empty(string path) =>
        new(path, new Dictionary<string, BaselineEntry>(StringComparer.Ordinal), new Dictionary<string, BaselineMethod>(StringComparer.Ordinal), version: 0);

    /// <summary>Loads the baseline, or an empty one when the file does not exist.</summary>
    /// <exception cref="EvalConfigurationException">The file exists but cannot be read.</exception>
    public static Baseline Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty(path);
        }

        try
        {
            ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
            if (bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }

            if (Persistence.JsonDuplicateKeys.Find(bytes) is { } duplicate)
            {
                // Two entries for one row are a bad merge (both sides of a conflict kept): reading one would pick a side unseen,
                // for example excusing as a known failure a row the other side records as passing.
                throw new EvalConfigurationException(
                    $"The baseline {path} cannot be read: \"{duplicate.Name}\" is given twice in {duplicate.ObjectPath} (lines {duplicate.FirstLine} and {duplicate.SecondLine}), as after a merge that kept both sides. Keep the right one and delete the other, or record the baseline again with EVALSPEC_BASELINE=update.");
            }

            BaselineFile file = JsonSerializer.Deserialize(bytes, Files.BaselineJson.Compact.BaselineFile)
                ?? throw new JsonException("the file is empty");
            int format = file.Format ?? file.Version ?? 0;
            if (format == 0)
            {
                throw new JsonException("it has no \"format\" number");
            }

            if (Persistence.CommittedFileFormats.Baseline.Problem(format) is { } problem)
            {
                // Not "delete it": the file is fine, this EvalSpec is too old for it.
                throw new EvalConfigurationException($"The baseline {path} cannot be read: {problem}.");
            }

            return new Baseline(
                path,
                new Dictionary<string, BaselineEntry>(file.Rows ?? new(), StringComparer.Ordinal),
                new Dictionary<string, BaselineMethod>(file.Methods ?? new(), StringComparer.Ordinal),
                format);
        }
        catch (JsonException ex)
        {
            throw new EvalConfigurationException(
                $"The baseline {path} cannot be read: {ex.Message}. Fix or delete it, then record it again with EVALSPEC_BASELINE=update or `evalspec baseline update`.",
                ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvalConfigurationException($"The baseline {path} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Fails early, before any row runs, when the baseline cannot be written at the end of the run.</summary>
    /// <exception cref="EvalConfigurationException">The folder cannot be created or written.</exception>
    public void EnsureWritable()
    {
        try
        {
            Persistence.AtomicFile.EnsureWritable(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvalConfigurationException($"The baseline {Path} cannot be written ({ex.Message}); choose another BaselineFile or fix the folder's permissions.", ex);
        }
    }

    public BaselineEntry? Find(string rowId) => _rows.TryGetValue(rowId, out BaselineEntry? entry) ? entry : null;

    /// <summary>
    /// Writes the baseline with this run's outcomes replacing the recorded ones and the rows found not applicable
    /// removed; rows this run did not reach are kept. Each method's counts and pass rate are recomputed from the
    /// rows; the multi-prompt and robustness metrics of methods this run touched are dropped (they cannot be
    /// recomputed from outcomes alone: record them with <c>evalspec baseline update</c>), those of other methods kept.
    /// </summary>
    /// <returns>The baseline as it was on disk just before this write (see <see cref="WriteMerged(IEnumerable{KeyValuePair{string, BaselineEntry}}, IEnumerable{string}, IReadOnlyDictionary{string, BaselineMethodMetrics}, bool)"/>).</returns>
    public Baseline WriteMerged(IEnumerable<KeyValuePair<string, BaselineEntry>> outcomes, IEnumerable<string> notApplicable)
    {
        KeyValuePair<string, BaselineEntry>[] updates = outcomes.ToArray();
        string[] removed = notApplicable.ToArray();
        var touched = new HashSet<string>(updates.Select(u => MethodOf(u.Key)).Concat(removed.Select(MethodOf)), StringComparer.Ordinal);
        return WriteMerged(updates, removed, touched.ToDictionary(m => m, _ => (BaselineMethodMetrics?)null, StringComparer.Ordinal), replaceAll: false);
    }

    /// <summary>
    /// Writes the baseline: <paramref name="outcomes"/> replace the recorded rows, <paramref name="removed"/> rows are
    /// dropped, and the methods in <paramref name="metrics"/> get those metrics (null: none). With
    /// <paramref name="replaceAll"/>, only <paramref name="outcomes"/> and the metrics given are kept.
    /// </summary>
    /// <remarks>
    /// The rows and metrics kept are those of the file as it is on disk when the write begins, not as this object loaded
    /// them: under the file's cross-process lock the file is read again, merged and replaced in one rename, so a run or an
    /// <c>evalspec baseline update</c> that wrote it in the meantime keeps its rows (no lost update).
    /// </remarks>
    /// <returns>The baseline as it was on disk just before this write (empty when there was no file).</returns>
    /// <exception cref="EvalConfigurationException">The file on disk cannot be read (see <see cref="Load"/>).</exception>
    public Baseline WriteMerged(
        IEnumerable<KeyValuePair<string, BaselineEntry>> outcomes,
        IEnumerable<string> removed,
        IReadOnlyDictionary<string, BaselineMethodMetrics?> metrics,
        bool replaceAll)
    {
        using IDisposable fileLock = Persistence.CrossProcessFileLock.Acquire(Path);
        Baseline current = Load(Path);
        var rows = new SortedDictionary<string, BaselineEntry>(replaceAll ? new Dictionary<string, BaselineEntry>() : current._rows, StringComparer.Ordinal);
        foreach (string rowId in removed)
        {
            // A person's verdict is curated: a row that stopped applying keeps it (unpin to drop it).
            if (rows.TryGetValue(rowId, out BaselineEntry? entry) && entry.Person is null)
            {
                rows.Remove(rowId);
            }
        }

        if (replaceAll)
        {
            // Replacing drops the rows this run did not have, but never a person's verdict.
            foreach (KeyValuePair<string, BaselineEntry> pinned in current._rows.Where(r => r.Value.Person is not null))
            {
                rows[pinned.Key] = pinned.Value;
            }
        }

        foreach (KeyValuePair<string, BaselineEntry> outcome in outcomes)
        {
            // A run's outcome replaces the recorded one, but the person's verdict pinned for the row stays.
            rows[outcome.Key] = outcome.Value.Person is null && current.Find(outcome.Key)?.Person is { } person
                ? outcome.Value with { Person = person }
                : outcome.Value;
        }

        var methods = new SortedDictionary<string, BaselineMethod>(StringComparer.Ordinal);
        foreach (IGrouping<string, KeyValuePair<string, BaselineEntry>> method in rows.GroupBy(r => MethodOf(r.Key), StringComparer.Ordinal))
        {
            BaselineMethodMetrics? kept = metrics.TryGetValue(method.Key, out BaselineMethodMetrics? given)
                ? given
                : !replaceAll && current._methods.TryGetValue(method.Key, out BaselineMethod? recorded) ? new BaselineMethodMetrics(recorded.MultiPrompt, recorded.Robustness) : null;
            methods[method.Key] = BaselineMethod.FromRows(method.Select(r => r.Value).ToArray(), kept);
        }

        Write(rows, methods);
        return current;
    }

    /// <summary>
    /// Pins a person's verdict for each given row (creating an entry with the person's outcome for a row that has none),
    /// under the file's lock, reading the file as it is on disk now.
    /// </summary>
    /// <param name="pins">Row id and verdict.</param>
    /// <param name="replace">Replace a different verdict already pinned for a row; without it such a row is refused and nothing is written.</param>
    /// <returns>The rows newly pinned or changed, and those already pinned the same way.</returns>
    /// <exception cref="EvalConfigurationException">A row already has another verdict pinned (without <paramref name="replace"/>), or the file cannot be read.</exception>
    public (IReadOnlyList<string> Pinned, IReadOnlyList<string> Unchanged) Pin(IReadOnlyList<KeyValuePair<string, PersonVerdict>> pins, bool replace)
    {
        using IDisposable fileLock = Persistence.CrossProcessFileLock.Acquire(Path);
        Baseline current = Load(Path);
        var rows = new SortedDictionary<string, BaselineEntry>(current._rows, StringComparer.Ordinal);
        var pinned = new List<string>();
        var unchanged = new List<string>();
        foreach ((string rowId, PersonVerdict person) in pins)
        {
            if (person.Outcome is not VerdictOutcome outcome)
            {
                throw new EvalConfigurationException($"A person's verdict for {rowId} must be pass or fail, not '{person.Label}'.");
            }

            BaselineEntry? entry = current.Find(rowId);
            if (entry?.Person is { } existing)
            {
                if (existing with { By = null, On = null } == person with { By = null, On = null })
                {
                    unchanged.Add(rowId);
                    continue;
                }

                if (!replace)
                {
                    throw new EvalConfigurationException(
                        $"{Path} already pins {existing.Label} ({existing.Attribution}) for {rowId} on output {existing.Output}; the new verdict is {person.Label} ({person.Attribution}) on output {person.Output}. Nothing was written: pass --replace to replace it, or remove that label.");
                }
            }

            rows[rowId] = (entry ?? new BaselineEntry(outcome, "decided by a person")) with { Person = person };
            pinned.Add(rowId);
        }

        if (pinned.Count > 0)
        {
            Write(rows, current.MethodsFor(rows));
        }

        return (pinned, unchanged);
    }

    /// <summary>Removes the person's verdict pinned for each given row (the rows' outcomes stay as recorded).</summary>
    /// <param name="rowIds">The rows; null for every pinned row.</param>
    /// <returns>The rows unpinned.</returns>
    public IReadOnlyList<string> Unpin(IReadOnlyCollection<string>? rowIds)
    {
        using IDisposable fileLock = Persistence.CrossProcessFileLock.Acquire(Path);
        Baseline current = Load(Path);
        var rows = new SortedDictionary<string, BaselineEntry>(current._rows, StringComparer.Ordinal);
        string[] unpinned = rows.Where(r => r.Value.Person is not null && (rowIds is null || rowIds.Contains(r.Key, StringComparer.Ordinal))).Select(r => r.Key).ToArray();
        foreach (string rowId in unpinned)
        {
            rows[rowId] = rows[rowId] with { Person = null };
        }

        if (unpinned.Length > 0)
        {
            Write(rows, current.MethodsFor(rows));
        }

        return unpinned;
    }

    /// <summary>Each method's counts recomputed from <paramref name="rows"/>, its recorded run metrics kept.</summary>
    private SortedDictionary<string, BaselineMethod> MethodsFor(IReadOnlyDictionary<string, BaselineEntry> rows)
    {
        var methods = new SortedDictionary<string, BaselineMethod>(StringComparer.Ordinal);
        foreach (IGrouping<string, KeyValuePair<string, BaselineEntry>> method in rows.GroupBy(r => MethodOf(r.Key), StringComparer.Ordinal))
        {
            BaselineMethodMetrics? kept = _methods.TryGetValue(method.Key, out BaselineMethod? recorded) ? new BaselineMethodMetrics(recorded.MultiPrompt, recorded.Robustness) : null;
            methods[method.Key] = BaselineMethod.FromRows(method.Select(r => r.Value).ToArray(), kept);
        }

        return methods;
    }

    /// <summary>Writes the file in one rename; format 4 only when a row has a person's verdict pinned.</summary>
    private void Write(IDictionary<string, BaselineEntry> rows, IDictionary<string, BaselineMethod> methods)
    {
        int format = rows.Values.Any(r => r.Person is not null) ? PinnedVersion : CurrentVersion;
        var file = new BaselineFile { Format = format, Methods = new(methods, StringComparer.Ordinal), Rows = new(rows, StringComparer.Ordinal) };
        string json = SecretRedactor.Default.Redact(JsonSerializer.Serialize(file, Files.BaselineJson.Indented.BaselineFile).Replace("\r\n", "\n", StringComparison.Ordinal)) + "\n";
        Persistence.AtomicFile.Write(Path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json));
    }

    public static BaselineEntry Entry(VerdictOutcome outcome, string? reason, string? failureKind) => Entry(outcome, reason, failureKind, score: null);

    /// <summary>A row's entry; <paramref name="score"/> is the row score in [0, 1] (see <c>RunRow.Score</c>), rounded to four decimals.</summary>
    public static BaselineEntry Entry(VerdictOutcome outcome, string? reason, string? failureKind, double? score) => Entry(outcome, reason, failureKind, score, evidence: null);

    /// <summary>
    /// A row's entry; for a failure, <paramref name="failureKind"/> and <paramref name="evidence"/> say which failure a
    /// later run must repeat to be excused as known (an entry without them excuses nothing).
    /// </summary>
    public static BaselineEntry Entry(VerdictOutcome outcome, string? reason, string? failureKind, double? score, Gate.FailureEvidence? evidence) =>
        new(outcome, outcome == VerdictOutcome.Pass || reason is null ? null : reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "...")
        {
            Kind = outcome == VerdictOutcome.Fail ? failureKind : null,
            Evidence = outcome == VerdictOutcome.Fail ? evidence?.Excerpt : null,
            EvidenceHash = outcome == VerdictOutcome.Fail ? evidence?.Hash : null,
            Score = score is double s ? Math.Round(Math.Clamp(s, 0, 1), 4) : null,
        };

    /// <summary>The eval method id of a row id (<c>Namespace.Class.Method/case/variant/relation</c>).</summary>
    public static string MethodOf(string rowId) => Reports.RowNames.MethodOf(rowId);

    internal sealed class BaselineFile
    {
        /// <summary>The format number (see <see cref="Persistence.CommittedFileFormats.Baseline"/>).</summary>
        public int? Format { get; set; }

        /// <summary>The format number in files written before it was renamed <c>format</c>; read, never written.</summary>
        public int? Version { get; set; }

        public Dictionary<string, BaselineMethod>? Methods { get; set; }

        public Dictionary<string, BaselineEntry>? Rows { get; set; }
    }
}

/// <summary>A row's recorded outcome, score and, for a failure, why.</summary>
internal sealed record BaselineEntry(
    [property: JsonPropertyName("outcome")] VerdictOutcome Outcome,
    [property: JsonPropertyName("reason")] string? Reason)
{
    /// <summary>
    /// How a failing row failed (which checks failed, a timeout, an exception type, a trial rule): a known failure
    /// excuses only the same kind of failure, never a new crash or timeout of the row.
    /// </summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>
    /// What the failure showed, for a person: the start of the normalised output (or, without one, the reason); see
    /// <see cref="Gate.FailureEvidence"/>. Null before format 3.
    /// </summary>
    [JsonPropertyName("evidence")]
    public string? Evidence { get; init; }

    /// <summary>
    /// The hash of the whole normalised evidence (<see cref="Gate.FailureEvidence.Hash"/>): a later failure is the same
    /// (a known failure) only with the same <see cref="Kind"/> and this hash. Null before format 3: such an entry excuses nothing.
    /// </summary>
    [JsonPropertyName("evidenceHash")]
    public string? EvidenceHash { get; init; }

    /// <summary>The row score in [0, 1] (null in version 1 files and for rows without one).</summary>
    [JsonPropertyName("score")]
    public double? Score { get; init; }

    /// <summary>
    /// A person's verdict pinned for the row (format 4): it replaces the rubric judges' verdict while the row's output is
    /// the one the person judged. Kept by every update until unpinned.
    /// </summary>
    [JsonPropertyName("person")]
    public PersonVerdict? Person { get; init; }
}

/// <summary>One eval method in the baseline: counts and pass rate over its recorded rows, and its run metrics.</summary>
internal sealed class BaselineMethod
{
    /// <summary>Recorded (judged) rows: not-applicable relation rows are never recorded.</summary>
    [JsonPropertyName("rows")]
    public int Rows { get; init; }

    [JsonPropertyName("pass")]
    public int Pass { get; init; }

    [JsonPropertyName("fail")]
    public int Fail { get; init; }

    [JsonPropertyName("inconclusive")]
    public int Inconclusive { get; init; }

    /// <summary>Pass / rows: an inconclusive row counts as not passing.</summary>
    [JsonPropertyName("passRate")]
    public double? PassRate { get; init; }

    [JsonPropertyName("multiPrompt")]
    public BaselineMultiPrompt? MultiPrompt { get; init; }

    [JsonPropertyName("robustness")]
    public BaselineRobustness? Robustness { get; init; }

    internal static BaselineMethod FromRows(IReadOnlyCollection<BaselineEntry> rows, BaselineMethodMetrics? metrics)
    {
        int pass = rows.Count(r => r.Outcome == VerdictOutcome.Pass);
        return new BaselineMethod
        {
            Rows = rows.Count,
            Pass = pass,
            Fail = rows.Count(r => r.Outcome == VerdictOutcome.Fail),
            Inconclusive = rows.Count(r => r.Outcome == VerdictOutcome.Inconclusive),
            PassRate = rows.Count == 0 ? null : Math.Round((double)pass / rows.Count, 4),
            MultiPrompt = metrics?.MultiPrompt,
            Robustness = metrics?.Robustness,
        };
    }
}

/// <summary>A method's multi-prompt metrics as recorded (Mizrahi et al. 2024): best and mean variant pass rate, and CPS.</summary>
internal sealed record BaselineMultiPrompt(
    [property: JsonPropertyName("maxP")] double? MaxP,
    [property: JsonPropertyName("avgP")] double? AvgP,
    [property: JsonPropertyName("cps")] double? Cps);

/// <summary>A method's robustness as recorded: attack success rate over its judged relation rows, and the METAL-weighted rate.</summary>
internal sealed record BaselineRobustness(
    [property: JsonPropertyName("attackSuccessRate")] double? AttackSuccessRate,
    [property: JsonPropertyName("weightedAttackSuccessRate")] double? WeightedAttackSuccessRate);

/// <summary>The metrics of a method that come from a run rather than from its rows.</summary>
internal sealed record BaselineMethodMetrics(BaselineMultiPrompt? MultiPrompt, BaselineRobustness? Robustness);
