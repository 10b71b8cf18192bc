using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalSpec.Judging;

namespace EvalSpec.Reporting.Gate;

/// <summary>
/// What a failing row showed, reduced to something two runs can compare: the row's normalised output (for a relation
/// row its follow-up and source outputs, for a row with trials every trial's outcome and output), or, when the eval
/// method produced no output (an exception, a timeout), the row's reason. A known failure in the baseline excuses a
/// failure only when the failed checks (the kind) and this evidence are the same.
/// </summary>
/// <param name="Excerpt">The start of the normalised evidence, for a person reading the baseline or a row message.</param>
/// <param name="Hash">The first 16 hexadecimal digits of the SHA-256 of the whole normalised evidence (UTF-8).</param>
/// <remarks>
/// Normalisation: line ends become LF, every run of white space (spaces, tabs, line breaks) becomes one space, and the
/// ends are trimmed; letter case, punctuation and every other character are kept. A structured output is compared as
/// its compact JSON text. The runtime and <c>evalspec baseline update</c> use this one type, so they compute
/// the same evidence.
/// </remarks>
internal sealed record FailureEvidence(string Excerpt, string Hash)
{
    /// <summary>The longest excerpt kept; the hash always covers the whole evidence.</summary>
    public const int ExcerptLength = 200;

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>One trial of a row run several times: its outcome, and its output's text (else its reason).</summary>
    /// <param name="Outcome">The trial's outcome.</param>
    /// <param name="Text">The trial's judged output as <see cref="TextOf"/> gives it, else its reason.</param>
    internal readonly record struct Trial(VerdictOutcome Outcome, string? Text);

    /// <summary>The evidence of a failing row.</summary>
    /// <param name="output">The judged output's text (<see cref="TextOf"/>): the follow-up output of a relation row.</param>
    /// <param name="sourceOutput">For a relation row, the source output's text.</param>
    /// <param name="relationRow">Whether the row is a relation row.</param>
    /// <param name="trials">For a row run several times, every trial in order; otherwise null.</param>
    /// <param name="reason">The row's reason, used when there is no output.</param>
    public static FailureEvidence Of(string? output, string? sourceOutput, bool relationRow, IReadOnlyList<Trial>? trials, string? reason)
    {
        string evidence;
        if (trials is { Count: > 0 })
        {
            var text = new StringBuilder();
            for (int i = 0; i < trials.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : " | ").Append("trial ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append(' ').Append(trials[i].Outcome.ToString().ToLowerInvariant()).Append(": ").Append(Normalize(trials[i].Text ?? string.Empty));
            }

            evidence = text.ToString();
        }
        else if (output is not null)
        {
            // The follow-up output first: it is what the relation row judged, and what an excerpt should show.
            evidence = relationRow ? "follow-up: " + Normalize(output) + " | source: " + Normalize(sourceOutput ?? string.Empty) : Normalize(output);
        }
        else
        {
            evidence = Normalize(reason ?? string.Empty);
        }

        string excerpt = evidence.Length <= ExcerptLength ? evidence : evidence[..ExcerptLength] + "...";
        return new FailureEvidence(excerpt, Persistence.ShortHash.Of(evidence));
    }

    /// <summary>Line ends to LF, then every run of white space to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new StringBuilder(text.Length);
        bool inWhiteSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWhiteSpace = true;
                continue;
            }

            if (inWhiteSpace && normalized.Length > 0)
            {
                normalized.Append(' ');
            }

            inWhiteSpace = false;
            normalized.Append(c);
        }

        return normalized.ToString();
    }

    /// <summary>
    /// An output as <c>results.jsonl</c> holds it, as text: a string as itself, any other JSON value as its compact JSON
    /// text, written the same way whether the element was serialised by the runtime or read back from the file.
    /// </summary>
    public static string? TextOf(JsonElement? value)
    {
        if (value is not JsonElement element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactJson))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The evidence as a row message shows it: the excerpt and the hash.</summary>
    public override string ToString() => $"\"{Excerpt}\" (evidence {Hash})";
}
