using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Reporting;

/// <summary>JSON settings of the files a run writes.</summary>
internal static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    /// <summary>A value as a JSON element; values that cannot be serialised become their text.</summary>
    public static JsonElement ToElement(object? value)
    {
        try
        {
            return JsonSerializer.SerializeToElement(value, Options);
        }
        // ArgumentException: NaN and the infinities, which JSON numbers cannot hold.
        catch (System.Exception ex) when (ex is JsonException or System.NotSupportedException or System.InvalidOperationException or System.ArgumentException)
        {
            return JsonSerializer.SerializeToElement(value?.ToString(), Options);
        }
    }
}
