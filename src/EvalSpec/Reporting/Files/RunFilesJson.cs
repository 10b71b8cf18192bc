using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Reporting.Files;

/// <summary>
/// The instances of the run files' JSON contexts: compact (one <c>results.jsonl</c> line, reading) and indented
/// (<c>summary.json</c>, the gate's result), with the relaxed escaping the files have always been written with (text in
/// prompts and outputs stays readable: no <c>\u0027</c> for an apostrophe).
/// </summary>
internal static class RunFilesJson
{
    /// <summary>Compact: one results line; also what every reader uses.</summary>
    public static readonly RunFilesJsonContext Compact = new(Options(indented: false, JsonIgnoreCondition.WhenWritingNull));

    /// <summary>Indented: <c>summary.json</c>.</summary>
    public static readonly RunFilesJsonContext Indented = new(Options(indented: true, JsonIgnoreCondition.WhenWritingNull));

    /// <summary>Indented, nulls written: the gate's result.</summary>
    public static readonly GateJsonContext Gate = new(Options(indented: true, JsonIgnoreCondition.Never));

    private static JsonSerializerOptions Options(bool indented, JsonIgnoreCondition ignore) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = ignore,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}
