using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using EvalSpec.Reporting;

namespace EvalSpec.Cli.Comparing;

/// <summary>Writes a <see cref="ConfigurationComparison"/> as JSON (<c>--json</c>), for CI artifacts and dashboards.</summary>
internal static class ComparisonJsonWriter
{
    private const int Digits = 4;

    public static void Write(string path, ConfigurationComparison comparison, double? minW, IReadOnlyCollection<string> belowMinW)
    {
        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        string temporary = fullPath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("runs");
            foreach (RunSummary run in comparison.Runs)
            {
                json.WriteStartObject();
                json.WriteString("configuration", run.Label);
                json.WriteString("runId", run.RunId);
                json.WriteString("path", run.Path);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("methods");
            foreach (MethodComparison method in comparison.Methods)
            {
                json.WritePropertyName(method.Method);
                WriteMethod(json, method);
            }

            json.WriteEndObject();
            json.WriteStartObject("notCompared");
            foreach (KeyValuePair<string, string> method in comparison.NotCompared)
            {
                json.WriteString(method.Key, method.Value);
            }

            json.WriteEndObject();
            if (minW is double threshold)
            {
                json.WriteNumber("minW", threshold);
            }
            else
            {
                json.WriteNull("minW");
            }

            json.WriteStringArray("belowMinW", belowMinW);
            json.WriteEndObject();
        }

        File.Move(temporary, fullPath, overwrite: true);
    }

    private static void WriteMethod(Utf8JsonWriter json, MethodComparison method)
    {
        json.WriteStartObject();
        json.WriteStringArray("variants", method.SharedVariants);
        json.WriteStringArray("variantsLeftOut", method.LeftOutVariants);
        json.WriteStringArray("configurationsWithoutPassRates", method.Unranked);
        json.WriteStartArray("configurations");
        foreach (ConfigurationRow row in method.Rows)
        {
            json.WriteStartObject();
            json.WriteString("configuration", row.Configuration);
            json.WriteRounded("maxP", row.Scores?.MaxP, Digits);
            json.WriteRounded("avgP", row.Scores?.AvgP, Digits);
            json.WriteRounded("saturation", row.Scores?.Saturation, Digits);
            json.WriteRounded("cps", row.Scores?.Cps, Digits);
            if (row.PassRates is null)
            {
                json.WriteNull("variantPassRate");
            }
            else
            {
                json.WriteStartObject("variantPassRate");
                foreach (KeyValuePair<string, double> rate in row.PassRates)
                {
                    json.WriteNumber(rate.Key, rate.Value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteRounded("kendallW", method.KendallW, Digits);
        json.WriteString("kendallWUndefinedReason", method.UndefinedReason);
        json.WriteStartObject("rankingByVariant");
        foreach (VariantRanking ranking in method.Rankings)
        {
            // Best first; configurations with the same pass rate share an inner array.
            json.WriteStartArray(ranking.Variant);
            foreach (IReadOnlyList<string> group in ranking.Groups)
            {
                json.WriteStartArray();
                foreach (string configuration in group)
                {
                    json.WriteStringValue(configuration);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStringArray("bestUnderEveryVariant", method.BestUnderEveryVariant);
        json.WriteBoolean("sameBestUnderEveryVariant", method.BestUnderEveryVariant.Count > 0);
        json.WriteEndObject();
    }
}
