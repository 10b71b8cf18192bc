using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace EvalSpec.Cli.Comparing;

/// <summary>
/// Reads the <c>multiPrompt</c> section of a run's <c>summary.json</c> (written by EvalSpec's RunSummaryWriter).
/// Every problem is a <see cref="CliInputException"/> naming the file and, inside it, the value at fault.
/// </summary>
internal static class RunSummaryReader
{
    public const string FileName = "summary.json";

    /// <summary>Reads the run named by <paramref name="argument"/>: a run folder or the path of a summary.json.</summary>
    public static RunSummary Read(string argument)
    {
        string path = Locate(argument);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{path} is not valid JSON ({ex.Message}); pass the summary.json of an EvalSpec run.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path} cannot be read: {ex.Message}", ex);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CliInputException($"{path} is JSON but not an object; pass the summary.json of an EvalSpec run.");
            }

            string? configuration = OptionalString(root, "configuration", path);
            string? runId = OptionalString(root, "runId", path);
            if (!root.TryGetProperty("multiPrompt", out JsonElement multiPrompt) || multiPrompt.ValueKind != JsonValueKind.Object)
            {
                throw new CliInputException(
                    $"{path} has no \"multiPrompt\" object. Is it an EvalSpec summary.json? Summaries written before multi-prompt metrics have none: run the suite again.");
            }

            var methods = new Dictionary<string, MethodPassRates>(StringComparer.Ordinal);
            foreach (JsonProperty method in multiPrompt.EnumerateObject())
            {
                methods[method.Name] = ReadMethod(method, path);
            }

            string folder = Path.GetFileName(Path.GetDirectoryName(path)!);
            string label = string.IsNullOrWhiteSpace(configuration) ? folder : configuration;
            return new RunSummary(path, label, runId, methods);
        }
    }

    private static string Locate(string argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new CliInputException("An empty run path was given; pass run folders (TestResults/evalspec/<run id>) or summary.json paths.");
        }

        string full = Path.GetFullPath(argument);
        if (Directory.Exists(full))
        {
            string summary = Path.Combine(full, FileName);
            if (!File.Exists(summary))
            {
                throw new CliInputException($"{argument} is a folder without a {FileName}; pass a run folder (TestResults/evalspec/<run id>) or the path of a {FileName}.");
            }

            return summary;
        }

        if (!File.Exists(full))
        {
            throw new CliInputException($"{argument} does not exist; pass a run folder (TestResults/evalspec/<run id>) or the path of a {FileName}.");
        }

        return full;
    }

    private static MethodPassRates ReadMethod(JsonProperty method, string path)
    {
        string where = $"multiPrompt[\"{method.Name}\"]";
        JsonElement value = method.Value;
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(path, where, "must be an object");
        }

        var variants = new List<string>();
        if (value.TryGetProperty("variants", out JsonElement variantArray))
        {
            if (variantArray.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(path, where + ".variants", "must be an array of variant keys");
            }

            foreach (JsonElement variant in variantArray.EnumerateArray())
            {
                variants.Add(variant.ValueKind == JsonValueKind.String ? variant.GetString()! : throw Malformed(path, where + ".variants", "must be an array of variant keys"));
            }
        }

        Dictionary<string, double>? passRates = null;
        if (value.TryGetProperty("variantPassRate", out JsonElement rates) && rates.ValueKind != JsonValueKind.Null)
        {
            if (rates.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, where + ".variantPassRate", "must be an object of pass rates by variant, or null");
            }

            passRates = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (JsonProperty rate in rates.EnumerateObject())
            {
                if (rate.Value.ValueKind != JsonValueKind.Number || !rate.Value.TryGetDouble(out double number) || !(number >= 0 && number <= 1))
                {
                    throw Malformed(path, $"{where}.variantPassRate[\"{rate.Name}\"]", $"must be a number in [0, 1] (found {rate.Value.GetRawText()})");
                }

                passRates[rate.Name] = number;
                if (!variants.Contains(rate.Name))
                {
                    variants.Add(rate.Name);
                }
            }
        }

        return new MethodPassRates(variants, OptionalCount(value, "casesUsed", path, where), OptionalCount(value, "cases", path, where), passRates);
    }

    private static string? OptionalString(JsonElement element, string property, string path) =>
        !element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Malformed(path, property, "must be a string or null");

    private static int OptionalCount(JsonElement element, string property, string path, string where) =>
        !element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null
            ? 0
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int count) && count >= 0
                ? count
                : throw Malformed(path, $"{where}.{property}", "must be a non-negative whole number");

    private static CliInputException Malformed(string path, string where, string problem) =>
        new($"{path}: {where} {problem}; pass the summary.json of an EvalSpec run as written.");
}
