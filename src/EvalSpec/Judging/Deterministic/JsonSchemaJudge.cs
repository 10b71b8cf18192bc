using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Json.Schema;

namespace EvalSpec.Judging;

/// <summary>
/// Deterministic check that the output is a JSON document that satisfies a JSON Schema (validated with
/// JsonSchema.Net).
/// </summary>
/// <remarks>
/// <para>
/// The schema is parsed and built once, at construction. A schema without <c>$schema</c> is read as Draft
/// 2020-12; a <c>$schema</c> of Draft 6, 7, 2019-09, 2020-12 or v1 selects that dialect. Each judge keeps its
/// own schema registry, so two judges may use schemas with the same <c>$id</c>. Nothing is fetched from the
/// network: a <c>$ref</c> to another document cannot be resolved, and an output that reaches such a reference
/// gets an inconclusive verdict that says so.
/// </para>
/// <para>
/// The output must be strict JSON (no comments, no trailing commas). An output that does not parse fails
/// with the parser's error; an output that parses but does not validate fails with every validation error
/// and the JSON Pointer of the value it concerns. The score is 1 for a pass and 0 for a fail.
/// </para>
/// <para>The judge is safe to use from several rows at once; its evaluations take turns.</para>
/// </remarks>
public sealed class JsonSchemaJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "json-schema";

    private const int MaxReportedErrors = 10;

    // A fixed base URI keeps schema locations (which appear in some error messages) the same on every run.
    private static readonly Uri BaseUri = new("urn:evalspec:json-schema-judge");

    // One options instance for every evaluation, and one evaluation at a time per judge: JsonSchema.Net has had
    // bugs with concurrent evaluations of one schema, notably with a new EvaluationOptions per call
    // (json-everything issues #693 and #929). Evaluating is fast, so serialising costs little.
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, Culture = CultureInfo.InvariantCulture };

    private readonly JsonSchema _schema;
    // Static like the shared evaluation options it protects.
    private static readonly object EvaluationGate = new();

    /// <summary>Creates the judge.</summary>
    /// <param name="schema">The JSON Schema, as JSON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is not JSON, or not a valid JSON Schema.</exception>
    public JsonSchemaJudge(string schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            _schema = JsonSchema.FromText(schema, new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() }, BaseUri);
        }
        catch (Exception ex) when (ex is JsonException or JsonSchemaException or RefResolutionException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"The JSON schema is not valid: {ex.Message}", nameof(schema), ex);
        }

        Schema = schema;
    }

    /// <summary>The JSON Schema text the judge was created with.</summary>
    public string Schema { get; }

    /// <summary>
    /// Whether the JSON may be wrapped in a Markdown code fence, as chat models often write it: when set and
    /// the output contains a fenced block (<c>```json</c> ... <c>```</c>), only the first block's content is
    /// validated and the text around it is ignored. Default: <see langword="false"/> (the whole output must be JSON).
    /// </summary>
    public bool AllowCodeFence { get; init; }

    /// <inheritdoc/>
    /// <remarks>Defaults to <see cref="DefaultName"/>; set it to use several schema judges in one panel.</remarks>
    public string Name
    {
        get;
        init => field = JudgeNames.Validate(value);
    } = DefaultName;

    /// <inheritdoc/>
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Judge(request.Output));
    }

    private Verdict Judge(string output)
    {
        string json = AllowCodeFence ? CodeFence.Unwrap(output) : output;
        if (string.IsNullOrWhiteSpace(json))
        {
            return Verdict.Fail(Name, 0.0, "the output is empty; expected a JSON document that satisfies the schema");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return Verdict.Fail(Name, 0.0, $"the output is not valid JSON ({ex.Message}); expected a JSON document that satisfies the schema");
        }

        using (document)
        {
            return Evaluate(document.RootElement);
        }
    }

    private Verdict Evaluate(JsonElement instance)
    {
        EvaluationResults results;
        try
        {
            lock (EvaluationGate)
            {
                results = _schema.Evaluate(instance, Evaluation);
            }
        }
        catch (Exception ex) when (ex is RefResolutionException or JsonSchemaException)
        {
            return Verdict.Error(Name, $"the schema could not be evaluated against the output: {ex.Message}");
        }

        if (results.IsValid)
        {
            return Verdict.Pass(Name, 1.0, "the output is JSON that satisfies the schema");
        }

        string[] errors = Errors(results).ToArray();
        if (errors.Length == 0)
        {
            return Verdict.Fail(Name, 0.0, "the output is JSON but does not satisfy the schema (the validator reported no error message, as for a schema of false)");
        }

        string shown = string.Join("; ", errors.Take(MaxReportedErrors));
        string more = errors.Length > MaxReportedErrors
            ? string.Create(CultureInfo.InvariantCulture, $"; and {errors.Length - MaxReportedErrors} more")
            : string.Empty;
        return Verdict.Fail(
            Name,
            0.0,
            string.Create(CultureInfo.InvariantCulture, $"the output is JSON but does not satisfy the schema: {errors.Length} error(s): {shown}{more}"));
    }

    private static IEnumerable<string> Errors(EvaluationResults results)
    {
        if (results.Errors is { Count: > 0 } errors)
        {
            string location = results.InstanceLocation.ToString();
            string at = location.Length == 0 ? "at \"\" (the root)" : "at " + location;
            foreach (KeyValuePair<string, string> error in errors)
            {
                yield return error.Key.Length == 0 ? $"{at}: {error.Value}" : $"{at}: {error.Value} [{error.Key}]";
            }
        }

        foreach (EvaluationResults detail in results.Details ?? [])
        {
            foreach (string error in Errors(detail))
            {
                yield return error;
            }
        }
    }
}
