using System.Text.Json.Serialization;
using EvalSpec.Reporting.Gate;

namespace EvalSpec.Reporting.Files;

/// <summary>
/// The source-generated JSON contract of the gate's result (<c>evalspec gate --json</c>, <see cref="GateReport"/>):
/// camelCase and nulls written (a null p-value or pass rate says "not computed", and dashboards read the keys).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GateReport))]
internal sealed partial class GateJsonContext : JsonSerializerContext
{
}
