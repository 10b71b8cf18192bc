using System.Text.Json.Serialization;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Reporting.Files;

/// <summary>
/// The source-generated JSON contract of the files a run writes and the <c>evalspec</c> tool reads: a
/// <c>results.jsonl</c> line (<see cref="RowResult"/>) and <c>summary.json</c> (<see cref="RunSummaryFile"/>). camelCase,
/// nulls left out. Use it through <see cref="RunFilesJson"/>, which adds the relaxed escaping the files have always had.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RowResult))]
[JsonSerializable(typeof(RunSummaryFile))]
internal sealed partial class RunFilesJsonContext : JsonSerializerContext
{
}
