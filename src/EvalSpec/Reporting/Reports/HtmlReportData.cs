using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// The rows of a run as <c>report.html</c> embeds them for its row explorer, matrix and baseline diff: an index (one
/// column per field the table, the filters and the matrix need) read when the page opens, and the transcripts (prompts,
/// outputs, judges' reasons and raw answers) read when a row is first opened or searched. Text is pooled (each distinct
/// string written once, referred to by its position), so a prompt or source output shared by many relation rows costs
/// its length once.
/// </summary>
/// <remarks>
/// Both are JSON written with the default encoder, which escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes, so
/// no text (a model output holding <c>&lt;/script&gt;</c>) can end the script element that holds it. The page's script
/// only ever puts this text into the page as text nodes.
/// </remarks>
internal static class HtmlReportData
{
    /// <summary>Longer texts (an output, a judge's raw answer) are cut to this many characters, with a note saying where the whole text is.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The index's reason column is cut to this many characters: the table shows one line.</summary>
    private const int ReasonLength = 240;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>Outcome codes of the index: pass, fail, inconclusive, not applicable.</summary>
    public static int OutcomeCode(RunRow row) => !row.IsJudged ? 3 : OutcomeCode(row.Outcome);

    private static int OutcomeCode(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => 0,
        VerdictOutcome.Fail => 1,
        _ => 2,
    };

    private static int OutcomeCode(string outcome) => outcome switch
    {
        "pass" => 0,
        "fail" => 1,
        "not-applicable" => 3,
        _ => 2,
    };

    /// <summary>The index: <c>{ s: [strings], n: rows, id, m, c, v, r, k, o, kf, ch, sc, ms, cost, tok, rs, j, ln }</c>, each a column of <c>n</c> values.</summary>
    public static string Index(RunReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        IReadOnlyList<RunRow> rows = report.Run.Rows;
        var pool = new StringPool();
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("n", rows.Count);
            Column(json, "id", rows, r => json.WriteNumberValue(pool.Add(r.RowId)));
            Column(json, "m", rows, r => json.WriteNumberValue(pool.Add(r.MethodId)));
            Column(json, "c", rows, r => json.WriteNumberValue(pool.Add(r.Case)));
            Column(json, "v", rows, r => json.WriteNumberValue(pool.Add(r.Variant)));
            Column(json, "r", rows, r => json.WriteNumberValue(pool.Add(r.Relation)));
            Column(json, "k", rows, r => json.WriteNumberValue(r.RelationKind is null ? -1 : pool.Add(r.RelationKind)));
            Column(json, "o", rows, r => json.WriteNumberValue(OutcomeCode(r)));
            Column(json, "kf", rows, r => json.WriteNumberValue(r.IsJudged && r.KnownFailure ? 1 : 0));
            Column(json, "ch", rows, r => json.WriteNumberValue((int)report.Changes.GetValueOrDefault(r.RowId)));
            Column(json, "sc", rows, r => Number(json, r.Score, 4));
            Column(json, "ms", rows, r => Number(json, r.Details?.LatencyMs, 1));
            Column(json, "cost", rows, r => Number(json, RowCost(report.Prices, r), 8));
            Column(json, "tok", rows, r => json.WriteNumberValue(r.Checks.SelectMany(c => c.Verdicts).Sum(v => v.InputTokens + v.OutputTokens)));
            Column(json, "rs", rows, r => json.WriteNumberValue(Reason(r) is { } reason ? pool.Add(Cut(reason, ReasonLength)) : -1));
            Column(json, "ln", rows, r => json.WriteNumberValue(r.Line));

            // Per row, each judge's verdict as judge * 4 + (0 pass, 1 fail, 2 inconclusive, 3 errored): the judge filter.
            json.WriteStartArray("j");
            foreach (RunRow row in rows)
            {
                json.WriteStartArray();
                foreach (RunVerdict verdict in row.Checks.SelectMany(c => c.Verdicts))
                {
                    json.WriteNumberValue((pool.Add(verdict.Judge) * 4) + (verdict.Errored ? 3 : OutcomeCode(verdict.Outcome)));
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            pool.Write(json, "s");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The transcripts: <c>{ s: [strings], rows: [ { ... } ] }</c>, in the order of the index.</summary>
    public static string Transcripts(RunReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var pool = new StringPool();
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("rows");
            foreach (RunRow row in report.Run.Rows)
            {
                Transcript(json, pool, report, row);
            }

            json.WriteEndArray();
            pool.Write(json, "s");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Transcript(Utf8JsonWriter json, StringPool pool, RunReportModel report, RunRow row)
    {
        RunRowDetails details = row.Details ?? new RunRowDetails();
        string where = string.Create(CultureInfo.InvariantCulture, $"results.jsonl, line {row.Line}");
        void Text(string name, string? value)
        {
            if (value is not null)
            {
                json.WriteNumber(name, pool.Add(Cut(value, MaxTextLength, where)));
            }
        }

        void Pairs(string name, IReadOnlyList<KeyValuePair<string, string>>? pairs)
        {
            if (pairs is null || pairs.Count == 0)
            {
                return;
            }

            json.WriteStartArray(name);
            foreach (KeyValuePair<string, string> pair in pairs)
            {
                json.WriteStartArray();
                json.WriteNumberValue(pool.Add(pair.Key));
                json.WriteNumberValue(pool.Add(Cut(pair.Value, MaxTextLength, where)));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject();
        Text("p", details.Prompt);
        Text("fp", details.FollowUpPrompt);
        Text("ex", details.Expected);
        Pairs("in", details.Inputs);
        Pairs("fin", details.FollowUpInputs);
        Text("out", details.Output);
        if (details.OutputIsJson)
        {
            json.WriteBoolean("oj", true);
        }

        Text("so", details.SourceOutput);
        Pairs("rn", details.RelationNotes);
        if (row.InputSimilarity is double similarity)
        {
            json.WriteNumber("sim", Math.Round(similarity, 4));
        }

        Text("rs", row.Reason);
        if (details.Notes.Count > 0)
        {
            json.WriteStartArray("notes");
            foreach (string note in details.Notes)
            {
                json.WriteNumberValue(pool.Add(Cut(note, MaxTextLength, where)));
            }

            json.WriteEndArray();
        }

        Optional(json, "lat", details.LatencyMs, 1);
        Optional(json, "slat", details.SourceLatencyMs, 1);
        Optional(json, "flat", details.FollowUpLatencyMs, 1);
        Text("at", details.StartedAt);
        if (row.OutcomeWithoutSnapshot is VerdictOutcome before)
        {
            json.WriteNumber("ows", OutcomeCode(before));
        }

        Checks(json, pool, report.Prices, details, where);
        if (details.Trials.Count > 0)
        {
            json.WriteStartArray("tr");
            foreach (RunRowDetails.TrialDetails trial in details.Trials)
            {
                json.WriteStartObject();
                json.WriteNumber("n", trial.Trial);
                json.WriteNumber("o", OutcomeCode(trial.Outcome));
                Text("rs", trial.Reason);
                Text("out", trial.Output);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (details.ModelCalls is { } calls)
        {
            json.WriteStartObject("mc");
            Text("mode", calls.Mode);
            json.WriteNumber("replayed", calls.Replayed);
            json.WriteNumber("recorded", calls.Recorded);
            json.WriteNumber("live", calls.Live);
            json.WriteNumber("failed", calls.Failed);
            if (calls.Missing > 0)
            {
                json.WriteNumber("missing", calls.Missing);
            }

            json.WriteEndObject();
        }

        if (details.ToolCalls.Count > 0)
        {
            json.WriteStartArray("tc");
            foreach (RunRowDetails.ToolCallDetails call in details.ToolCalls)
            {
                json.WriteStartObject();
                Text("name", call.Name);
                Text("id", call.CallId);
                Text("args", call.Arguments);
                Text("result", call.Result);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        Baseline(json, pool, report, row, where);
        json.WriteEndObject();
    }

    private static void Checks(Utf8JsonWriter json, StringPool pool, PriceTable? prices, RunRowDetails details, string where)
    {
        if (details.Checks.Count == 0)
        {
            return;
        }

        json.WriteStartArray("ck");
        foreach (RunRowDetails.CheckDetails check in details.Checks)
        {
            json.WriteStartObject();
            json.WriteNumber("name", pool.Add(check.Name));
            json.WriteNumber("o", OutcomeCode(check.Outcome));
            Optional(json, "sc", check.Score, 4);
            json.WriteNumber("ra", pool.Add(Cut(check.Rationale, MaxTextLength, where)));
            if (check.JudgesSkipped is int skipped)
            {
                json.WriteNumber("skipped", skipped);
            }

            json.WriteStartArray("v");
            foreach (RunRowDetails.VerdictDetails verdict in check.Verdicts)
            {
                json.WriteStartObject();
                json.WriteNumber("j", pool.Add(verdict.Judge));
                json.WriteNumber("o", verdict.Errored ? 3 : OutcomeCode(verdict.Outcome));
                Optional(json, "sc", verdict.Score, 4);
                json.WriteNumber("ra", pool.Add(Cut(verdict.Rationale, MaxTextLength, where)));
                if (verdict.RawOutput is not null)
                {
                    json.WriteNumber("raw", pool.Add(Cut(verdict.RawOutput, MaxTextLength, where)));
                }

                Optional(json, "ms", verdict.LatencyMs, 1);
                if (verdict.Model is not null)
                {
                    json.WriteNumber("model", pool.Add(verdict.Model));
                }

                if (verdict.ModelCalls > 0)
                {
                    json.WriteNumber("calls", verdict.ModelCalls);
                }

                if (verdict.InputTokens + verdict.OutputTokens > 0)
                {
                    json.WriteNumber("in", verdict.InputTokens);
                    json.WriteNumber("outTok", verdict.OutputTokens);
                    Optional(json, "cost", prices?.PriceOf(verdict.Judge, verdict.Model)?.Cost(verdict.InputTokens, verdict.OutputTokens), 8);
                }

                if (verdict.Pairwise is { } pairwise)
                {
                    json.WriteStartObject("pw");
                    json.WriteNumber("cf", pool.Add(pairwise.CandidateFirst));
                    json.WriteNumber("rf", pool.Add(pairwise.ReferenceFirst));
                    json.WriteBoolean("ok", pairwise.Consistent);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The row's failure now and, when the baseline records the row, what it records (and an earlier output with that outcome).</summary>
    private static void Baseline(Utf8JsonWriter json, StringPool pool, RunReportModel report, RunRow row, string where)
    {
        if (row.IsJudged && row.FailureEvidence is { } evidence)
        {
            json.WriteNumber("fk", pool.Add(row.FailureKind ?? string.Empty));
            json.WriteNumber("fe", pool.Add(evidence.Excerpt));
            json.WriteString("fh", evidence.Hash);
        }

        if (!row.IsJudged || RowChanges.Recorded(row, report.Baseline) is not { } entry)
        {
            return;
        }

        json.WriteStartObject("bl");
        json.WriteNumber("o", OutcomeCode(entry.Outcome));
        if (entry.Kind is not null)
        {
            json.WriteNumber("k", pool.Add(entry.Kind));
        }

        if (entry.Evidence is not null)
        {
            json.WriteNumber("e", pool.Add(entry.Evidence));
        }

        if (entry.EvidenceHash is not null)
        {
            json.WriteString("h", entry.EvidenceHash);
        }

        Optional(json, "sc", entry.Score, 4);
        if (entry.Reason is not null)
        {
            json.WriteNumber("rs", pool.Add(entry.Reason));
        }

        if (report.EarlierOutputs.TryGetValue(row.RowId, out EarlierOutput? earlier))
        {
            json.WriteStartObject("run");
            json.WriteNumber("id", pool.Add(earlier.RunId));
            if (earlier.Output is not null)
            {
                json.WriteNumber("out", pool.Add(Cut(earlier.Output, MaxTextLength, "results.jsonl of run " + earlier.RunId)));
            }

            if (earlier.SourceOutput is not null)
            {
                json.WriteNumber("so", pool.Add(Cut(earlier.SourceOutput, MaxTextLength, "results.jsonl of run " + earlier.RunId)));
            }

            json.WriteBoolean("same", earlier.SameEvidence);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The judge cost of a row from the price table, or null when it prices none of its verdicts.</summary>
    public static double? RowCost(PriceTable? prices, RunRow row)
    {
        if (prices is null)
        {
            return null;
        }

        double[] costs = row.Checks.SelectMany(c => c.Verdicts)
            .Where(v => v.InputTokens + v.OutputTokens > 0)
            .Select(v => prices.PriceOf(v.Judge, v.Model)?.Cost(v.InputTokens, v.OutputTokens))
            .OfType<double>()
            .ToArray();
        return costs.Length == 0 ? null : costs.Sum();
    }

    /// <summary>The one line the table shows: the baseline's reason (first check with the row's outcome), else the row's reason.</summary>
    private static string? Reason(RunRow row) => row.IsJudged ? row.BaselineReason ?? row.Reason : row.Reason;

    private static void Column(Utf8JsonWriter json, string name, IReadOnlyList<RunRow> rows, Action<RunRow> write)
    {
        json.WriteStartArray(name);
        foreach (RunRow row in rows)
        {
            write(row);
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, double? value, int digits)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumberValue(Math.Round(v, digits));
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void Optional(Utf8JsonWriter json, string name, double? value, int digits)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, digits));
        }
    }

    private static string Cut(string text, int length, string? where = null)
    {
        if (text.Length <= length)
        {
            return text;
        }

        // Redact the whole text before cutting it: a key cut in two would keep its first characters, too few (and, in
        // the page, followed by the JSON-escaped cut note rather than an ellipsis) for the page-wide redaction to know.
        text = SecretRedactor.Default.Redact(text);
        if (text.Length <= length)
        {
            return text;
        }

        // Never split a surrogate pair: half of one cannot be written as JSON.
        int end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return where is null
            ? text[..end] + "…"
            : string.Create(CultureInfo.InvariantCulture, $"{text[..end]}\n… [{text.Length - end:#,0} more characters: see {where}]");
    }

    /// <summary>Each distinct string once, by first use.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _strings = new();

        public int Add(string text)
        {
            text = WellFormed(text);
            if (!_index.TryGetValue(text, out int index))
            {
                index = _strings.Count;
                _index[text] = index;
                _strings.Add(text);
            }

            return index;
        }

        /// <summary>
        /// The text with every lone surrogate (a results file may hold <c>"\ud800"</c>) replaced by U+FFFD: a JSON writer
        /// refuses invalid UTF-16, and one odd character must not cost the whole report.
        /// </summary>
        private static string WellFormed(string text)
        {
            int bad = -1;
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    bad = i;
                    break;
                }
            }

            if (bad < 0)
            {
                return text;
            }

            var fixedText = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    fixedText.Append(text, i, 2);
                    i++;
                }
                else
                {
                    fixedText.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
                }
            }

            return fixedText.ToString();
        }

        public void Write(Utf8JsonWriter json, string name)
        {
            json.WriteStartArray(name);
            foreach (string text in _strings)
            {
                json.WriteStringValue(text);
            }

            json.WriteEndArray();
        }
    }
}
