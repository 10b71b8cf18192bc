using System;
using System.Buffers;
using System.Collections.Generic;
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

    private const string Extension = ".recordings.json";

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
    public static List<RecordingEntry> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new List<RecordingEntry>();
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            JsonElement root = document.RootElement;
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

            var result = new List<RecordingEntry>(entries.GetArrayLength());
            int index = 0;
            foreach (JsonElement entry in entries.EnumerateArray())
            {
                result.Add(ReadEntry(path, entry, index++));
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

    /// <summary>The file's bytes for <paramref name="entries"/>, in the canonical order.</summary>
    public static byte[] Serialize(string suite, IEnumerable<RecordingEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Format);
            writer.WriteString("suite", suite);
            writer.WriteStartArray("entries");
            foreach (RecordingEntry entry in entries
                .OrderBy(e => e.Context, StringComparer.Ordinal)
                .ThenBy(e => e.Client, StringComparer.Ordinal)
                .ThenBy(e => e.Hash, StringComparer.Ordinal)
                .ThenBy(e => e.Occurrence))
            {
                writer.WriteStartObject();
                writer.WriteString("context", entry.Context);
                writer.WriteString("client", entry.Client);
                writer.WriteString("kind", entry.Kind);
                writer.WriteString("hash", entry.Hash);
                writer.WriteNumber("occurrence", entry.Occurrence);
                writer.WritePropertyName("request");
                WriteReadable(writer, entry.Request);
                writer.WritePropertyName("response");
                WriteReadable(writer, entry.Response);
                writer.WriteEndObject();
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
    /// Under the file's lock: reads the entries on disk, lets <paramref name="change"/> update them, and writes the result
    /// if it differs from the file. Entries another process wrote in the meantime are kept (they are on disk).
    /// </summary>
    /// <returns>Whether the file was written.</returns>
    public static bool Update(string path, string suite, Action<Dictionary<RecordingEntryId, RecordingEntry>> change)
    {
        using IDisposable fileLock = Persistence.CrossProcessFileLock.Acquire(path);
        var entries = new Dictionary<RecordingEntryId, RecordingEntry>();
        foreach (RecordingEntry entry in Read(path))
        {
            entries[entry.Id] = entry;
        }

        change(entries);
        if (entries.Count == 0 && !File.Exists(path))
        {
            return false;
        }

        return WriteIfChanged(path, Serialize(suite, entries.Values));
    }

    /// <summary>Writes <paramref name="content"/> to a temporary file next to <paramref name="path"/> and renames it over the file, unless the file already holds exactly that.</summary>
    internal static bool WriteIfChanged(string path, byte[] content) => Persistence.AtomicFile.WriteIfChanged(path, content);

    private static RecordingEntry ReadEntry(string path, JsonElement entry, int index)
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

        JsonElement request = entry.TryGetProperty("request", out JsonElement r) ? r.Clone() : default;
        return new RecordingEntry(Text("context"), Text("client"), Text("kind"), Text("hash"), n, request, response.Clone());
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
