using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Reporting.Files;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Reads a run's <c>results.jsonl</c> (one JSON object per line, written by the runtime's ResultsWriter) through the
/// same record (<see cref="RowResult"/>) the runtime writes, every field optional; a missing optional field takes its
/// default. A malformed line, or one of a newer format, is a <see cref="RunDataException"/> naming the file and the line.
/// </summary>
/// <remarks>
/// A row whose relation did not apply has the outcome <c>not-applicable</c>; files written before that outcome existed
/// say <c>"outcome": "inconclusive"</c> with <c>"applicable": false</c>, and are read the same way.
/// </remarks>
internal static class RunResultsReader
{
    public const string FileName = "results.jsonl";

    /// <summary>The outcome of a row whose relation did not change the input (it was not judged).</summary>
    public const string NotApplicable = "not-applicable";

    public static IReadOnlyList<RunRow> Read(string path)
    {
        var lines = new List<string>();
        try
        {
            // Shared for writing: the runtime may still hold results.jsonl open when it writes the reports at the end of a run.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunDataException($"{path} cannot be read: {ex.Message}", ex);
        }

        // The last row of a run wins if a row id repeats, as in the runtime's own bookkeeping.
        var rows = new Dictionary<string, RunRow>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            RunRow row = ReadLine(path, i + 1, lines[i]);
            rows[row.RowId] = row;
        }

        return rows.Values.OrderBy(r => r.RowId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Reads the file of a run that may have been interrupted while writing it (a crash, a killed process): a last line that
    /// is not a complete row is torn, left out and counted in <paramref name="tornLines"/>; any other malformed line is a
    /// <see cref="RunDataException"/> as in <see cref="Read"/>. Returns each row with its line as written.
    /// </summary>
    public static IReadOnlyList<(RunRow Row, string Text)> ReadInterrupted(string path, out int tornLines)
    {
        string[] lines;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines = reader.ReadToEnd().Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunDataException($"{path} cannot be read: {ex.Message}", ex);
        }

        int last = Array.FindLastIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        tornLines = 0;
        var rows = new Dictionary<string, (RunRow, string)>(StringComparer.Ordinal);
        for (int i = 0; i <= last; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            RunRow row;
            try
            {
                row = ReadLine(path, i + 1, lines[i]);
            }
            catch (RunDataException) when (i == last)
            {
                // The row being written when the process ended: it has no outcome, and runs again.
                tornLines = 1;
                continue;
            }

            rows[row.RowId] = (row, lines[i].TrimEnd('\r'));
        }

        return rows.Values.OrderBy(r => r.Item1.RowId, StringComparer.Ordinal).ToArray();
    }

    private static RunRow ReadLine(string path, int line, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new RunDataException($"{path}, line {line}: not valid JSON ({ex.Message}). Was the run interrupted while writing? Run the tests again.", ex);
        }

        using (document)
        {
            JsonElement row = document.RootElement;
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, line, "the line is not a JSON object");
            }

            // The fields that decide something come through the record set the runtime writes (RowResult); the
            // transcript's fields (RunRowDetails) and the trajectory are read leniently from the same line.
            RowResult result;
            try
            {
                result = row.Deserialize(RunFilesJson.LenientRowResult)!;
            }
            catch (JsonException ex)
            {
                throw Malformed(path, line, $"{Where(ex.Path)} has the wrong type ({ex.Message})");
            }

            if (result.Format is int format && RunFileFormats.Results.Problem(format) is { } problem)
            {
                throw new RunDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {line} cannot be read: {problem}."));
            }

            string rowId = result.RowId ?? throw Malformed(path, line, "\"rowId\" is missing");
            string outcome = result.Outcome ?? throw Malformed(path, line, "\"outcome\" is missing");
            bool notApplicable = outcome == NotApplicable || result.Applicable == false;
            string[] parts = rowId.Split('/');
            string methodId = parts[0];
            int dot = methodId.LastIndexOf('.');
            return new RunRow
            {
                RowId = rowId,
                Suite = result.Suite ?? (dot < 0 ? string.Empty : methodId[..dot]),
                Method = result.Method ?? methodId[(dot + 1)..],
                Case = result.Case ?? Part(parts, 1),
                Variant = result.Variant ?? Part(parts, 2),
                Relation = result.Relation ?? Part(parts, 3, RunRow.IdentityRelation),
                RelationKind = result.RelationKind,
                Outcome = outcome == NotApplicable ? VerdictOutcome.Inconclusive : Outcome(outcome, path, line, "outcome"),
                Applicable = !notApplicable,
                KnownFailure = result.KnownFailure ?? false,
                RecordedOutcome = result.Baseline,
                Reason = result.Reason,
                Checks = ReadChecks(result, path, line),
                Trials = result.Trials?.Select(t => Outcome(t?.Outcome ?? "inconclusive", path, line, "trials[].outcome")).ToArray(),
                InputSimilarity = result.InputSimilarity,
                RecordedFailureKind = result.FailureKind,
                RecordedEvidence = result.FailureEvidenceHash is { } hash ? new Gate.FailureEvidence(result.FailureEvidence ?? string.Empty, hash) : null,
                OutputText = Gate.FailureEvidence.TextOf(NonNull(result.Output)),
                SourceOutputText = Gate.FailureEvidence.TextOf(NonNull(result.SourceOutput)),
                TrialEvidence = result.Trials?.Where(t => t is not null).Select(t => new Gate.FailureEvidence.Trial(
                    Outcome(t.Outcome ?? "inconclusive", path, line, "trials[].outcome"),
                    Gate.FailureEvidence.TextOf(NonNull(t.Output)) ?? t.Reason)).ToArray(),
                OutcomeWithoutSnapshot = result.OutcomeWithoutSnapshot is { } before ? Outcome(before, path, line, "outcomeWithoutSnapshot") : null,
                Details = RunRowDetails.Read(row),
                Trajectory = RowTrajectory.Read(row),
                Line = line,
                Shard = result.Shard,
                SaysShard = result.Shard is not null || result.EvalMethodCalls is not null,
            };
        }
    }

    /// <summary>A JSON path of System.Text.Json (<c>$.checks[0].score</c>) as this reader's messages name fields (<c>"checks[0].score"</c>).</summary>
    private static string Where(string? jsonPath) =>
        "\"" + (jsonPath is { Length: > 2 } && jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath ?? "$") + "\"";

    /// <summary>A JSON null read into a <see cref="JsonElement"/>? is a value of kind Null: the same as no value here.</summary>
    private static JsonElement? NonNull(JsonElement? value) => value is { ValueKind: not JsonValueKind.Null } element ? element : null;

    private static string Part(string[] parts, int index, string fallback = "") => parts.Length > index ? parts[index] : fallback;

    private static IReadOnlyList<RunCheck> ReadChecks(RowResult row, string path, int line) =>
        (row.Checks ?? Array.Empty<CheckResult>())
            .Select(check => check ?? throw Malformed(path, line, "each of \"checks\" must be an object"))
            .Select(check => new RunCheck(
                check.Name ?? "(unnamed check)",
                Outcome(check.Outcome ?? "inconclusive", path, line, "checks[].outcome"),
                check.Score,
                check.Rationale ?? string.Empty,
                (check.Verdicts ?? Array.Empty<VerdictResult>()).Where(v => v is not null).Select(v => new RunVerdict(
                    v.Judge ?? "(unnamed judge)",
                    Outcome(v.Outcome ?? "inconclusive", path, line, "checks[].verdicts[].outcome"),
                    v.Score,
                    v.Errored ?? false,
                    v.ModelCalls ?? 0,
                    v.Model,
                    v.InputTokens ?? 0,
                    v.OutputTokens ?? 0)).ToArray()))
            .ToArray();

    private static VerdictOutcome Outcome(string value, string path, int line, string property) => value switch
    {
        "pass" => VerdictOutcome.Pass,
        "fail" => VerdictOutcome.Fail,
        "inconclusive" => VerdictOutcome.Inconclusive,
        _ => throw Malformed(path, line, property == "outcome"
            ? $"\"outcome\" must be pass, fail, inconclusive or not-applicable (found \"{value}\")"
            : $"\"{property}\" must be pass, fail or inconclusive (found \"{value}\")"),
    };

    private static RunDataException Malformed(string path, int line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}, line {line}: {problem}. The file should be as an EvalSpec run writes it."));
}
