using System.Text.Json.Serialization;

namespace EvalSpec.Cli.Comparing;

/// <summary>
/// The source-generated JSON contract of <c>evalspec compare --json</c> (<see cref="ComparisonFile"/>): camelCase,
/// indented, nulls written (a null score or W says "not computed", and dashboards read the keys).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(ComparisonFile))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext
{
}
