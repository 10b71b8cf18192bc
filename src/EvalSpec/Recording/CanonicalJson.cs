using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// JSON in one canonical form (object properties sorted, compact) for hashing requests, and tolerant serialization of
/// the values a request can carry (contents, additional properties) with Microsoft.Extensions.AI's own JSON options.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Serializes <paramref name="value"/> as <paramref name="declaredType"/> (polymorphic types keep their <c>$type</c>).</summary>
    /// <remarks>
    /// A value the AI options cannot serialize as its declared type (a custom <see cref="AIContent"/>) is serialized as its
    /// runtime type with that type's name; a value that cannot be serialized at all becomes its type name and text, so that
    /// an odd value still changes the key instead of failing the call.
    /// </remarks>
    public static JsonNode? Serialize(object? value, Type declaredType)
    {
        if (value is null)
        {
            return null;
        }

        JsonSerializerOptions options = AIJsonUtilities.DefaultOptions;
        try
        {
            return JsonSerializer.SerializeToNode(value, options.GetTypeInfo(declaredType));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
        {
        }

        Type runtimeType = value.GetType();
        try
        {
            JsonNode? node = JsonSerializer.SerializeToNode(value, options.GetTypeInfo(runtimeType));
            return node is JsonObject obj
                ? new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).Prepend(KeyValuePair.Create("$type", (JsonNode?)runtimeType.FullName)))
                : node;
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
        {
            return new JsonObject { ["$type"] = runtimeType.FullName, ["text"] = value.ToString() };
        }
    }

    /// <summary>Additional properties as a JSON object, or null when there are none.</summary>
    public static JsonObject? Properties(IEnumerable<KeyValuePair<string, object?>>? properties)
    {
        if (properties is null)
        {
            return null;
        }

        JsonObject? result = null;
        foreach (KeyValuePair<string, object?> property in properties)
        {
            result ??= new JsonObject();
            result[property.Key] = Serialize(property.Value, typeof(object));
        }

        return result;
    }

    /// <summary>A deep copy of <paramref name="node"/> with every object's properties in ordinal order.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node.DeepClone(),
    };

    /// <summary>The lowercase hex SHA-256 of the canonical form of <paramref name="node"/>, with its secrets redacted.</summary>
    /// <remarks>
    /// Redacted because the recordings are: a replayed answer holds the marker where the live answer held a secret, so a
    /// request built from it (a judge's, a follow-up turn's) must get the key the live request got. A request without a
    /// secret keeps its key.
    /// </remarks>
    public static string Hash(JsonNode node)
    {
        string canonical = Secrets.SecretRedactor.Default.Redact(Sorted(node)!.ToJsonString(Compact));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
    }

    /// <summary>The JSON type info M.E.AI uses for <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));
}
