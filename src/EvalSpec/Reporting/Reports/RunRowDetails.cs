using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// What a row's transcript in <c>report.html</c> shows beyond the fields the gate and the baseline use: the prompts,
/// inputs and outputs, every judge's reason and raw answer, trials, timings, model calls and tool calls. Read from the
/// same line of <c>results.jsonl</c> as the <see cref="RunRow"/> it belongs to.
/// </summary>
/// <remarks>
/// Read leniently: these fields are for a person to look at and decide nothing, so a field of an unexpected type is
/// shown as its JSON text (or left out) instead of failing the report. The fields that decide something are checked by
/// <see cref="RunResultsReader"/>.
/// </remarks>
internal sealed record RunRowDetails
{
    public string? Prompt { get; init; }

    public string? FollowUpPrompt { get; init; }

    public string? Expected { get; init; }

    /// <summary>The case's inputs by parameter name: a string as itself, any other value as its JSON text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Inputs { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>For a relation that changed the inputs (not only the prompt), the follow-up inputs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? FollowUpInputs { get; init; }

    /// <summary>The judged output (the follow-up output of a relation row): a string as itself, a structured value as indented JSON.</summary>
    public string? Output { get; init; }

    /// <summary>Whether <see cref="Output"/> is a structured value (JSON) rather than text.</summary>
    public bool OutputIsJson { get; init; }

    /// <summary>For a relation row, the source output.</summary>
    public string? SourceOutput { get; init; }

    /// <summary>What the relation changed, by the relation's own names (<c>relationNotes</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RelationNotes { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>What the row says besides its checks.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    public double? LatencyMs { get; init; }

    public double? SourceLatencyMs { get; init; }

    public double? FollowUpLatencyMs { get; init; }

    /// <summary>When the row started, as written (ISO 8601).</summary>
    public string? StartedAt { get; init; }

    /// <summary>Every check with each judge's reason and raw answer, in the order of the results.</summary>
    public IReadOnlyList<CheckDetails> Checks { get; init; } = Array.Empty<CheckDetails>();

    /// <summary>For a row run several times, each trial.</summary>
    public IReadOnlyList<TrialDetails> Trials { get; init; } = Array.Empty<TrialDetails>();

    /// <summary>How the row's model calls went (<c>modelCalls</c>): null when the row made none through a recording client.</summary>
    public ModelCallCounts? ModelCalls { get; init; }

    /// <summary>
    /// The tool calls of the row: an agent row's <c>trajectory.toolCalls</c>, a <c>toolCalls</c> array when the results have one, else the function calls and results
    /// found in a structured output (a Microsoft.Extensions.AI <c>ChatResponse</c> or message list, whose contents carry
    /// <c>"$type": "functionCall"</c> and <c>"functionResult"</c>), paired by call id.
    /// </summary>
    public IReadOnlyList<ToolCallDetails> ToolCalls { get; init; } = Array.Empty<ToolCallDetails>();

    /// <summary>One check of the row and its judges.</summary>
    internal sealed record CheckDetails(string Name, string Outcome, double? Score, string Rationale, int? JudgesSkipped, IReadOnlyList<VerdictDetails> Verdicts);

    /// <summary>One judge's verdict: everything results.jsonl records about it.</summary>
    internal sealed record VerdictDetails(
        string Judge,
        string Outcome,
        double? Score,
        string Rationale,
        string? RawOutput,
        double? LatencyMs,
        bool Errored,
        int ModelCalls,
        string? Model,
        long InputTokens,
        long OutputTokens,
        PairwiseDetails? Pairwise);

    /// <summary>A pairwise verdict's choice in each presentation order.</summary>
    internal sealed record PairwiseDetails(string CandidateFirst, string ReferenceFirst, bool Consistent);

    /// <summary>One trial of a row run several times.</summary>
    internal sealed record TrialDetails(int Trial, string Outcome, string? Reason, string? Output);

    /// <summary>The row's model calls: answered from recordings, called and recorded, called live, or failed.</summary>
    internal sealed record ModelCallCounts(string Mode, int Replayed, int Recorded, int Live, int Failed, int Missing = 0);

    /// <summary>One tool call: the tool's name, its arguments and what it returned (JSON text or plain text).</summary>
    internal sealed record ToolCallDetails(string Name, string? CallId, string? Arguments, string? Result);

    private static readonly JsonWriterOptions IndentedJson = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The details of one results line (a JSON object).</summary>
    public static RunRowDetails Read(JsonElement row)
    {
        JsonElement? output = Element(row, "output");
        return new RunRowDetails
        {
            Prompt = Text(row, "prompt"),
            FollowUpPrompt = Text(row, "followUpPrompt"),
            Expected = Text(row, "expected"),
            Inputs = Pairs(Element(row, "inputs")) ?? Array.Empty<KeyValuePair<string, string>>(),
            FollowUpInputs = Pairs(Element(row, "followUpInputs")),
            Output = Display(output),
            OutputIsJson = output is { ValueKind: not JsonValueKind.String },
            SourceOutput = Display(Element(row, "sourceOutput")),
            RelationNotes = Pairs(Element(row, "relationNotes")) ?? Array.Empty<KeyValuePair<string, string>>(),
            Notes = Element(row, "notes") is { ValueKind: JsonValueKind.Array } notes ? notes.EnumerateArray().Select(n => Display(n) ?? string.Empty).ToArray() : Array.Empty<string>(),
            LatencyMs = Number(row, "latencyMs"),
            SourceLatencyMs = Number(row, "sourceLatencyMs"),
            FollowUpLatencyMs = Number(row, "followUpLatencyMs"),
            StartedAt = Text(row, "startedAt"),
            Checks = Element(row, "checks") is { ValueKind: JsonValueKind.Array } checks ? checks.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(Check).ToArray() : Array.Empty<CheckDetails>(),
            Trials = Element(row, "trials") is { ValueKind: JsonValueKind.Array } trials
                ? trials.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object).Select((t, i) => new TrialDetails(
                    (int)(Number(t, "trial") ?? i), Text(t, "outcome") ?? "inconclusive", Text(t, "reason"), Display(Element(t, "output")))).ToArray()
                : Array.Empty<TrialDetails>(),
            ModelCalls = Element(row, "modelCalls") is { ValueKind: JsonValueKind.Object } calls
                ? new ModelCallCounts(Text(calls, "mode") ?? "unknown", Count(calls, "replayed"), Count(calls, "recorded"), Count(calls, "live"), Count(calls, "failed"), Count(calls, "missing"))
                : null,
            ToolCalls = ToolCallsOf(row, output),
        };
    }

    private static CheckDetails Check(JsonElement check) => new(
        Text(check, "name") ?? "(unnamed check)",
        Text(check, "outcome") ?? "inconclusive",
        Number(check, "score"),
        Text(check, "rationale") ?? string.Empty,
        Number(check, "judgesSkipped") is double skipped ? (int)skipped : null,
        Element(check, "verdicts") is { ValueKind: JsonValueKind.Array } verdicts
            ? verdicts.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(Verdict).ToArray()
            : Array.Empty<VerdictDetails>());

    private static VerdictDetails Verdict(JsonElement v) => new(
        Text(v, "judge") ?? "(unnamed judge)",
        Text(v, "outcome") ?? "inconclusive",
        Number(v, "score"),
        Text(v, "rationale") ?? string.Empty,
        Text(v, "rawOutput"),
        Number(v, "latencyMs"),
        Element(v, "errored") is { ValueKind: JsonValueKind.True },
        Count(v, "modelCalls"),
        Text(v, "model"),
        (long)(Number(v, "inputTokens") ?? 0),
        (long)(Number(v, "outputTokens") ?? 0),
        Element(v, "pairwise") is { ValueKind: JsonValueKind.Object } pairwise
            ? new PairwiseDetails(Text(pairwise, "candidateFirst") ?? "none", Text(pairwise, "referenceFirst") ?? "none", Element(pairwise, "consistent") is { ValueKind: JsonValueKind.True })
            : null);

    /// <summary>An explicit <c>toolCalls</c> array, else the function calls inside a structured output.</summary>
    private static IReadOnlyList<ToolCallDetails> ToolCallsOf(JsonElement row, JsonElement? output)
    {
        // An agent row's trajectory (see AgentTrajectory): calls numbered in order, the error in place of a failed call's result.
        if (Element(row, "trajectory") is { ValueKind: JsonValueKind.Object } trajectory && Element(trajectory, "toolCalls") is { ValueKind: JsonValueKind.Array } made)
        {
            return made.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(c => new ToolCallDetails(
                Text(c, "name") ?? "(unnamed tool)",
                Number(c, "call") is double index ? "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Display(Element(c, "arguments")),
                Text(c, "error") is { } error ? "ERROR: " + error : Display(Element(c, "result")))).ToArray();
        }

        if (Element(row, "toolCalls") is { ValueKind: JsonValueKind.Array } listed)
        {
            return listed.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(c => new ToolCallDetails(
                Text(c, "name") ?? "(unnamed tool)", Text(c, "callId"), Display(Element(c, "arguments")), Display(Element(c, "result")))).ToArray();
        }

        if (output is not { ValueKind: JsonValueKind.Object or JsonValueKind.Array } structured)
        {
            return Array.Empty<ToolCallDetails>();
        }

        var calls = new List<(string Name, string? CallId, string? Arguments)>();
        var results = new Dictionary<string, string?>(StringComparer.Ordinal);
        Collect(structured, calls, results, depth: 0);
        return calls.Select(c => new ToolCallDetails(c.Name, c.CallId, c.Arguments, c.CallId is not null && results.TryGetValue(c.CallId, out string? result) ? result : null)).ToArray();
    }

    /// <summary>Walks a structured output for Microsoft.Extensions.AI function call and result contents (depth-limited: outputs are untrusted).</summary>
    private static void Collect(JsonElement element, List<(string Name, string? CallId, string? Arguments)> calls, Dictionary<string, string?> results, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Collect(item, calls, results, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        string? type = Text(element, "$type");
        if (type == "functionCall")
        {
            calls.Add((Text(element, "name") ?? "(unnamed tool)", Text(element, "callId"), Display(Element(element, "arguments"))));
            return;
        }

        if (type == "functionResult")
        {
            if (Text(element, "callId") is { } callId)
            {
                results[callId] = Display(Element(element, "result"));
            }

            return;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            Collect(property.Value, calls, results, depth + 1);
        }
    }

    private static JsonElement? Element(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    /// <summary>A string property; any other value as its JSON text.</summary>
    private static string? Text(JsonElement element, string property) => Element(element, property) is { } value ? Display(value) : null;

    private static double? Number(JsonElement element, string property) =>
        Element(element, property) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out double number) ? number : null;

    private static int Count(JsonElement element, string property) => Number(element, property) is double n && n is >= 0 and <= int.MaxValue ? (int)n : 0;

    /// <summary>A value for a person: a string as itself, a number or boolean as its JSON text, an object or array as indented JSON.</summary>
    private static string? Display(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } structured => Indented(structured),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } other => other.GetRawText(),
    };

    private static string Indented(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, IndentedJson))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static KeyValuePair<string, string>[]? Pairs(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } obj
            ? obj.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText())).ToArray()
            : null;
}
