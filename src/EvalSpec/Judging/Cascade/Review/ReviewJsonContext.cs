using System.Text.Json.Serialization;

namespace EvalSpec.Judging;

/// <summary>The JSON shape of review.jsonl and labels files: one compact camelCase object per line, enums by name.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReviewItem))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext
{
}
