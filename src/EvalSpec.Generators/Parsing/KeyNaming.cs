using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvalSpec.Generators.Parsing;

/// <summary>Stable keys and identifiers derived from user text.</summary>
internal static class KeyNaming
{
    private const int MaxReadableCaseIdLength = 40;

    /// <summary>Short stable content hash: 8 hex digits of FNV-1a 64 over the UTF-8 bytes, folded to 32 bits.</summary>
    public static string Hash(string text) => HashValue(text).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The number <see cref="Hash"/> writes as eight hex digits.</summary>
    public static uint HashValue(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return (uint)(hash ^ (hash >> 32));
    }

    /// <summary>
    /// Default case id from the arguments' texts: joined with ", " (see <see cref="CaseId(string)"/>), unless that would
    /// not tell two cases apart: an argument containing ", " (<c>("Hi, there", "refund")</c> and
    /// <c>("Hi", "there, refund")</c>), or the string "null" (the text of a null argument). Those get <c>case-</c> and a
    /// hash of a length-prefixed form that keeps every argument and its nullness, so the id still depends on the case
    /// alone.
    /// </summary>
    public static string CaseId(IReadOnlyList<string> texts, IReadOnlyList<bool> isNull)
    {
        bool ambiguous = false;
        for (int i = 0; i < texts.Count; i++)
        {
            ambiguous |= texts[i].Contains(", ") || (!isNull[i] && texts[i] == "null");
        }

        if (!ambiguous)
        {
            return CaseId(string.Join(", ", texts));
        }

        var exact = new StringBuilder();
        for (int i = 0; i < texts.Count; i++)
        {
            exact.Append(isNull[i] ? "-" : texts[i].Length.ToString(CultureInfo.InvariantCulture) + ":" + texts[i]).Append(';');
        }

        return "case-" + Hash(exact.ToString());
    }

    /// <summary>
    /// Default case id: the arguments' text when short and printable, else <c>case-</c> and a hash (also for text with a
    /// lone UTF-16 surrogate, which the generated data cannot hold as text).
    /// </summary>
    public static string CaseId(string argumentsText)
    {
        bool readable = argumentsText.Length > 0 && argumentsText.Length <= MaxReadableCaseIdLength && !HasLoneSurrogate(argumentsText);
        foreach (char c in argumentsText)
        {
            if (char.IsControl(c) || c == '/')
            {
                readable = false;
            }
        }

        return readable ? argumentsText : "case-" + Hash(argumentsText);
    }

    /// <summary>Whether the text holds a UTF-16 surrogate that is not half of a pair (System.Text.Json cannot hold it).</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Default relation key from its type name: <c>WhitespaceNoise</c> becomes <c>whitespace-noise</c>.</summary>
    public static string RelationKey(string typeName)
    {
        var key = new StringBuilder(typeName.Length + 4);
        for (int i = 0; i < typeName.Length; i++)
        {
            char c = typeName[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(typeName[i - 1]) || (i + 1 < typeName.Length && char.IsLower(typeName[i + 1]) && char.IsUpper(typeName[i - 1]))))
            {
                key.Append('-');
            }

            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>A C# identifier fragment: ASCII letters and digits kept, everything else '_'.</summary>
    public static string Identifier(string text)
    {
        var id = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            id.Append(IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return id.Length == 0 ? "_" : id.ToString();
    }

    /// <summary>
    /// An identifier fragment for a key that depends on that key alone, never on which other keys exist:
    /// keys made of ASCII letters, digits and '-' map one-to-one ('-' becomes '_'); any other key gets its
    /// sanitised form plus '_' and its hash, so two keys never share a fragment because of sanitising.
    /// </summary>
    public static string KeyIdentifier(string key)
    {
        bool lossless = key.Length > 0;
        foreach (char c in key)
        {
            lossless &= IsAsciiLetterOrDigit(c) || c == '-';
        }

        string id = Identifier(key);
        return lossless ? id : id + "_" + Hash(key);
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
