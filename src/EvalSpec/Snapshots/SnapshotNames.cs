using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace EvalSpec.Snapshots;

/// <summary>
/// Snapshot file names. An eval row's snapshot is <c>&lt;Class&gt;.&lt;Method&gt;.&lt;case&gt;.&lt;variant&gt;.&lt;relation&gt;</c>
/// (always five segments, <c>identity</c> included, so a row snapshot is told apart from an imperative one and the
/// segments never run into each other); an imperative one is <c>&lt;SourceFile&gt;.&lt;member&gt;[.&lt;name&gt;]</c>.
/// Then <c>.verified.txt</c>, <c>.received.json</c>...
/// </summary>
/// <remarks>
/// Keys are user text (case ids, variant and relation keys) and may hold characters that no file system takes
/// (<c>:</c>, <c>?</c>, <c>*</c>, quotes, separators), dots that would blur the segments, or letters that file
/// systems normalise differently. <see cref="EncodeKey"/> keeps <c>[A-Za-z0-9_-]</c> as they are, turns accented
/// letters into their base letter and everything else into <c>_</c>, and then, only if it changed anything, appends
/// <c>-</c> and eight hex digits of the SHA-256 of the original key: readable, stable across machines and runtimes,
/// and two different keys never share a name (<c>a b</c> and <c>a?b</c> both read <c>a_b</c> but differ in hash;
/// a key that needs no change has no hash, so it cannot collide with an encoded one unless it ends in that very hash).
/// </remarks>
internal static class SnapshotNames
{
    public const string VerifiedMarker = ".verified.";
    public const string ReceivedMarker = ".received.";
    public const string TextExtension = "txt";
    public const string JsonExtension = "json";

    /// <summary>Longest key segment kept whole; longer ones are cut and hashed (Windows paths stay under 260 characters).</summary>
    private const int MaxKeyLength = 48;

    /// <summary>
    /// Longest class or member segment kept whole: identifiers are chosen by people and already read well; test
    /// methods named for their behaviour are often longer than keys.
    /// </summary>
    private const int MaxIdentifierLength = 100;

    private static readonly string[] ReservedDeviceNames =
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The base name of an eval row's snapshot: <c>Class.Method.case.variant.relation</c>.</summary>
    public static string ForRow(Type suiteType, string methodName, string caseId, string variantKey, string relationKey) =>
        ForRow(ClassSegment(suiteType), methodName, caseId, variantKey, relationKey);

    /// <summary>The base name of an eval row's snapshot, from the class segment (<see cref="ClassSegment"/>).</summary>
    public static string ForRow(string classSegment, string methodName, string caseId, string variantKey, string relationKey) =>
        string.Join('.', classSegment, EncodeIdentifier(methodName), EncodeKey(caseId), EncodeKey(variantKey), EncodeKey(relationKey));

    /// <summary>
    /// The class part of row snapshot names: the type name without namespace, nested types joined by <c>+</c>
    /// (<c>Outer+Inner</c>), each encoded.
    /// </summary>
    public static string ClassSegment(Type suiteType)
    {
        ArgumentNullException.ThrowIfNull(suiteType);
        var names = new List<string>();
        for (Type? type = suiteType; type is not null; type = type.DeclaringType)
        {
            names.Add(EncodeIdentifier(type.Name));
        }

        names.Reverse();
        return string.Join('+', names);
    }

    /// <summary>The base name of an imperative snapshot: <c>SourceFile.member</c> or <c>SourceFile.member.name</c>.</summary>
    public static string ForMember(string sourceFile, string member, string? name)
    {
        string file = Path.GetFileNameWithoutExtension(sourceFile.Replace('\\', '/').Split('/')[^1]);
        if (string.IsNullOrEmpty(file))
        {
            throw new ArgumentException("The calling source file is unknown; pass sourceFile (normally filled in by the compiler).", nameof(sourceFile));
        }

        string baseName = EncodeSourceFileName(file) + "." + EncodeIdentifier(string.IsNullOrEmpty(member) ? "snapshot" : member);
        return name is null ? baseName : baseName + "." + EncodeKey(name);
    }

    /// <summary>A key as a file-name segment (see the remarks of <see cref="SnapshotNames"/>).</summary>
    public static string EncodeKey(string key) => Encode(key, MaxKeyLength);

    /// <summary>A class or member name as a file-name segment: encoded like a key, but cut only beyond 100 characters.</summary>
    public static string EncodeIdentifier(string name) => Encode(name, MaxIdentifierLength);

    private static string Encode(string key, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder(Math.Min(key.Length, maxLength) + 9);
        bool changed = key.Length == 0;
        foreach (Rune rune in key.EnumerateRunes())
        {
            if (IsKept(rune))
            {
                text.Append((char)rune.Value);
                continue;
            }

            changed = true;
            char? baseLetter = BaseLetter(rune);
            if (baseLetter is char letter)
            {
                text.Append(letter);
            }
            else if (text.Length == 0 || text[^1] != '_')
            {
                // Runs of replaced characters collapse into one underscore; the hash keeps them apart.
                text.Append('_');
            }
        }

        if (text.Length > maxLength)
        {
            // Room for the hash: the cut segment plus "-" and eight digits stays within the limit.
            text.Length = maxLength - 9;
            changed = true;
        }

        if (text.Length == 0)
        {
            text.Append('_');
        }

        if (!changed && IsReservedDeviceName(text.ToString()))
        {
            changed = true;
        }

        return changed ? text.Append('-').Append(Hash(key)).ToString() : text.ToString();
    }

    /// <summary>
    /// Groups of base names that differ only in letter case: one file on Windows and macOS. Report them as a
    /// configuration error (keys that differ only in case name different rows but would share a snapshot).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindCaseCollisions(IEnumerable<string> baseNames) =>
        baseNames.Distinct(StringComparer.Ordinal)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<string>)g.OrderBy(n => n, StringComparer.Ordinal).ToArray())
            .ToArray();

    /// <summary>
    /// The base name of a snapshot file (<c>A.B.verified.txt</c> is <c>A.B</c>), and whether it is a verified
    /// or received file; false for any other file.
    /// </summary>
    public static bool TryParseFileName(string fileName, out string baseName, out bool verified, out string extension)
    {
        foreach ((string marker, bool isVerified) in new[] { (VerifiedMarker, true), (ReceivedMarker, false) })
        {
            int at = fileName.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                string ext = fileName[(at + marker.Length)..];
                if (ext is TextExtension or JsonExtension)
                {
                    baseName = fileName[..at];
                    verified = isVerified;
                    extension = ext;
                    return true;
                }
            }
        }

        baseName = string.Empty;
        verified = false;
        extension = string.Empty;
        return false;
    }

    /// <summary>Source file names are already valid file names; only the snapshot markers must not appear in them.</summary>
    private static string EncodeSourceFileName(string file) =>
        file.Contains(VerifiedMarker, StringComparison.OrdinalIgnoreCase) || file.Contains(ReceivedMarker, StringComparison.OrdinalIgnoreCase)
            ? EncodeKey(file)
            : file;

    private static bool IsKept(Rune rune) =>
        rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '_' or '-');

    /// <summary><c>é</c> is <c>e</c>, <c>Å</c> is <c>A</c>; null for anything without an ASCII base letter.</summary>
    private static char? BaseLetter(Rune rune)
    {
        if (!Rune.IsLetter(rune))
        {
            return null;
        }

        string decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        char first = decomposed[0];
        return char.IsAsciiLetter(first) ? first : null;
    }

    private static bool IsReservedDeviceName(string segment) =>
        ReservedDeviceNames.Contains(segment, StringComparer.OrdinalIgnoreCase);

    private static string Hash(string key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(hash, 0, 4).ToLower(CultureInfo.InvariantCulture);
    }
}
