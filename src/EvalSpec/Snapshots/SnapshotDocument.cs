using System;
using System.Text;
using System.Text.Json;
using EvalSpec.Secrets;

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

    /// <summary>Text rows: everything before the output. Null for documents without an output part and for JSON rows.</summary>
    private readonly string? _outputPrefix;

    /// <summary>Row documents: the scrubbed prompt and follow-up prompt the verified document must hold.</summary>
    private readonly string? _prompt;
    private readonly string? _followUp;

    /// <remarks>
    /// Every part is redacted (<see cref="SecretRedactor"/>) here, where the text that is both compared and written is made:
    /// a secret never reaches a snapshot file, and a run that got a secret from the model compares equal to the replay of
    /// its redacted recording. The parts redact as the whole does: no redaction spans a line break.
    /// </remarks>
    private SnapshotDocument(bool isRow, string content, string extension, string? output, string? outputPrefix, string? prompt, string? followUp)
    {
        SecretRedactor redactor = SecretRedactor.Default;
        IsRow = isRow;
        Content = redactor.Redact(content);
        Extension = extension;
        Output = output is null ? null : redactor.Redact(output);
        _outputPrefix = outputPrefix is null ? null : redactor.Redact(outputPrefix);
        _prompt = prompt is null ? null : redactor.Redact(prompt);
        _followUp = followUp is null ? null : redactor.Redact(followUp);
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
        (string scrubbedPrompt, string? scrubbedFollowUp) = ScrubPrompts(prompt, followUpPrompt, settings, context);
        if (output is null or string)
        {
            string text = SnapshotText.NormalizeLineEndings(settings.Scrub(output as string ?? string.Empty, context));
            string prefix = OutputPrefix(scrubbedPrompt, scrubbedFollowUp);
            return new SnapshotDocument(true, prefix + text + "\n", SnapshotNames.TextExtension, text, prefix, scrubbedPrompt, scrubbedFollowUp);
        }

        JsonElement scrubbed = SnapshotJson.ToElement(SnapshotJson.Scrub(SnapshotJson.ToNode(output), settings, context));
        string outputJson = SnapshotJson.Write(scrubbed);
        string json = SnapshotJson.Write(new SnapshotRowFile(scrubbedPrompt, scrubbedFollowUp, scrubbed));
        return new SnapshotDocument(true, json + "\n", SnapshotNames.JsonExtension, outputJson, null, scrubbedPrompt, scrubbedFollowUp);
    }

    /// <summary>An eval row whose output is not snapshotted: only the prompt and, in a relation row, the follow-up prompt.</summary>
    public static SnapshotDocument ForPrompt(string prompt, string? followUpPrompt, SnapshotSettings? settings = null, string? projectDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        settings ??= new SnapshotSettings();
        (string scrubbedPrompt, string? scrubbedFollowUp) = ScrubPrompts(prompt, followUpPrompt, settings, new ScrubContext(projectDirectory));
        return new SnapshotDocument(true, Sections(scrubbedPrompt, scrubbedFollowUp), SnapshotNames.TextExtension, null, null, scrubbedPrompt, scrubbedFollowUp);
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

        if (!HasOutput || Extension != SnapshotNames.JsonExtension
            || SnapshotJson.ReadRow(verifiedContent) is not { } verified || !SamePrompts(verified) || !verified.HasOutput)
        {
            return false;
        }

        verifiedOutput = SnapshotJson.Write(verified.Output);
        return true;
    }

    /// <summary>
    /// Compares this eval row's prompt part with a verified file's (<paramref name="verifiedExtension"/> says whether
    /// it is a text or a JSON document), whatever either has as output. Always <see cref="SnapshotPromptMatch.Differs"/>
    /// for imperative values.
    /// </summary>
    public SnapshotPromptMatch ComparePrompt(string verifiedContent, string verifiedExtension)
    {
        if (!IsRow || _prompt is null)
        {
            return SnapshotPromptMatch.Differs;
        }

        if (verifiedExtension == SnapshotNames.TextExtension)
        {
            string sections = Sections(_prompt, _followUp);
            return string.Equals(verifiedContent, sections, StringComparison.Ordinal) ? SnapshotPromptMatch.SameWithoutOutput
                : verifiedContent.StartsWith(OutputPrefix(_prompt, _followUp), StringComparison.Ordinal) ? SnapshotPromptMatch.SameWithOutput
                : SnapshotPromptMatch.Differs;
        }

        return SnapshotJson.ReadRow(verifiedContent) is { } verified && SamePrompts(verified)
            ? verified.HasOutput ? SnapshotPromptMatch.SameWithOutput : SnapshotPromptMatch.SameWithoutOutput
            : SnapshotPromptMatch.Differs;
    }

    /// <summary>
    /// For an eval row's document that differs from <paramref name="verifiedContent"/> (a file of this document's
    /// extension): whether the prompt part differs. Always false for imperative values.
    /// </summary>
    public bool PromptDiffers(string verifiedContent) =>
        IsRow && ComparePrompt(verifiedContent, Extension) == SnapshotPromptMatch.Differs;

    /// <summary>
    /// A unified diff of the prompt parts only: this document's against the verified file's (for a text file, everything
    /// before the blank line that precedes its first output section header).
    /// </summary>
    public string PromptDiff(string verifiedContent, string verifiedExtension)
    {
        if (verifiedExtension == SnapshotNames.TextExtension)
        {
            int output = verifiedContent.IndexOf("\n## " + OutputTitle + "\n", StringComparison.Ordinal);
            return SnapshotDiff.Create(output < 0 ? verifiedContent : verifiedContent[..output], Sections(_prompt ?? string.Empty, _followUp));
        }

        string verifiedPrompts = SnapshotJson.ReadRow(verifiedContent) is { } verified
            ? PromptsJson(verified.Prompt, verified.FollowUpPrompt)
            : verifiedContent;
        return SnapshotDiff.Create(verifiedPrompts, PromptsJson(_prompt, _followUp));
    }

    private static (string Prompt, string? FollowUp) ScrubPrompts(string prompt, string? followUpPrompt, SnapshotSettings settings, ScrubContext context) =>
        (SnapshotText.NormalizeLineEndings(settings.ScrubPrompt(prompt, context)),
         followUpPrompt is null ? null : SnapshotText.NormalizeLineEndings(settings.ScrubPrompt(followUpPrompt, context)));

    private static string OutputPrefix(string prompt, string? followUp) => Sections(prompt, followUp) + "\n## " + OutputTitle + "\n";

    /// <summary>A row's document without its output: the prompt part of a JSON snapshot, for a diff.</summary>
    private static string PromptsJson(string? prompt, string? followUp) => SnapshotJson.Write(new SnapshotRowFile(prompt, followUp, default)) + "\n";

    private bool SamePrompts(SnapshotRowFile verified) => verified.Prompt == _prompt && verified.FollowUpPrompt == _followUp;

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
}
