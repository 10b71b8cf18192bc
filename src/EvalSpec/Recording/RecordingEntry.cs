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
}
