using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting.Gate;

/// <summary>Writes a <see cref="GateResult"/> as JSON (<c>evalspec gate --json</c>), for CI artifacts and dashboards.</summary>
internal static class GateJsonWriter
{
    private const int Digits = 6;

    public static void Write(string path, GateResult result)
    {
        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        string temporary = fullPath + ".tmp";
        File.WriteAllText(temporary, Serialize(result), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, fullPath, overwrite: true);
    }

    public static string Serialize(GateResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", result.Passed);
            json.WriteString("refusal", result.Refusal);
            json.WriteStartObject("coverage");
            json.WriteNumber("baselineRows", result.Coverage.BaselineRows);
            json.WriteNumber("coveredRows", result.Coverage.CoveredRows);
            json.WriteBoolean("sampled", result.Coverage.Sampled);
            if (result.Coverage.AtMost)
            {
                json.WriteBoolean("coveredRowsIsUpperBound", true);
            }

            json.WriteBoolean("partial", result.Coverage.IsPartial);
            json.WriteEndObject();
            if (result.Sample is { } sample)
            {
                json.WriteStartObject("sample");
                json.WriteRounded("baselinePassRate", sample.BaselinePassRate, Digits);
                json.WriteNumber("baselineRows", sample.BaselineRows);
                json.WriteRounded("estimatedPassRate", sample.Estimate, Digits);
                json.WriteRounded("lower", sample.Lower, Digits);
                json.WriteRounded("upper", sample.Upper, Digits);
                json.WriteNumber("confidence", sample.Confidence);
                json.WriteNumber("selected", sample.Selected);
                json.WriteNumber("population", sample.Population);
                json.WriteBoolean("regression", sample.Regression);
                json.WriteEndObject();
            }

            json.WriteString("runId", result.RunId);
            json.WriteString("run", result.RunDirectory);
            json.WriteString("baseline", result.BaselinePath);
            json.WriteNumber("baselineVersion", result.BaselineVersion);
            json.WriteStartObject("options");
            json.WriteNumber("alpha", result.Options.Alpha);
            json.WriteNumber("minDrop", result.Options.MinDrop);
            json.WriteNumber("minScoreDrop", result.Options.MinScoreDrop);
            json.WriteNumber("resamples", result.Options.Resamples);
            json.WriteNumber("minScorePairs", result.Options.MinScorePairs);
            json.WriteBoolean("allowPartial", result.Options.AllowPartial);
            json.WriteString("correction", result.Options.Correction.ToString().ToLowerInvariant());
            json.WriteEndObject();

            json.WriteStartArray("regressions");
            foreach (GateRegression regression in result.Regressions)
            {
                json.WriteStartObject();
                json.WriteString("method", regression.MethodId);
                json.WriteString("kind", regression.Kind switch { GateRegressionKind.PassRate => "passRate", GateRegressionKind.Score => "score", _ => "sampledPassRate" });
                json.WriteString("message", GateText.Describe(regression, result.Options));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("overall");
            WriteComparison(json, result.Overall);
            json.WriteStartObject("methods");
            foreach (PairedComparison method in result.Methods)
            {
                json.WritePropertyName(method.MethodId!);
                WriteComparison(json, method);
            }

            json.WriteEndObject();
            json.WriteStringArray("newRows", result.NewRows);
            json.WriteStringArray("missingRows", result.MissingRows);
            json.WriteStringArray("notApplicableRows", result.NotApplicableRows);
            WriteRows(json, "inconclusiveRows", result.InconclusiveRows);
            json.WriteStartObject("methodMetrics");
            foreach (MethodMetricChange change in result.MethodChanges)
            {
                json.WriteStartObject(change.MethodId);
                WritePair(json, "passRate", change.BaselinePassRate, change.RunPassRate);
                WritePair(json, "cps", change.BaselineCps, change.RunCps);
                WritePair(json, "attackSuccessRate", change.BaselineAttackSuccessRate, change.RunAttackSuccessRate);
                WritePair(json, "weightedAttackSuccessRate", change.BaselineWeightedAttackSuccessRate, change.RunWeightedAttackSuccessRate);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStringArray("notes", result.Notes);
            json.WriteEndObject();
        }

        return SecretRedactor.Default.Redact(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal)) + "\n";
    }

    private static void WriteComparison(Utf8JsonWriter json, PairedComparison c)
    {
        json.WriteStartObject();
        json.WriteNumber("pairs", c.Pairs);
        json.WriteRounded("baselinePassRate", c.BaselinePassRate, Digits);
        json.WriteRounded("runPassRate", c.RunPassRate, Digits);
        json.WriteNumber("passToNotPassing", c.B);
        json.WriteNumber("notPassingToPass", c.C);
        json.WriteRounded("pValue", c.PValue, Digits);
        json.WriteRounded("adjustedPValue", c.AdjustedPValue, Digits);
        json.WriteBoolean("passRateRegression", c.PassRateRegression);
        json.WriteNumber("scorePairs", c.ScorePairs);
        json.WriteRounded("baselineMeanScore", c.BaselineMeanScore, Digits);
        json.WriteRounded("runMeanScore", c.RunMeanScore, Digits);
        if (c.ScoreChange is { } interval)
        {
            json.WriteStartObject("scoreChange");
            json.WriteRounded("mean", interval.Mean, Digits);
            json.WriteRounded("lower", interval.Lower, Digits);
            json.WriteRounded("upper", interval.Upper, Digits);
            json.WriteNumber("confidence", interval.Confidence);
            json.WriteNumber("resamples", interval.Resamples);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("scoreChange");
        }

        json.WriteRounded("scorePValue", c.ScorePValue, Digits);
        json.WriteBoolean("scoreRegression", c.ScoreRegression);
        json.WriteString("scoreNote", c.ScoreNote);
        WriteRows(json, "stoppedPassing", c.PassToNotPassing);
        WriteRows(json, "startedPassing", c.NotPassingToPass);
        json.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter json, string name, IEnumerable<PairedRow> rows)
    {
        json.WriteStartArray(name);
        foreach (PairedRow row in rows)
        {
            json.WriteStartObject();
            json.WriteString("rowId", row.RowId);
            json.WriteString("name", row.DisplayName);
            json.WriteString("baseline", row.Baseline.ToString().ToLowerInvariant());
            json.WriteString("run", row.Run.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePair(Utf8JsonWriter json, string name, double? baseline, double? run)
    {
        json.WriteStartObject(name);
        json.WriteRounded("baseline", baseline, Digits);
        json.WriteRounded("run", run, Digits);
        json.WriteEndObject();
    }
}
