using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using EvalSpec.Persistence;

namespace EvalSpec.Cli.Comparing;

/// <summary>Writes a <see cref="ConfigurationComparison"/> as JSON (<c>--json</c>, <see cref="ComparisonFile"/>), for CI artifacts and dashboards.</summary>
internal static class ComparisonJsonWriter
{
    public static void Write(string path, ConfigurationComparison comparison, double? minW, IReadOnlyCollection<string> belowMinW) =>
        AtomicFile.Write(Path.GetFullPath(path), Encoding.UTF8.GetBytes(Serialize(ComparisonFile.From(comparison, minW, belowMinW))));

    /// <summary>The JSON of <paramref name="file"/>, ending with a new line.</summary>
    public static string Serialize(ComparisonFile file) =>
        JsonSerializer.Serialize(file, ComparisonJsonContext.Default.ComparisonFile).Replace("\r\n", "\n", System.StringComparison.Ordinal) + "\n";
}
