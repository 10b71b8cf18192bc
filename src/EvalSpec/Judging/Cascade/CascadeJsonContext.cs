using System.Text.Json.Serialization;

namespace EvalSpec.Judging;

/// <summary>The JSON shape of <c>evalspec.calibration.json</c>: camelCase, indented, nulls written (a null threshold means "never decides").</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CascadeCalibration))]
internal sealed partial class CascadeJsonContext : JsonSerializerContext
{
}
