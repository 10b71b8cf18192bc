using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalSpec.Secrets;

namespace EvalSpec.Recording;

/// <summary>
/// The recordings file of one eval class, <c>&lt;Suite&gt;.recordings.json</c>: indented JSON (LF, UTF-8 without BOM,
/// non-ASCII text unescaped), entries sorted by context, client, hash and occurrence, nothing that changes between identical
/// runs. Written atomically (temporary file, then a rename: <see cref="Persistence.AtomicFile"/>) under a lock that other test
/// processes respect (<see cref="Persistence.CrossProcessFileLock"/>). Secrets in requests and answers are
/// redacted (<see cref="SecretRedactor"/>): a replay gets the marker where the model's answer held one.
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

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

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

        try
        {
            JsonElement root;
            using (JsonDocument document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow }))
            {
                // One copy of the whole document that outlives it, rather than one per request and response.
                root = document.RootElement.Clone();
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out int number))
            {
                throw Invalid(path, $"it does not say \"format\": {Format}");
            }

            if (Persistence.CommittedFileFormats.Recordings.Problem(number) is { } problem)
            {
                // Not "delete it": the file is fine, this EvalSpec is too old for it.
                throw new EvalConfigurationException($"The recordings file {path} cannot be read: {problem}.");
            }

            if (!root.TryGetProperty("entries", out JsonElement entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(path, "it has no \"entries\" array");
            }

            if (root.TryGetProperty(AssemblyProperty, out JsonElement owner))
            {
                assembly = owner.ValueKind == JsonValueKind.String && owner.GetString() is { Length: > 0 } name
                    ? name
                    : throw Invalid(path, $"its \"{AssemblyProperty}\" is not the name of a test assembly");
            }

            var result = new List<RecordingEntry>(entries.GetArrayLength());
            var positions = new Dictionary<RecordingEntryId, int>();
            int index = 0;
            foreach (JsonElement element in entries.EnumerateArray())
            {
                RecordingEntry entry = ReadEntry(path, element, index, clone: false);
                if (positions.TryGetValue(entry.Id, out int first))
                {
                    throw Duplicate(path, bytes, entry, first, index);
                }

                positions.Add(entry.Id, index++);
                result.Add(entry);
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw Invalid(path, ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw Invalid(path, ex.Message, ex);
        }
        catch (FormatException ex)
        {
            throw Invalid(path, ex.Message, ex);
        }
    }

    /// <summary>The eval class a recordings file says it is for (its <c>suite</c>), or null when it does not read as one.</summary>
    public static string? ReadSuite(string path) => ReadHeader(path)?.Suite;

    /// <summary>
    /// The eval class a recordings file says it is for (its <c>suite</c>) and the test assembly it says records into it (its
    /// <c>assembly</c>, null when it has none); null when it does not read as a recordings file.
    /// </summary>
    public static (string Suite, string? Assembly)? ReadHeader(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("suite", out JsonElement suite) || suite.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string? assembly = root.TryGetProperty(AssemblyProperty, out JsonElement owner) && owner.ValueKind == JsonValueKind.String ? owner.GetString() : null;
            return (suite.GetString()!, string.IsNullOrEmpty(assembly) ? null : assembly);
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
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Format);
            writer.WriteString("suite", suite);
            if (assembly is not null)
            {
                writer.WriteString(AssemblyProperty, assembly);
            }

            writer.WriteStartArray("entries");
            foreach (RecordingEntry entry in entries
                .OrderBy(e => e.Context, StringComparer.Ordinal)
                .ThenBy(e => e.Client, StringComparer.Ordinal)
                .ThenBy(e => e.Hash, StringComparer.Ordinal)
                .ThenBy(e => e.Occurrence))
            {
                WriteEntry(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        string text = SecretRedactor.Default.Redact(Encoding.UTF8.GetString(buffer.WrittenSpan));
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
    public static byte[] JournalLine(string suite, RecordingEntry entry, string? baseVersion) => JournalLine(suite, entry, knownBase: true, baseVersion);

    /// <summary>
    /// A journal line that does not say what the file held under its key (as journals written before lines carried a
    /// <c>base</c>): recovery writes it only where the file has no entry under that key, holds the same answer, or was last
    /// changed before the journal was (<see cref="RecordingMerge.Recover"/>).
    /// </summary>
    public static byte[] JournalLine(string suite, RecordingEntry entry) => JournalLine(suite, entry, knownBase: false, null);

    private static byte[] JournalLine(string suite, RecordingEntry entry, bool knownBase, string? baseVersion)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("suite", suite);
            if (knownBase)
            {
                WriteBase(writer, baseVersion);
            }

            writer.WritePropertyName("entry");
            WriteEntry(writer, entry, readable: false);
            writer.WriteEndObject();
        }

        // Redacted like the file: a journal left by a killed run stays on disk until the next run.
        return Encoding.UTF8.GetBytes(SecretRedactor.Default.Redact(Encoding.UTF8.GetString(buffer.WrittenSpan)) + "\n");
    }

    /// <summary>Writes a journal line's <c>base</c>: the version of the file's entry the line's answer was recorded over, or null for none.</summary>
    internal static void WriteBase(Utf8JsonWriter writer, string? baseVersion)
    {
        if (baseVersion is null)
        {
            writer.WriteNull(BaseProperty);
        }
        else
        {
            writer.WriteString(BaseProperty, baseVersion);
        }
    }

    /// <summary>
    /// A short fingerprint of everything an entry records (key, client, kind, unusable flag, request and response), the same
    /// for an entry however its file is indented: a journal line names the version of the file's entry it replaces.
    /// </summary>
    public static string VersionOf(RecordingEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteEntry(writer, entry, readable: false);
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan), 0, 16).ToLowerInvariant();
    }

    /// <summary>Writes <paramref name="content"/> to a temporary file next to <paramref name="path"/> and renames it over the file, unless the file already holds exactly that.</summary>
    internal static bool WriteIfChanged(string path, byte[] content) => Persistence.AtomicFile.WriteIfChanged(path, content);

    /// <summary>
    /// Writes one entry: context, client, kind, hash, occurrence, unusable (when set), request and response; the last two
    /// laid out for people (<paramref name="readable"/>: vectors on one line) or copied as they are (a journal line).
    /// </summary>
    internal static void WriteEntry(Utf8JsonWriter writer, RecordingEntry entry, bool readable = true)
    {
        writer.WriteStartObject();
        writer.WriteString("context", entry.Context);
        writer.WriteString("client", entry.Client);
        writer.WriteString("kind", entry.Kind);
        writer.WriteString("hash", entry.Hash);
        writer.WriteNumber("occurrence", entry.Occurrence);
        if (entry.Unusable is not null)
        {
            writer.WriteString("unusable", entry.Unusable);
        }

        writer.WritePropertyName("request");
        WriteValue(writer, entry.Request, readable);
        writer.WritePropertyName("response");
        WriteValue(writer, entry.Response, readable);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads one entry (of a file or a journal); <paramref name="index"/> names it in errors. <paramref name="clone"/>: copy its
    /// request and response out of a document that is disposed afterwards.
    /// </summary>
    internal static RecordingEntry ReadEntry(string path, JsonElement entry, int index, bool clone = true)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"entry {index} is not an object");
        }

        string Text(string name) =>
            entry.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw Invalid(path, $"entry {index} has no \"{name}\" string");

        if (!entry.TryGetProperty("occurrence", out JsonElement occurrence) || occurrence.ValueKind != JsonValueKind.Number || !occurrence.TryGetInt32(out int n) || n < 0)
        {
            throw Invalid(path, $"entry {index} has no \"occurrence\" number");
        }

        if (!entry.TryGetProperty("response", out JsonElement response))
        {
            throw Invalid(path, $"entry {index} has no \"response\"");
        }

        string? unusable = null;
        if (entry.TryGetProperty("unusable", out JsonElement reason))
        {
            unusable = reason.ValueKind == JsonValueKind.String ? reason.GetString() : throw Invalid(path, $"entry {index} has an \"unusable\" that is not a string");
        }

        JsonElement request = entry.TryGetProperty("request", out JsonElement r) ? (clone ? r.Clone() : r) : default;
        return new RecordingEntry(Text("context"), Text("client"), Text("kind"), Text("hash"), n, request, clone ? response.Clone() : response) { Unusable = unusable };
    }

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

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, bool readable)
    {
        if (readable)
        {
            WriteReadable(writer, value);
        }
        else if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>Writes <paramref name="value"/> indented, except that an array of numbers (an embedding vector) stays on one line.</summary>
    private static void WriteReadable(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                writer.WriteNullValue();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteReadable(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0 && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Number):
                writer.WriteRawValue("[" + string.Join(",", value.EnumerateArray().Select(item => item.GetRawText())) + "]", skipInputValidation: true);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    WriteReadable(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static EvalConfigurationException Invalid(string path, string reason, Exception? inner = null)
    {
        string message = $"The recordings file {path} cannot be read: {reason}. Fix it (e.g. resolve a merge conflict) or delete it and record again with EVALSPEC_RECORDING=record dotnet test.";
        return inner is null ? new EvalConfigurationException(message) : new EvalConfigurationException(message, inner);
    }
}
