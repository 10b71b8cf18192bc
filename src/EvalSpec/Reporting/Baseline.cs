using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvalSpec.Judging;

namespace EvalSpec.Reporting;

/// <summary>
/// The committed record of each row's outcome (<c>evalspec.baseline.json</c> in the test project), keyed by
/// stable row ids. A row that fails and is recorded as failing is a known failure, not a regression.
/// </summary>
internal sealed class Baseline
{
    public const string FileName = "evalspec.baseline.json";
    private const int CurrentVersion = 1;
    private const int MaxReasonLength = 300;

    private readonly Dictionary<string, BaselineEntry> _rows;

    private Baseline(string path, Dictionary<string, BaselineEntry> rows, bool exists)
    {
        Path = path;
        _rows = rows;
        Exists = exists;
    }

    public string Path { get; }

    public bool Exists { get; }

    /// <summary>A baseline with no rows (used when the baseline is ignored).</summary>
    public static Baseline Empty(string path) => new(path, new Dictionary<string, BaselineEntry>(StringComparer.Ordinal), exists: false);

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
            BaselineFile file = JsonSerializer.Deserialize<BaselineFile>(File.ReadAllText(path), ResultsJson.Options)
                ?? throw new JsonException("the file is empty");
            if (file.Version != CurrentVersion)
            {
                throw new JsonException($"version {file.Version} is not supported (expected {CurrentVersion})");
            }

            return new Baseline(path, new Dictionary<string, BaselineEntry>(file.Rows ?? new(), StringComparer.Ordinal), exists: true);
        }
        catch (JsonException ex)
        {
            throw new EvalConfigurationException($"The baseline {path} cannot be read: {ex.Message}. Fix or delete it, then record it again with EVALSPEC_BASELINE=update.", ex);
        }
    }

    /// <summary>Fails early, before any row runs, when the baseline cannot be written at the end of the run.</summary>
    /// <exception cref="EvalConfigurationException">The folder cannot be created or written.</exception>
    public void EnsureWritable()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            string probe = Path + ".probe";
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvalConfigurationException($"The baseline {Path} cannot be written ({ex.Message}); choose another BaselineFile or fix the folder's permissions.", ex);
        }
    }

    public BaselineEntry? Find(string rowId) => _rows.TryGetValue(rowId, out BaselineEntry? entry) ? entry : null;

    /// <summary>
    /// Writes the baseline with this run's outcomes replacing the recorded ones and the rows found not applicable
    /// removed; rows this run did not reach are kept.
    /// </summary>
    public void WriteMerged(IEnumerable<KeyValuePair<string, BaselineEntry>> outcomes, IEnumerable<string> notApplicable)
    {
        var merged = new SortedDictionary<string, BaselineEntry>(_rows, StringComparer.Ordinal);
        foreach (string rowId in notApplicable)
        {
            merged.Remove(rowId);
        }

        foreach (KeyValuePair<string, BaselineEntry> outcome in outcomes)
        {
            merged[outcome.Key] = outcome.Value;
        }

        var file = new BaselineFile { Version = CurrentVersion, Rows = new Dictionary<string, BaselineEntry>(merged, StringComparer.Ordinal) };
        string json = JsonSerializer.Serialize(file, ResultsJson.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        string temporary = Path + ".tmp";
        File.WriteAllText(temporary, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, Path, overwrite: true);
    }

    public static BaselineEntry Entry(VerdictOutcome outcome, string? reason, string? failureKind) =>
        new(outcome, outcome == VerdictOutcome.Pass || reason is null ? null : reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "...")
        {
            Kind = outcome == VerdictOutcome.Fail ? failureKind : null,
        };

    private sealed class BaselineFile
    {
        public int Version { get; set; }

        public Dictionary<string, BaselineEntry>? Rows { get; set; }
    }
}

/// <summary>A row's recorded outcome and, for a failure, why.</summary>
internal sealed record BaselineEntry(
    [property: JsonPropertyName("outcome")] VerdictOutcome Outcome,
    [property: JsonPropertyName("reason")] string? Reason)
{
    /// <summary>
    /// How a failing row failed (which checks failed, a timeout, an exception type): a known failure excuses
    /// only the same kind of failure, never a new crash or timeout of the row.
    /// </summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }
}
