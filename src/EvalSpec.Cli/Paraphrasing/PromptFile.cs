using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EvalSpec.Prompts;

namespace EvalSpec.Cli.Paraphrasing;

/// <summary>
/// A <c>.prompts</c> file as it is on disk: its exact bytes (kept, so appending never rewrites a line of it) and
/// its entries, read by the same parser the source generator uses.
/// </summary>
internal sealed class PromptFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _bytes;

    private PromptFile(string path, bool exists, byte[] bytes, IReadOnlyList<PromptFileEntry> entries)
    {
        Path = path;
        Exists = exists;
        _bytes = bytes;
        Entries = entries;
    }

    /// <summary>The full path.</summary>
    public string Path { get; }

    /// <summary>Whether the file exists (a missing file is created by <see cref="Append"/>).</summary>
    public bool Exists { get; }

    /// <summary>The <c>key: template</c> entries, in file order.</summary>
    public IReadOnlyList<PromptFileEntry> Entries { get; }

    /// <summary>Reads <paramref name="path"/>; a missing file has no entries.</summary>
    /// <exception cref="CliInputException">The folder is missing, or the file is not UTF-8 or has lines the generator would reject.</exception>
    public static PromptFile Load(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!PromptFileParser.IsPromptFile(fullPath))
        {
            throw new CliInputException($"--file {path}: the generator reads only files ending in {PromptFileParser.Extension}; name the file <name>{PromptFileParser.Extension}.");
        }

        if (Directory.Exists(fullPath))
        {
            throw new CliInputException($"--file {path} is a folder; give the path of a {PromptFileParser.Extension} file.");
        }

        if (!File.Exists(fullPath))
        {
            string? folder = System.IO.Path.GetDirectoryName(fullPath);
            if (folder is null || !Directory.Exists(folder))
            {
                throw new CliInputException($"--file {path}: the folder {folder} does not exist; create it or correct the path (the file itself is created when missing).");
            }

            return new PromptFile(fullPath, exists: false, Array.Empty<byte>(), Array.Empty<PromptFileEntry>());
        }

        byte[] bytes = File.ReadAllBytes(fullPath);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CliInputException($"--file {path} is not UTF-8 text ({ex.Message}); save it as UTF-8.", ex);
        }

        PromptFileLines spec = PromptFileParser.Parse(text.TrimStart('\uFEFF'));
        if (spec.Errors.Count > 0)
        {
            string lines = string.Join(Environment.NewLine, spec.Errors.Select(e => $"  {path}({e.Line.ToString(CultureInfo.InvariantCulture)}): {e.Message}"));
            throw new CliInputException($"--file {path} has lines the source generator rejects; fix them before adding paraphrases:{Environment.NewLine}{lines}");
        }

        return new PromptFile(fullPath, exists: true, bytes, spec.Entries.ToArray());
    }

    /// <summary>The entry with this key, or null.</summary>
    public PromptFileEntry? Find(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>
    /// The highest N of the keys <c>{baseKey}-pN</c> in the file (0 when there is none): new paraphrases are numbered
    /// after it, so no existing key is ever renumbered, even when some in between were deleted by a reviewer.
    /// </summary>
    public int HighestParaphraseNumber(string baseKey)
    {
        string prefix = baseKey + "-p";
        int highest = 0;
        foreach (PromptFileEntry entry in Entries)
        {
            if (entry.Key.StartsWith(prefix, StringComparison.Ordinal)
                && entry.Key.Length > prefix.Length
                && entry.Key.Skip(prefix.Length).All(char.IsAsciiDigit)
                && int.TryParse(entry.Key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                highest = Math.Max(highest, number);
            }
        }

        return highest;
    }

    /// <summary>
    /// The text appended for <paramref name="lines"/>: a blank line when the file has content, then the lines, each
    /// ending in LF. A file that does not end in a line break gets one first, so its last line stays as it was.
    /// </summary>
    public string TextToAppend(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        if (_bytes.Length > 0)
        {
            if (_bytes[^1] != (byte)'\n')
            {
                text.Append('\n');
            }

            text.Append('\n');
        }

        foreach (string line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the file's bytes as read followed by <paramref name="text"/> (UTF-8), through a temporary file, so the
    /// file is either as it was or complete.
    /// </summary>
    public void Append(string text)
    {
        byte[] appended = StrictUtf8.GetBytes(text);
        string temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(_bytes);
            stream.Write(appended);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
