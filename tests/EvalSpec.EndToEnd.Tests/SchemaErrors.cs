using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>Validates JSON against a schema of docs/schemas with JsonSchema.Net (draft 2020-12).</summary>
internal static class SchemaErrors
{
    /// <summary>The errors of <paramref name="json"/> against <paramref name="schema"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Of(string schema, string json)
    {
        JsonSchema built = JsonSchema.FromText(schema, new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() });
        using JsonDocument document = JsonDocument.Parse(json);
        EvaluationResults results = built.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, Culture = CultureInfo.InvariantCulture });
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }

        string[] errors = (results.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .ToArray();
        return errors.Length > 0 ? errors : new[] { "does not satisfy the schema" };
    }
}
