using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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

    /// <summary>
    /// A results line as readers take it: every field optional (a line of an older EvalSpec, or one a person cut down, may
    /// lack what a line written now always has); the reader checks the few fields it cannot do without.
    /// </summary>
    public static readonly JsonTypeInfo<RowResult> LenientRowResult = (JsonTypeInfo<RowResult>)new JsonSerializerOptions(Options(indented: false, JsonIgnoreCondition.WhenWritingNull))
    {
        TypeInfoResolver = new RunFilesJsonContext().WithAddedModifier(static type =>
        {
            foreach (JsonPropertyInfo property in type.Properties)
            {
                property.IsRequired = false;
            }
        }),
    }.GetTypeInfo(typeof(RowResult));

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
