using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using EvalSpec.Reporting.Files;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Cli.Comparing;

/// <summary>
/// Reads the <c>multiPrompt</c> section of a run's <c>summary.json</c> through the runtime's record set
/// (<see cref="RunSummaryFile"/>, written by EvalSpec's RunSummaryWriter). Every problem is a <see cref="CliInputException"/> naming the file and, inside it, the value at fault.
/// </summary>
internal static class RunSummaryReader
{
    public const string FileName = "summary.json";

    /// <summary>Reads the run named by <paramref name="argument"/>: a run folder or the path of a summary.json.</summary>
    public static RunSummary Read(string argument)
    {
        string path = Locate(argument);
        RunSummaryFile? summary;
        try
        {
            // The runtime's own record set of summary.json (RunSummaryFile), never a second parser of the same file.
            summary = RunSummaryFile.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex) when (ex.Path is { Length: > 1 } && !IsSyntaxError(ex))
        {
            throw Malformed(path, Where(ex.Path), $"has the wrong type ({ex.Message})");
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{path} is not valid JSON ({ex.Message}); pass the summary.json of an EvalSpec run.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path} cannot be read: {ex.Message}", ex);
        }

        if (summary is null)
        {
            throw new CliInputException($"{path} is JSON but not an object; pass the summary.json of an EvalSpec run.");
        }

        if (summary.Format is int format && RunFileFormats.Summary.Problem(format) is { } problem)
        {
            throw new CliInputException($"{path} cannot be read: {problem}.");
        }

        if (summary.MultiPrompt is not { } multiPrompt)
        {
            throw new CliInputException(
                $"{path} has no \"multiPrompt\" object. Is it an EvalSpec summary.json? Summaries written before multi-prompt metrics have none: run the suite again.");
        }

        var methods = new Dictionary<string, MethodPassRates>(StringComparer.Ordinal);
        foreach ((string method, RunSummaryFile.MultiPromptSection? section) in multiPrompt)
        {
            methods[method] = ReadMethod(method, section, path);
        }

        string folder = Path.GetFileName(Path.GetDirectoryName(path)!);
        string label = string.IsNullOrWhiteSpace(summary.Configuration) ? folder : summary.Configuration;
        return new RunSummary(path, label, summary.RunId, methods);
    }

    /// <summary>A JSON path of System.Text.Json (<c>$.multiPrompt['M'].variants</c>) as this tool's messages name places (<c>multiPrompt["M"].variants</c>).</summary>
    private static string Where(string jsonPath) =>
        System.Text.RegularExpressions.Regex.Replace(jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath, @"\['((?:[^']|'')*)'\]", m => "[\"" + m.Groups[1].Value + "\"]");

    /// <summary>A JSON syntax error (the reader's, which the serializer wraps), as opposed to a value of the wrong type.</summary>
    private static bool IsSyntaxError(JsonException ex) => ex.InnerException is JsonException;

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

    private static MethodPassRates ReadMethod(string method, RunSummaryFile.MultiPromptSection? value, string path)
    {
        string where = $"multiPrompt[\"{method}\"]";
        if (value is null)
        {
            throw Malformed(path, where, "must be an object");
        }

        var variants = new List<string>();
        foreach (string? variant in value.Variants ?? [])
        {
            variants.Add(variant ?? throw Malformed(path, where + ".variants", "must be an array of variant keys"));
        }

        Dictionary<string, double>? passRates = null;
        if (value.VariantPassRate is { } rates)
        {
            passRates = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach ((string variant, double rate) in rates)
            {
                if (!(rate >= 0 && rate <= 1))
                {
                    throw Malformed(path, $"{where}.variantPassRate[\"{variant}\"]", string.Create(CultureInfo.InvariantCulture, $"must be a number in [0, 1] (found {rate})"));
                }

                passRates[variant] = rate;
                if (!variants.Contains(variant))
                {
                    variants.Add(variant);
                }
            }
        }

        if (value.CasesUsed < 0 || value.Cases < 0)
        {
            throw Malformed(path, $"{where}.{(value.CasesUsed < 0 ? "casesUsed" : "cases")}", "must be a non-negative whole number");
        }

        return new MethodPassRates(variants, value.CasesUsed, value.Cases, passRates);
    }

    private static CliInputException Malformed(string path, string where, string problem) =>
        new($"{path}: {where} {problem}; pass the summary.json of an EvalSpec run as written.");
}
