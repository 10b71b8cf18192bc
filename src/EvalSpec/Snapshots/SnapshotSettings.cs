using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace EvalSpec.Snapshots;

/// <summary>
/// How snapshot content is scrubbed before it is compared: values that change from run to run (GUIDs, time
/// stamps, durations, token counts, machine paths) become stable placeholders, so that a snapshot fails only
/// when something that matters changed.
/// </summary>
/// <remarks>
/// <para>
/// Scrubbed values become placeholders numbered by first appearance within one snapshot: the first GUID is
/// <c>{Guid_1}</c>, a different one <c>{Guid_2}</c>, and the first GUID seen again is <c>{Guid_1}</c> again, so the
/// snapshot still shows which values were the same. Likewise <c>{Timestamp_n}</c>, <c>{Duration_n}</c> and
/// <c>{TokenCount_n}</c>; folders become <c>{ProjectDirectory}</c>, <c>{TempDirectory}</c> and <c>{HomeDirectory}</c>.
/// </para>
/// <para>
/// Order: your scrubbers first (in the order added), then paths, GUIDs, time stamps, durations and token counts.
/// In structured (JSON) snapshots the scrubbers see each string value, and numbers of properties whose name
/// mentions tokens (<c>outputTokenCount</c>, <c>total_tokens</c>) become token-count placeholders.
/// </para>
/// <para>
/// The prompts of an eval row's snapshot get only your scrubbers and the path scrubber: a rendered prompt is
/// deterministic and must match exactly, so that "at most 50 tokens" turning into "at most 500 tokens" is a change.
/// Outputs (and imperative snapshots) get every scrubber.
/// </para>
/// <para>Configure the settings before the first snapshot; they are then only read, from any thread.</para>
/// </remarks>
public sealed class SnapshotSettings
{
    private readonly List<Func<string, ScrubContext, string>> _scrubbers = new();

    /// <summary>
    /// Replaces GUIDs (<c>3f2504e0-4f89-11d3-9a0c-0305e82c3301</c>, any case, with or without braces) by
    /// <c>{Guid_n}</c>. Default true.
    /// </summary>
    public bool ScrubGuids { get; set; } = true;

    /// <summary>
    /// Replaces date-times by <c>{Timestamp_n}</c>: ISO 8601 (<c>2024-05-01T10:30:00.123Z</c>,
    /// <c>2024-05-01 10:30:00+02:00</c>), <c>05/01/2024 10:30:00 AM</c>, <c>01.05.2024 10:30</c> and RFC 1123
    /// (<c>Wed, 01 May 2024 10:30:00 GMT</c>). A date alone (<c>2024-05-01</c>) is content and is kept. Default true.
    /// </summary>
    public bool ScrubTimestamps { get; set; } = true;

    /// <summary>
    /// Replaces durations by <c>{Duration_n}</c>: <c>123 ms</c>, <c>123ms</c>, <c>1.5 s</c>, <c>2 s</c>,
    /// <c>40 µs</c>, <c>12 ns</c> and time spans with a fraction or a zero hour (<c>00:00:01.234</c>,
    /// <c>00:05:00</c>). Spelled-out units (<c>30 seconds</c>, <c>14 days</c>) are content and are kept. Default true.
    /// </summary>
    public bool ScrubDurations { get; set; } = true;

    /// <summary>
    /// Replaces token counts by <c>{TokenCount_n}</c>: <c>tokens: 123</c>, <c>"outputTokenCount": 12</c>,
    /// <c>prompt_tokens=12</c>, <c>123 tokens</c>. Default true.
    /// </summary>
    public bool ScrubTokenCounts { get; set; } = true;

    /// <summary>
    /// Replaces absolute paths of the project folder, the temporary folder and the home folder by
    /// <c>{ProjectDirectory}</c>, <c>{TempDirectory}</c> and <c>{HomeDirectory}</c> (the longest match wins, with
    /// either separator). Default true.
    /// </summary>
    public bool ScrubPaths { get; set; } = true;

    /// <summary>
    /// The project folder replaced by <c>{ProjectDirectory}</c>. Default: the test project's folder (eval rows) or
    /// the nearest folder above the calling source file that holds a project file (<see cref="Snapshot.VerifyAsync"/>).
    /// </summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>Replaces every match of <paramref name="pattern"/> as <see cref="Regex.Replace(string, string)"/> does (<c>$1</c> refers to a group).</summary>
    /// <param name="pattern">What to replace.</param>
    /// <param name="replacement">The replacement text.</param>
    /// <returns>These settings, for chaining.</returns>
    public SnapshotSettings AddScrubber(Regex pattern, string replacement)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(replacement);
        _scrubbers.Add((text, _) => pattern.Replace(text, replacement));
        return this;
    }

    /// <summary>Adds a scrubber that rewrites text as it likes.</summary>
    /// <param name="scrubber">Takes text (a snapshot part or a JSON string value), returns it scrubbed.</param>
    /// <returns>These settings, for chaining.</returns>
    public SnapshotSettings AddScrubber(Func<string, string> scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        _scrubbers.Add((text, _) => scrubber(text) ?? string.Empty);
        return this;
    }

    /// <summary>
    /// Replaces every match of <paramref name="pattern"/> by a numbered placeholder <c>{name_n}</c>: equal matches
    /// get the same number, in order of first appearance (e.g. order ids: <c>AddPlaceholder(new Regex(@"ORD-\d+"), "OrderId")</c>).
    /// </summary>
    /// <param name="pattern">What to replace.</param>
    /// <param name="name">The placeholder name: letters, digits and underscores.</param>
    /// <returns>These settings, for chaining.</returns>
    public SnapshotSettings AddPlaceholder(Regex pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (string.IsNullOrEmpty(name) || !IsPlaceholderName(name))
        {
            throw new ArgumentException($"A placeholder name is letters, digits and underscores (got '{name}').", nameof(name));
        }

        _scrubbers.Add((text, context) => pattern.Replace(text, match => context.Placeholder(name, match.Value)));
        return this;
    }

    /// <summary>Scrubs one piece of text (an output, an imperative value or a JSON string value) with every scrubber.</summary>
    internal string Scrub(string text, ScrubContext context)
    {
        text = ScrubPrompt(text, context);
        if (ScrubGuids)
        {
            text = BuiltInScrubbers.Guids(text, context);
        }

        if (ScrubTimestamps)
        {
            text = BuiltInScrubbers.Timestamps(text, context);
        }

        if (ScrubDurations)
        {
            text = BuiltInScrubbers.Durations(text, context);
        }

        if (ScrubTokenCounts)
        {
            text = BuiltInScrubbers.TokenCounts(text, context);
        }

        return text;
    }

    /// <summary>
    /// Scrubs a rendered prompt: only the user's scrubbers and the path scrubber. The built-in scrubbers of volatile
    /// values (GUIDs, time stamps, durations, token counts) would hide real changes of a deterministic prompt.
    /// </summary>
    internal string ScrubPrompt(string text, ScrubContext context)
    {
        foreach (Func<string, ScrubContext, string> scrubber in _scrubbers)
        {
            text = scrubber(text, context);
        }

        if (ScrubPaths)
        {
            text = BuiltInScrubbers.Paths(text, context.Directories(ProjectDirectory));
        }

        return text;
    }

    private static bool IsPlaceholderName(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
