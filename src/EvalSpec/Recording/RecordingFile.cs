using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EvalSpec.Secrets;

namespace EvalSpec.Recording;

/// <summary>
/// The recordings file of one eval class, <c>&lt;Suite&gt;.recordings.json</c> (<see cref="RecordingFileContent"/>, serialized
/// through <see cref="RecordingsJsonContext"/>): indented JSON (LF, UTF-8 without BOM, non-ASCII text unescaped), entries
/// sorted by context, client, hash and occurrence, nothing that changes between identical runs. Written atomically
/// (temporary file, then a rename: <see cref="Persistence.AtomicFile"/>) under a lock that other test processes respect
/// (<see cref="Persistence.CrossProcessFileLock"/>). Secrets in requests and answers are redacted
/// (<see cref="SecretRedactor"/>): a replay gets the marker where the model's answer held one.
/// </summary>
internal static class RecordingFile
{
    /// <summary>The version of the file format (see <see cref="Persistence.CommittedFileFormats.Recordings"/>).</summary>
    public const int Format = 1;

    /// <summary>How a recordings file's name ends.</summary>
    public const string Extension = ".recordings.json";

    /// <summary>
    /// The property naming the test assembly that last wrote the file (an optional field of format 1): only that assembly's
    /// list of rows can tell which of the file's rows are gone.
    /// </summary>
    public const string AssemblyProperty = "assembly";

    /// <summary>The property of a journal line naming the version of the file's entry its answer was recorded over.</summary>
    public const string BaseProperty = "base";

    /// <summary>The file name of <paramref name="suite"/>'s recordings (characters that cannot be in a file name become <c>_</c>).</summary>
    public static string FileName(string suite)
    {
        char[] invalid = Path.GetInvalidFileNameChars();
        var name = new StringBuilder(suite.Length + Extension.Length);
        foreach (char c in suite)
        {
            name.Append(Array.IndexOf(invalid, c) >= 0 ? '_' : c);
        }

        return name.Append(Extension).ToString();
    }

    /// <summary>The entries of the file at <paramref name="path"/>; none when it does not exist.</summary>
    /// <exception cref="EvalConfigurationException">The file is not a recordings file this version can read.</exception>
    public static List<RecordingEntry> Read(string path) => Parse(path, ReadBytes(path), out _);

    /// <summary>The entries of the file at <paramref name="path"/> (none when it does not exist), and the test assembly it says records into it.</summary>
    /// <exception cref="EvalConfigurationException">The file is not a recordings file this version can read.</exception>
    public static List<RecordingEntry> Read(string path, out string? assembly) => Parse(path, ReadBytes(path), out assembly);

    /// <summary>The bytes of the file at <paramref name="path"/>; null when it does not exist.</summary>
    private static byte[]? ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The entries of a file's <paramref name="bytes"/> (none when null: no file), and its <c>assembly</c> (null when it has none).</summary>
    private static List<RecordingEntry> Parse(string path, byte[]? bytes, out string? assembly)
    {
        assembly = null;
        if (bytes is null)
        {
            return new List<RecordingEntry>();
        }

        RecordingFileContent content;
        try
        {
            content = JsonSerializer.Deserialize(bytes, RecordingsJson.Line.RecordingFileContent) ?? throw Invalid(path, $"it does not say \"format\": {Format}");
        }
        catch (JsonException ex)
        {
            // A newer format may lay out its entries differently: that, not what failed to parse, is what the reader must hear.
            if (NewerFormatProblem(bytes) is { } newer)
            {
                throw Newer(path, newer);
            }

            throw Invalid(path, ex.Message, ex);
        }

        if (content.Format is not { } number)
        {
            throw Invalid(path, $"it does not say \"format\": {Format}");
        }

        if (Persistence.CommittedFileFormats.Recordings.Problem(number) is { } problem)
        {
            throw Newer(path, problem);
        }

        if (content.Entries is not { } entries)
        {
            throw Invalid(path, "it has no \"entries\" array");
        }

        if (content.Assembly is { Length: 0 })
        {
            throw Invalid(path, $"its \"{AssemblyProperty}\" is not the name of a test assembly");
        }

        assembly = content.Assembly;
        var positions = new Dictionary<RecordingEntryId, int>();
        for (int index = 0; index < entries.Count; index++)
        {
            RecordingEntry entry = Checked(path, entries[index], index);
            if (positions.TryGetValue(entry.Id, out int first))
            {
                throw Duplicate(path, bytes, entry, first, index);
            }

            positions.Add(entry.Id, index);
        }

        return entries;
    }

    /// <summary>The problem with the format of a file whose content could not be read, when it says it is of a format this EvalSpec cannot read.</summary>
    private static string? NewerFormatProblem(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, RecordingsJson.Line.RecordingFileHeader)?.Format is { } number
                ? Persistence.CommittedFileFormats.Recordings.Problem(number)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The eval class a recordings file says it is for (its <c>suite</c>) and the test assembly it says records into it (its
    /// <c>assembly</c>, null when it has none); null when it does not read as a recordings file. Its entries are not read.
    /// </summary>
    public static (string Suite, string? Assembly)? ReadHeader(string path)
    {
        try
        {
            RecordingFileHeader? header = JsonSerializer.Deserialize(File.ReadAllBytes(path), RecordingsJson.Line.RecordingFileHeader);
            return header?.Suite is { } suite ? (suite, string.IsNullOrEmpty(header.Assembly) ? null : header.Assembly) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The file's bytes for <paramref name="entries"/>, in the canonical order.</summary>
    /// <param name="suite">The eval class.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="assembly">The test assembly that records into the file (written as <c>assembly</c>), or null for none.</param>
    public static byte[] Serialize(string suite, IEnumerable<RecordingEntry> entries, string? assembly = null)
    {
        var content = new RecordingFileContent
        {
            Format = Format,
            Suite = suite,
            Assembly = assembly,
            Entries = entries
                .OrderBy(e => e.Context, StringComparer.Ordinal)
                .ThenBy(e => e.Client, StringComparer.Ordinal)
                .ThenBy(e => e.Hash, StringComparer.Ordinal)
                .ThenBy(e => e.Occurrence)
                .ToList(),
        };
        string text = Redacted(content, RecordingsJson.File.RecordingFileContent);
#if !NET9_0_OR_GREATER
        // Before .NET 9 the indented writer uses the platform's line ending; JSON strings never hold a raw line break.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
#endif
        return Encoding.UTF8.GetBytes(text + "\n");
    }

    /// <summary>
    /// Under the file's lock: reads the file, lets <paramref name="change"/> edit what it holds, and writes the result if it
    /// differs from the file. Entries another process wrote in the meantime are kept (they are on disk).
    /// </summary>
    /// <param name="path">The recordings file.</param>
    /// <param name="suite">The eval class the file is for.</param>
    /// <param name="change">Edits the file as read: its entries, the assembly it names, whether it is deleted when left empty.</param>
    /// <returns>Whether the file was written (or deleted).</returns>
    public static bool Update(string path, string suite, Action<RecordingFileEdit> change)
    {
        using IDisposable fileLock = Persistence.CrossProcessFileLock.Acquire(path);
        DateTime lastWrite = File.GetLastWriteTimeUtc(path);
        byte[]? bytes = ReadBytes(path);
        List<RecordingEntry> read = Parse(path, bytes, out string? assembly);
        var edit = new RecordingFileEdit(read, bytes is not null, lastWrite, assembly);
        change(edit);
        Dictionary<RecordingEntryId, RecordingEntry> entries = edit.Entries;
        if (entries.Count == 0 && (edit.DeleteWhenEmpty || bytes is null))
        {
            if (bytes is null)
            {
                return false;
            }

            File.Delete(path);
            return true;
        }

        byte[] content = Serialize(suite, entries.Values, suite == RecordingContext.SharedSuite ? assembly : edit.Assembly);
        if (bytes is not null && bytes.AsSpan().SequenceEqual(content))
        {
            return false;
        }

        Persistence.AtomicFile.Write(path, content);
        return true;
    }

    /// <summary>
    /// One entry as a line of compact JSON (with its suite, for journals), ending in a line feed: the same properties as in
    /// the file, so that two entries with the same line record the same thing.
    /// </summary>
    /// <param name="suite">The eval class of the entry.</param>
    /// <param name="entry">The recorded answer.</param>
    /// <param name="baseVersion">
    /// The <see cref="VersionOf"/> of the file's entry under the same key when the run read the file, or null when it had
    /// none: a journal left behind is applied only where the file still holds that (<see cref="RecordingMerge.Recover"/>).
    /// </param>
    public static byte[] JournalLine(string suite, RecordingEntry entry, string? baseVersion) =>
        JournalLine(new RecordingJournalLine { Suite = suite, Base = RecordingJournal.EntryBase.WhenRead(baseVersion), Entry = entry });

    /// <summary>
    /// A journal line that does not say what the file held under its key (as journals written before lines carried a
    /// <c>base</c>): recovery writes it only where the file has no entry under that key, holds the same answer, or was last
    /// changed before the journal was (<see cref="RecordingMerge.Recover"/>).
    /// </summary>
    public static byte[] JournalLine(string suite, RecordingEntry entry) => JournalLine(new RecordingJournalLine { Suite = suite, Entry = entry });

    /// <summary>
    /// A journal line as compact JSON ending in a line feed, redacted like the file: a journal left by a killed run stays on
    /// disk until the next run.
    /// </summary>
    public static byte[] JournalLine(RecordingJournalLine line) => Encoding.UTF8.GetBytes(Redacted(line, RecordingsJson.Line.RecordingJournalLine) + "\n");

    /// <summary>
    /// A short fingerprint of everything an entry records (key, client, kind, unusable flag, request and response), the same
    /// for an entry however its file is indented: a journal line names the version of the file's entry it replaces.
    /// </summary>
    public static string VersionOf(RecordingEntry entry) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(entry, RecordingsJson.Version.RecordingEntry)), 0, 16).ToLowerInvariant();

    /// <summary>
    /// An entry as read from a file or a journal line (<paramref name="index"/> names it in errors), once it is known to have
    /// what a replay needs: the serializer has already refused one that lacks a required property.
    /// </summary>
    /// <exception cref="EvalConfigurationException">The entry is null, or has a null string or a negative occurrence.</exception>
    internal static RecordingEntry Checked(string path, RecordingEntry? entry, int index)
    {
        if (entry is null)
        {
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"entry {index} is not an object"));
        }

        foreach ((string name, string? value) in new[] { ("context", entry.Context), ("client", entry.Client), ("kind", entry.Kind), ("hash", entry.Hash) })
        {
            if (value is null)
            {
                throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"entry {index} has no \"{name}\" string"));
            }
        }

        if (entry.Occurrence < 0)
        {
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"entry {index} has no \"occurrence\" number"));
        }

        return entry;
    }

    /// <summary>The JSON of <paramref name="value"/> with its secrets redacted.</summary>
    private static string Redacted<T>(T value, JsonTypeInfo<T> typeInfo) =>
        SecretRedactor.Default.Redact(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo)));

    /// <summary>
    /// Two entries with one key (a hand merge or a rebase that kept both sides): which one a replay would use is
    /// arbitrary, so the file is refused, naming the key and where both entries are.
    /// </summary>
    private static EvalConfigurationException Duplicate(string path, byte[] bytes, RecordingEntry entry, int first, int second)
    {
        int[] lines = EntryLines(bytes);
        string Where(int index) => index < lines.Length
            ? string.Create(CultureInfo.InvariantCulture, $"entry {index} (line {lines[index]})")
            : string.Create(CultureInfo.InvariantCulture, $"entry {index}");
        return Invalid(
            path,
            $"{Where(first)} and {Where(second)} have the same key: context {entry.Context}, request {(entry.Hash.Length > 16 ? entry.Hash[..16] : entry.Hash)} (hash {entry.Hash}), occurrence {entry.Occurrence}. "
            + "A replay would have to pick one of two recorded answers (a hand merge or a rebase kept both); keep the one you mean and delete the other");
    }

    /// <summary>The line (counting from 1) on which each element of the <c>entries</c> array starts.</summary>
    private static int[] EntryLines(byte[] bytes)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        bool inEntries = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inEntries = reader.ValueTextEquals("entries");
            }
            else if (inEntries && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                int offset = (int)reader.TokenStartIndex;
                lines.Add(bytes.AsSpan(0, offset).Count((byte)'\n') + 1);
                reader.Skip();
            }
        }

        return lines.ToArray();
    }

    /// <summary>Not "delete it": the file is fine, this EvalSpec is too old for it.</summary>
    private static EvalConfigurationException Newer(string path, string problem) => new($"The recordings file {path} cannot be read: {problem}.");

    private static EvalConfigurationException Invalid(string path, string reason, Exception? inner = null)
    {
        string message = $"The recordings file {path} cannot be read: {reason}. Fix it (e.g. resolve a merge conflict) or delete it and record again with EVALSPEC_RECORDING=record dotnet test.";
        return inner is null ? new EvalConfigurationException(message) : new EvalConfigurationException(message, inner);
    }
}
