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
        Id == other.Id && Client == other.Client && Kind == other.Kind && Unusable == other.Unusable
        && SameJson(Request, other.Request) && SameJson(Response, other.Response);

    /// <summary>Whether two JSON values are written the same: kinds, property names in order, strings and numbers as written.</summary>
    private static bool SameJson(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                JsonElement.ObjectEnumerator leftProperties = a.EnumerateObject();
                JsonElement.ObjectEnumerator rightProperties = b.EnumerateObject();
                while (true)
                {
                    bool more = leftProperties.MoveNext();
                    if (more != rightProperties.MoveNext())
                    {
                        return false;
                    }

                    if (!more)
                    {
                        return true;
                    }

                    if (leftProperties.Current.Name != rightProperties.Current.Name || !SameJson(leftProperties.Current.Value, rightProperties.Current.Value))
                    {
                        return false;
                    }
                }

            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                JsonElement.ArrayEnumerator leftItems = a.EnumerateArray();
                JsonElement.ArrayEnumerator rightItems = b.EnumerateArray();
                while (leftItems.MoveNext() && rightItems.MoveNext())
                {
                    if (!SameJson(leftItems.Current, rightItems.Current))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Number:
                return a.GetRawText() == b.GetRawText();
            default:
                return true;
        }
    }
}
