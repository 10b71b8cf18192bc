using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalSpec.Recording;

/// <summary>
/// One recorded answer, as an element of a recordings file's <c>entries</c> (<see cref="RecordingFileContent"/>) and in a
/// journal line (<see cref="RecordingJournalLine"/>): the call's context path, client, kind, full request hash and
/// occurrence (the n-th identical request in that context), a readable summary of the request, and the response.
/// Properties are written in this order: context, client, kind, hash, occurrence, unusable, request, response.
/// </summary>
/// <param name="Context">Where the call was made: the row id, trial and phase.</param>
/// <param name="Client">The name given to <c>UseEvalSpecRecording(name)</c>.</param>
/// <param name="Kind"><c>chat</c> or <c>embeddings</c>.</param>
/// <param name="Hash">The lowercase hexadecimal SHA-256 of everything that changes the answer.</param>
/// <param name="Occurrence">The how-many-th identical request within the context (from 0).</param>
/// <param name="Request">
/// Free-form JSON, kept as it was recorded: a readable summary of the request (not used for matching). Undefined (no
/// <c>request</c> in the file) is written as <c>null</c>.
/// </param>
/// <param name="Response">
/// Free-form JSON, kept as it was recorded: the chat response or the embeddings, as Microsoft.Extensions.AI serializes
/// them. In a file, arrays of numbers (embedding vectors) stay on one line (<see cref="RecordedJsonConverter"/>).
/// </param>
internal sealed record RecordingEntry(
    [property: JsonPropertyName("context"), JsonPropertyOrder(0), JsonRequired] string Context,
    [property: JsonPropertyName("client"), JsonPropertyOrder(1), JsonRequired] string Client,
    [property: JsonPropertyName("kind"), JsonPropertyOrder(2), JsonRequired] string Kind,
    [property: JsonPropertyName("hash"), JsonPropertyOrder(3), JsonRequired] string Hash,
    [property: JsonPropertyName("occurrence"), JsonPropertyOrder(4), JsonRequired] int Occurrence,
    [property: JsonPropertyName("request"), JsonPropertyOrder(6), JsonIgnore(Condition = JsonIgnoreCondition.Never), JsonConverter(typeof(RecordedJsonConverter))] JsonElement Request,
    [property: JsonPropertyName("response"), JsonPropertyOrder(7), JsonIgnore(Condition = JsonIgnoreCondition.Never), JsonConverter(typeof(RecordedJsonConverter)), JsonRequired] JsonElement Response)
{
    /// <summary>What identifies the entry: context, request hash and occurrence (the hash already covers client and kind).</summary>
    [JsonIgnore]
    public RecordingEntryId Id => new(Context, Hash, Occurrence);

    /// <summary>
    /// Why the code that got this answer could not use it (a judge that could not read a verdict in it, or that the model
    /// refused), or null. Auto mode never replays such an answer: it calls the model again and records the new answer in
    /// its place. Replay mode replays it all the same, so that a build server's verdict stays the recorded one. Left out
    /// of the file when null.
    /// </summary>
    [JsonPropertyName("unusable")]
    [JsonPropertyOrder(5)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
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
