using System;
using System.Text.Json;

namespace EvalSpec.Recording;

/// <summary>
/// One recorded answer: the call's context path, client, kind, full request hash and occurrence (the n-th identical request
/// in that context), a readable summary of the request, and the response as JSON.
/// </summary>
internal sealed record RecordingEntry(string Context, string Client, string Kind, string Hash, int Occurrence, JsonElement Request, JsonElement Response)
{
    /// <summary>What identifies the entry: context, request hash and occurrence (the hash already covers client and kind).</summary>
    public RecordingEntryId Id => new(Context, Hash, Occurrence);

    /// <summary>
    /// Why the code that got this answer could not use it (a judge that could not read a verdict in it, or that the model
    /// refused), or null. Auto mode never replays such an answer: it calls the model again and records the new answer in
    /// its place. Replay mode replays it all the same, so that a build server's verdict stays the recorded one.
    /// </summary>
    public string? Unusable { get; init; }

    /// <summary>Whether <paramref name="other"/> records the same answer to the same request (nothing a file would show differently).</summary>
    public bool SameAs(RecordingEntry other) =>
        Id == other.Id && RecordingFile.JournalLine(string.Empty, this).AsSpan().SequenceEqual(RecordingFile.JournalLine(string.Empty, other));
}
