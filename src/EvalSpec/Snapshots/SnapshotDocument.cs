using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalSpec.Snapshots;

/// <summary>
/// The scrubbed content of one snapshot file, and for an eval row its prompt and output parts, so that a verifier
/// can hold the prompt to an exact match and compare the output by meaning.
/// </summary>
/// <remarks>
/// <para>An eval row with text output is a <c>.txt</c> file of sections:</para>
/// <code>
/// ## Prompt
/// What is the refund window for laptop?
///
/// ## Follow-up prompt
/// how long can i send bacm my laptop
///
/// ## Output
/// You can return a laptop within 30 days.
/// </code>
/// <para>
/// (the follow-up section only in relation rows). A structured output makes the whole document JSON (<c>.json</c>):
/// <c>{ "prompt": ..., "followUpPrompt": ..., "output": { ... } }</c>. The prompt part is everything up to the output,
/// matched as a prefix, so text in a prompt or output that looks like a section header cannot confuse it.
/// Every file ends with one newline after the content.
/// </para>
/// </remarks>
internal sealed class SnapshotDocument
{
    private const string PromptTitle = "Prompt";
    private const string FollowUpTitle = "Follow-up prompt";
    private const string OutputTitle = "Output";

    /// <summary>Text rows: everything before the output. Null for documents without an output part.</summary>
    private readonly string? _outputPrefix;

    /// <summary>JSON rows: the scrubbed prompts the verified document must hold.</summary>
    private readonly string? _jsonPrompt;
    private readonly string? _jsonFollowUp;

    private SnapshotDocument(bool isRow, string content, string extension, string? output, string? outputPrefix, string? jsonPrompt, string? jsonFollowUp)
    {
        IsRow = isRow;
        Content = content;
        Extension = extension;
        Output = output;
        _outputPrefix = outputPrefix;
        _jsonPrompt = jsonPrompt;
        _jsonFollowUp = jsonFollowUp;
    }

    /// <summary>Whether this is an eval row's document (prompt parts), not an imperative value.</summary>
    public bool IsRow { get; }

    /// <summary>The whole file text: LF line ends, one final newline.</summary>
    public string Content { get; }

    /// <summary><c>txt</c> or <c>json</c>.</summary>
    public string Extension { get; }

    /// <summary>The scrubbed output part (indented JSON for structured outputs), or null when the document has none.</summary>
    public string? Output { get; }

    /// <summary>Whether the document has an output part that can be compared by meaning.</summary>
    public bool HasOutput => Output is not null;

    /// <summary>
    /// An imperative snapshot: a string as text (<c>.txt</c>), anything else as indented JSON (<c>.json</c>; null
    /// is JSON <c>null</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The value cannot be serialised to JSON.</exception>
    public static SnapshotDocument ForValue(object? value, SnapshotSettings? settings = null, string? projectDirectory = null)
    {
        settings ??= new SnapshotSettings();
        var context = new ScrubContext(projectDirectory);
        if (value is string text)
        {
            return new SnapshotDocument(false, SnapshotText.NormalizeLineEndings(settings.Scrub(text, context)) + "\n", SnapshotNames.TextExtension, null, null, null, null);
        }

        string json = SnapshotJson.Write(SnapshotJson.Scrub(SnapshotJson.ToNode(value), settings, context));
        return new SnapshotDocument(false, json + "\n", SnapshotNames.JsonExtension, null, null, null, null);
    }

    /// <summary>
    /// An eval row: the rendered prompt, the follow-up prompt of a relation row, and the output (the follow-up
    /// output in a relation row). A string or null output gives a text document, anything else a JSON document.
    /// </summary>
    /// <exception cref="InvalidOperationException">The output cannot be serialised to JSON.</exception>
    public static SnapshotDocument ForRow(string prompt, string? followUpPrompt, object? output, SnapshotSettings? settings = null, string? projectDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        settings ??= new SnapshotSettings();
        var context = new ScrubContext(projectDirectory);
        string scrubbedPrompt = SnapshotText.NormalizeLineEndings(settings.Scrub(prompt, context));
        string? scrubbedFollowUp = followUpPrompt is null ? null : SnapshotText.NormalizeLineEndings(settings.Scrub(followUpPrompt, context));
        if (output is null or string)
        {
            string text = SnapshotText.NormalizeLineEndings(settings.Scrub(output as string ?? string.Empty, context));
            string prefix = Sections(scrubbedPrompt, scrubbedFollowUp) + "\n## " + OutputTitle + "\n";
            return new SnapshotDocument(true, prefix + text + "\n", SnapshotNames.TextExtension, text, prefix, null, null);
        }

        JsonNode? node = SnapshotJson.Scrub(SnapshotJson.ToNode(output), settings, context);
        string outputJson = SnapshotJson.Write(node);
        string json = SnapshotJson.WriteObject(new (string, JsonNode?, bool)[]
        {
            ("prompt", JsonValue.Create(scrubbedPrompt), true),
            ("followUpPrompt", scrubbedFollowUp is null ? null : JsonValue.Create(scrubbedFollowUp), false),
            ("output", node, true),
        });
        return new SnapshotDocument(true, json + "\n", SnapshotNames.JsonExtension, outputJson, null, scrubbedPrompt, scrubbedFollowUp);
    }

    /// <summary>An eval row whose output is not snapshotted: only the prompt and, in a relation row, the follow-up prompt.</summary>
    public static SnapshotDocument ForPrompt(string prompt, string? followUpPrompt, SnapshotSettings? settings = null, string? projectDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        settings ??= new SnapshotSettings();
        var context = new ScrubContext(projectDirectory);
        string scrubbedPrompt = SnapshotText.NormalizeLineEndings(settings.Scrub(prompt, context));
        string? scrubbedFollowUp = followUpPrompt is null ? null : SnapshotText.NormalizeLineEndings(settings.Scrub(followUpPrompt, context));
        return new SnapshotDocument(true, Sections(scrubbedPrompt, scrubbedFollowUp), SnapshotNames.TextExtension, null, null, null, null);
    }

    /// <summary>
    /// When <paramref name="verifiedContent"/> is a document of the same kind with exactly this document's prompt
    /// part, its output part; otherwise false (the prompt changed, or the file is not such a document).
    /// </summary>
    public bool TryGetVerifiedOutput(string verifiedContent, out string verifiedOutput)
    {
        verifiedOutput = string.Empty;
        if (_outputPrefix is not null)
        {
            if (!verifiedContent.StartsWith(_outputPrefix, StringComparison.Ordinal) || !verifiedContent.EndsWith('\n'))
            {
                return false;
            }

            verifiedOutput = verifiedContent[_outputPrefix.Length..^1];
            return true;
        }

        if (_jsonPrompt is null)
        {
            return false;
        }

        JsonObject? verified;
        try
        {
            verified = JsonNode.Parse(verifiedContent) as JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }

        if (verified is null
            || !TryGetString(verified, "prompt", out string? prompt) || prompt != _jsonPrompt
            || !TryGetString(verified, "followUpPrompt", out string? followUp) || followUp != _jsonFollowUp
            || !verified.TryGetPropertyValue("output", out JsonNode? output))
        {
            return false;
        }

        verifiedOutput = SnapshotJson.Write(output);
        return true;
    }

    /// <summary>
    /// For an eval row's document that differs from <paramref name="verifiedContent"/>: whether the prompt part
    /// differs (for a document of prompts only, any difference). Always false for imperative values.
    /// </summary>
    public bool PromptDiffers(string verifiedContent) =>
        IsRow && (!HasOutput || !TryGetVerifiedOutput(verifiedContent, out _));

    private static string Sections(string prompt, string? followUp)
    {
        var text = new StringBuilder();
        text.Append("## ").Append(PromptTitle).Append('\n').Append(prompt).Append('\n');
        if (followUp is not null)
        {
            text.Append("\n## ").Append(FollowUpTitle).Append('\n').Append(followUp).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A string property, or an absent one (null); false for any other kind of value.</summary>
    private static bool TryGetString(JsonObject obj, string name, out string? value)
    {
        value = null;
        if (!obj.TryGetPropertyValue(name, out JsonNode? node) || node is null)
        {
            return true;
        }

        if (node is JsonValue jsonValue && jsonValue.GetValueKind() == JsonValueKind.String)
        {
            value = jsonValue.GetValue<string>();
            return true;
        }

        return false;
    }
}
