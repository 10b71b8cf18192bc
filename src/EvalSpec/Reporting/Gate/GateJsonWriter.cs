using System;
using System.IO;
using System.Text;
using System.Text.Json;
using EvalSpec.Reporting.Files;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting.Gate;

/// <summary>Writes a <see cref="GateResult"/> as JSON (<c>evalspec gate --json</c>), for CI artifacts and dashboards.</summary>
internal static class GateJsonWriter
{
    public static void Write(string path, GateResult result)
    {
        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        string temporary = fullPath + ".tmp";
        File.WriteAllText(temporary, Serialize(result), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, fullPath, overwrite: true);
    }

    /// <summary>The JSON of <paramref name="result"/> (<see cref="GateReport"/>), secrets redacted, ending with a new line.</summary>
    public static string Serialize(GateResult result) => Serialize(GateReport.From(result));

    /// <summary>The JSON of <paramref name="report"/>, secrets redacted, ending with a new line.</summary>
    public static string Serialize(GateReport report) =>
        SecretRedactor.Default.Redact(JsonSerializer.Serialize(report, RunFilesJson.Gate.GateReport).Replace("\r\n", "\n", StringComparison.Ordinal)) + "\n";

    /// <summary>Reads a gate result written by <see cref="Write"/>; a <see cref="JsonException"/> names the place at fault.</summary>
    public static GateReport? Parse(string json) => JsonSerializer.Deserialize(json, RunFilesJson.Gate.GateReport);
}
