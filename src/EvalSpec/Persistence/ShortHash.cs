using System;
using System.Security.Cryptography;
using System.Text;

namespace EvalSpec.Persistence;

/// <summary>
/// The short hash written into files and keys (evidence hashes, review item ids, lock names, cache keys): the first 16 hex
/// digits (lower case) of the SHA-256 of the text's UTF-8 bytes. One definition, so that every file agrees on it.
/// </summary>
internal static class ShortHash
{
    /// <summary>The first 16 lower-case hex digits of the SHA-256 of <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8).ToLowerInvariant();
    }
}
