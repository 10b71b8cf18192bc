using System;
using System.Text.Json.Serialization;
using EvalSpec.Judging;

namespace EvalSpec.Reporting;

/// <summary>
/// A person's verdict pinned for a row in the baseline (<c>evalspec baseline pin</c>, from a labels file of
/// <c>evalspec review</c>): while the row's output is the one the person judged, it replaces the rubric judges' verdict,
/// shown as decided by a person. A different output (the system under test changed) is judged by the judges again and
/// the row's output says the pin no longer applies; the pin stays until <c>evalspec baseline unpin</c>.
/// </summary>
/// <param name="Label">The person's label: <c>pass</c> or <c>fail</c>.</param>
/// <param name="Output">The review item id of the judged output: the row id and the first 16 hex digits of the output's SHA-256 (<see cref="ReviewQueue.IdOf"/>).</param>
internal sealed record PersonVerdict(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("output")] string Output)
{
    /// <summary>Who labelled it, when known.</summary>
    [JsonPropertyName("by")]
    public string? By { get; init; }

    /// <summary>The day it was labelled (UTC, <c>yyyy-MM-dd</c>), when known.</summary>
    [JsonPropertyName("on")]
    public string? On { get; init; }

    /// <summary>The label as an outcome, or null when the file holds something other than pass or fail.</summary>
    [JsonIgnore]
    public VerdictOutcome? Outcome => Label switch
    {
        "pass" => VerdictOutcome.Pass,
        "fail" => VerdictOutcome.Fail,
        _ => null,
    };

    /// <summary>Whether this verdict was given for <paramref name="output"/> of row <paramref name="rowId"/>.</summary>
    public bool IsFor(string rowId, string output) => string.Equals(Output, ReviewQueue.IdOf(rowId, output), StringComparison.Ordinal);

    /// <summary>"alice, 2026-12-06" (or what of it is known).</summary>
    [JsonIgnore]
    public string Attribution => (By, On) switch
    {
        (null, null) => "a person",
        (string by, null) => by,
        (null, string on) => "a person, " + on,
        (string by, string on) => by + ", " + on,
    };
}
