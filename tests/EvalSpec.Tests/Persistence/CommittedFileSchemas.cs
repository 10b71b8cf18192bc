using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace EvalSpec.Tests.Persistence;

/// <summary>The JSON Schemas in docs/schemas, evaluated with JsonSchema.Net (draft 2020-12).</summary>
internal static class CommittedFileSchemas
{
    /// <summary>The repository root (the folder of EvalSpec.sln above the test output).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SchemaPath(string name) => Path.Combine(RepositoryRoot, "docs", "schemas", name);

    /// <summary>The schema's errors for the JSON in <paramref name="json"/>; empty when it is valid.</summary>
    public static string[] Errors(string schemaName, string json)
    {
        var registry = new SchemaRegistry();
        JsonSchema schema = JsonSchema.FromText(File.ReadAllText(SchemaPath(schemaName)), new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = registry });
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

    /// <summary>
    /// Files in the repository matching <paramref name="pattern"/> (outside build output and scratch folders), relative to
    /// its root: the committed files, and any the working copy holds beside them.
    /// </summary>
    public static IEnumerable<string> RepositoryFiles(string pattern)
    {
        string root = RepositoryRoot;
        var skipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".work", "TestResults", "node_modules", "artifacts" };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            foreach (string file in Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(root, file);
            }

            foreach (string sub in Directory.EnumerateDirectories(directory).Where(d => !skipped.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }
        }
    }

    private static string FindRoot()
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
