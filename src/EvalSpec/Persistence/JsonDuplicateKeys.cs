using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EvalSpec.Persistence;

/// <summary>
/// Finds a property name given twice in one JSON object, which JSON readers otherwise resolve silently (the last one wins):
/// in a committed file that is a bad merge (both sides of a conflict kept), and reading it would pick one side unseen.
/// </summary>
internal static class JsonDuplicateKeys
{
    /// <summary>The first property name repeated within one object of <paramref name="json"/>, or null when there is none.</summary>
    /// <param name="json">A JSON document (UTF-8). An invalid document yields null: the caller's parser reports it.</param>
    public static JsonDuplicateKey? Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var objects = new Stack<(string Path, Dictionary<string, long> Names)>();
        var path = new Stack<string>();
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        string objectPath = pendingName is null ? (objects.Count == 0 ? "$" : objects.Peek().Path + "[]") : objects.Peek().Path + "." + pendingName;
                        objects.Push((objectPath, new Dictionary<string, long>(StringComparer.Ordinal)));
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.StartArray:
                        pendingName = null;
                        break;
                    case JsonTokenType.PropertyName:
                        string name = reader.GetString()!;
                        (string owner, Dictionary<string, long> names) = objects.Peek();
                        if (names.TryGetValue(name, out long first))
                        {
                            return new JsonDuplicateKey(name, owner, Line(json, first), Line(json, reader.TokenStartIndex));
                        }

                        names.Add(name, reader.TokenStartIndex);
                        pendingName = name;
                        break;
                    default:
                        pendingName = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static int Line(ReadOnlySpan<byte> json, long offset)
    {
        int line = 1;
        foreach (byte b in json[..(int)offset])
        {
            if (b == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}

/// <summary>A property name given twice in one object: the name, the object's path, and the lines of both.</summary>
internal sealed record JsonDuplicateKey(string Name, string ObjectPath, int FirstLine, int SecondLine);
