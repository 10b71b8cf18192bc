using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace EvalSpec.Cli.Tests;

/// <summary>The JSON Schemas in docs/schemas (draft 2020-12), for files the tool writes.</summary>
internal static class SchemaFiles
{
    /// <summary>The schema's errors for <paramref name="json"/>; empty when it is valid.</summary>
    public static string[] Errors(string schemaName, string json)
    {
        JsonSchema schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "schemas", schemaName)), new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() });
        using JsonDocument document = JsonDocument.Parse(json);
        EvaluationResults results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, Culture = CultureInfo.InvariantCulture });
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }

        string[] errors = (results.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToArray();
        return errors.Length > 0 ? errors : new[] { "invalid (no details)" };
    }

    /// <summary>The repository root (the folder of EvalSpec.sln above the test output).</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EvalSpec.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EvalSpec.sln not found above " + AppContext.BaseDirectory);
    }
}
