using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EvalSpec.Cli.Tests.Comparing;

/// <summary>Writes summary.json files in the shape EvalSpec's run summary has (the parts compare reads, and some it ignores).</summary>
internal static class SummaryFiles
{
    /// <summary>One eval method's multi-prompt section: variant keys with their pass rates (null: no case ran under every variant).</summary>
    public sealed record Method(string Id, params (string Variant, double PassRate)[] Rates)
    {
        public bool WithoutPassRates { get; init; }
    }

    /// <summary>Writes <c>{folder}/{runFolder}/summary.json</c> and returns the run folder.</summary>
    public static string Write(TemporaryFolder folder, string runFolder, string? configuration, params Method[] methods)
    {
        string directory = folder.Combine(runFolder);
        Directory.CreateDirectory(directory);
        var summary = new Dictionary<string, object?>
        {
            ["runId"] = runFolder,
            ["configuration"] = configuration,
            ["rows"] = new { total = 8, pass = 6, fail = 2, inconclusive = 0, notApplicable = 0 },
            ["multiPrompt"] = methods.ToDictionary(m => m.Id, Section),
        };
        File.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        return directory;
    }

    private static object Section(Method method)
    {
        double[] rates = method.Rates.Select(r => r.PassRate).ToArray();
        return new
        {
            variants = method.Rates.Select(r => r.Variant).ToArray(),
            casesUsed = method.WithoutPassRates ? 0 : 4,
            cases = 4,
            variantPassRate = method.WithoutPassRates ? null : method.Rates.ToDictionary(r => r.Variant, r => r.PassRate),
            maxP = method.WithoutPassRates ? (double?)null : rates.Max(),
            avgP = method.WithoutPassRates ? (double?)null : rates.Average(),
            saturation = method.WithoutPassRates ? (double?)null : 1 - (rates.Max() - rates.Average()),
            cps = method.WithoutPassRates ? (double?)null : (1 - (rates.Max() - rates.Average())) * rates.Max(),
            perCase = new Dictionary<string, object>(),
        };
    }
}
