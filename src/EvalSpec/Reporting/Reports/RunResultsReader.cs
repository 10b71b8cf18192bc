using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvalSpec.Judging;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Reads a run's <c>results.jsonl</c> (one JSON object per line, written by the runtime's ResultsWriter). Only the
/// fields the reports, the baseline and the gate use are read; a missing optional field takes its default. A
/// malformed line is a <see cref="RunDataException"/> naming the file and the line.
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

            string rowId = RequiredString(row, "rowId", path, line);
            string outcome = RequiredString(row, "outcome", path, line);
            bool notApplicable = outcome == NotApplicable || OptionalBool(row, "applicable", path, line) == false;
            string? hash = OptionalString(row, "failureEvidenceHash", path, line);
            string[] parts = rowId.Split('/');
            string methodId = parts[0];
            int dot = methodId.LastIndexOf('.');
            return new RunRow
            {
                RowId = rowId,
                Suite = OptionalString(row, "suite", path, line) ?? (dot < 0 ? string.Empty : methodId[..dot]),
                Method = OptionalString(row, "method", path, line) ?? methodId[(dot + 1)..],
                Case = OptionalString(row, "case", path, line) ?? Part(parts, 1),
                Variant = OptionalString(row, "variant", path, line) ?? Part(parts, 2),
                Relation = OptionalString(row, "relation", path, line) ?? Part(parts, 3, RunRow.IdentityRelation),
                RelationKind = OptionalString(row, "relationKind", path, line),
                Outcome = outcome == NotApplicable ? VerdictOutcome.Inconclusive : Outcome(outcome, path, line, "outcome"),
                Applicable = !notApplicable,
                KnownFailure = OptionalBool(row, "knownFailure", path, line) ?? false,
                RecordedOutcome = OptionalString(row, "baseline", path, line),
                Reason = OptionalString(row, "reason", path, line),
                Checks = ReadChecks(row, path, line),
                Trials = ReadTrials(row, path, line),
                InputSimilarity = OptionalNumber(row, "inputSimilarity", path, line),
                RecordedFailureKind = OptionalString(row, "failureKind", path, line),
                RecordedEvidence = hash is null ? null : new Gate.FailureEvidence(OptionalString(row, "failureEvidence", path, line) ?? string.Empty, hash),
                OutputText = Gate.FailureEvidence.TextOf(OptionalElement(row, "output")),
                SourceOutputText = Gate.FailureEvidence.TextOf(OptionalElement(row, "sourceOutput")),
                TrialEvidence = ReadTrialEvidence(row, path, line),
                OutcomeWithoutSnapshot = OptionalString(row, "outcomeWithoutSnapshot", path, line) is { } before ? Outcome(before, path, line, "outcomeWithoutSnapshot") : null,
                Details = RunRowDetails.Read(row),
                Trajectory = RowTrajectory.Read(row),
                Line = line,
            };
        }
    }

    private static string Part(string[] parts, int index, string fallback = "") => parts.Length > index ? parts[index] : fallback;

    private static IReadOnlyList<RunCheck> ReadChecks(JsonElement row, string path, int line)
    {
        if (!row.TryGetProperty("checks", out JsonElement checks) || checks.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<RunCheck>();
        }

        if (checks.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(path, line, "\"checks\" must be an array");
        }

        var result = new List<RunCheck>();
        foreach (JsonElement check in checks.EnumerateArray())
        {
            if (check.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, line, "each of \"checks\" must be an object");
            }

            var verdicts = new List<RunVerdict>();
            if (check.TryGetProperty("verdicts", out JsonElement array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement v in array.EnumerateArray())
                {
                    verdicts.Add(new RunVerdict(
                        OptionalString(v, "judge", path, line) ?? "(unnamed judge)",
                        Outcome(OptionalString(v, "outcome", path, line) ?? "inconclusive", path, line, "checks[].verdicts[].outcome"),
                        OptionalNumber(v, "score", path, line),
                        OptionalBool(v, "errored", path, line) ?? false,
                        (int)(OptionalNumber(v, "modelCalls", path, line) ?? 0),
                        OptionalString(v, "model", path, line),
                        (long)(OptionalNumber(v, "inputTokens", path, line) ?? 0),
                        (long)(OptionalNumber(v, "outputTokens", path, line) ?? 0)));
                }
            }

            result.Add(new RunCheck(
                OptionalString(check, "name", path, line) ?? "(unnamed check)",
                Outcome(OptionalString(check, "outcome", path, line) ?? "inconclusive", path, line, "checks[].outcome"),
                OptionalNumber(check, "score", path, line),
                OptionalString(check, "rationale", path, line) ?? string.Empty,
                verdicts));
        }

        return result;
    }

    private static IReadOnlyList<VerdictOutcome>? ReadTrials(JsonElement row, string path, int line)
    {
        if (!row.TryGetProperty("trials", out JsonElement trials) || trials.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (trials.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(path, line, "\"trials\" must be an array");
        }

        return trials.EnumerateArray()
            .Select(t => Outcome(t.ValueKind == JsonValueKind.Object ? OptionalString(t, "outcome", path, line) ?? "inconclusive" : "inconclusive", path, line, "trials[].outcome"))
            .ToArray();
    }

    private static IReadOnlyList<Gate.FailureEvidence.Trial>? ReadTrialEvidence(JsonElement row, string path, int line)
    {
        if (!row.TryGetProperty("trials", out JsonElement trials) || trials.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return trials.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object)
            .Select(t => new Gate.FailureEvidence.Trial(
                Outcome(OptionalString(t, "outcome", path, line) ?? "inconclusive", path, line, "trials[].outcome"),
                Gate.FailureEvidence.TextOf(OptionalElement(t, "output")) ?? OptionalString(t, "reason", path, line)))
            .ToArray();
    }

    private static JsonElement? OptionalElement(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static VerdictOutcome Outcome(string value, string path, int line, string property) => value switch
    {
        "pass" => VerdictOutcome.Pass,
        "fail" => VerdictOutcome.Fail,
        "inconclusive" => VerdictOutcome.Inconclusive,
        _ => throw Malformed(path, line, property == "outcome"
            ? $"\"outcome\" must be pass, fail, inconclusive or not-applicable (found \"{value}\")"
            : $"\"{property}\" must be pass, fail or inconclusive (found \"{value}\")"),
    };

    private static string RequiredString(JsonElement element, string property, string path, int line) =>
        OptionalString(element, property, path, line) ?? throw Malformed(path, line, $"\"{property}\" is missing");

    private static string? OptionalString(JsonElement element, string property, string path, int line) =>
        !element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Malformed(path, line, $"\"{property}\" must be a string");

    private static bool? OptionalBool(JsonElement element, string property, string path, int line) =>
        !element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Malformed(path, line, $"\"{property}\" must be true or false"),
            };

    private static double? OptionalNumber(JsonElement element, string property, string path, int line) =>
        !element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number)
                ? number
                : throw Malformed(path, line, $"\"{property}\" must be a number (found {value.GetRawText()})");

    private static RunDataException Malformed(string path, int line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}, line {line}: {problem}. The file should be as an EvalSpec run writes it."));
}
