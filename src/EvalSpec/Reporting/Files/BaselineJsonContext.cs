using System.Text.Json.Serialization;

namespace EvalSpec.Reporting.Files;

/// <summary>
/// The source-generated JSON contract of <c>evalspec.baseline.json</c> (<see cref="Baseline.BaselineFile"/> and its
/// entries): camelCase, nulls left out. Use it through <see cref="BaselineJson"/>, which adds outcomes by camelCase name
/// and the relaxed escaping the file has always had. Schema: docs/schemas/baseline.schema.json.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Baseline.BaselineFile))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext
{
}
