using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvalSpec.Judging;

namespace EvalSpec.Reporting.Files;

/// <summary>The instances of the baseline's JSON context: compact for reading, indented for writing; outcomes by camelCase name.</summary>
internal static class BaselineJson
{
    /// <summary>Reading.</summary>
    public static readonly BaselineJsonContext Compact = new(Options(indented: false));

    /// <summary>Writing: indented, as the committed file has always been.</summary>
    public static readonly BaselineJsonContext Indented = new(Options(indented: true));

    private static JsonSerializerOptions Options(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter<VerdictOutcome>(JsonNamingPolicy.CamelCase) },
    };
}
