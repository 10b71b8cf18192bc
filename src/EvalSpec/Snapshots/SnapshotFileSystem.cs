using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Snapshots;

/// <summary>
/// File operations of the snapshot store. Rows verify snapshots concurrently: every write goes to a temporary file
/// that then replaces the target in one move, so a reader (or a run after a crash) sees the old or the new file, never half of one; writes
/// and deletes of one path are serialised within the process; brief sharing violations (Windows, a reader holding
/// the file) are retried.
/// </summary>
internal static class SnapshotFileSystem
{
    private const int Attempts = 5;
    private static readonly object[] Stripes = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    /// <summary>
    /// Reads a verified file: its text (a UTF-8 byte order mark is dropped; a missing final newline is added), or why it
    /// cannot be used.
    /// </summary>
    public static async Task<(string? Text, string? Problem)> ReadVerifiedAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return (null, null);
        }
        catch (DirectoryNotFoundException)
        {
            return (null, null);
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string text;
        try
        {
            text = SnapshotText.Utf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (ArgumentException)
        {
            return (null, $"The verified snapshot {path} is not valid UTF-8. Save it as UTF-8 (without a byte order mark), or delete it and accept the snapshot again.");
        }

        if (text.Contains('\r', StringComparison.Ordinal))
        {
            return (null, $"The verified snapshot {path} contains carriage returns (CR, \\r): snapshot files use LF line endings only. "
                + "Convert it to LF (dos2unix, or your editor's line-ending setting), and add `*.verified.* text eol=lf` to .gitattributes so that git "
                + "does not check it out with CRLF again (then `git add --renormalize .`). Accepting the snapshot again (EVALSPEC_SNAPSHOTS=accept) also rewrites it with LF.");
        }

        // Editors and hand edits often drop the final newline that every snapshot file ends with; the content is the
        // same, so it is compared as if the newline were there.
        return (text.EndsWith('\n') ? text : text + "\n", null);
    }

    /// <summary>
    /// Writes UTF-8 without a byte order mark, replacing the file in one move (<see cref="Persistence.AtomicFile"/>: the
    /// temporary name has neither snapshot marker, so a leftover from a crash is never taken for a snapshot, and the next
    /// write into the folder deletes it).
    /// </summary>
    public static void WriteAtomic(string path, string content)
    {
        byte[] bytes = SnapshotText.Utf8.GetBytes(content);
        lock (StripeFor(path))
        {
            Retry(() => Persistence.AtomicFile.Write(path, bytes));
        }
    }

    /// <summary>Moves <paramref name="source"/> over <paramref name="target"/>.</summary>
    public static void Replace(string source, string target)
    {
        lock (StripeFor(target))
        {
            Retry(() => File.Move(source, target, overwrite: true));
        }
    }

    public static void DeleteIfExists(string path)
    {
        lock (StripeFor(path))
        {
            Retry(() =>
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            });
        }
    }

    private static object StripeFor(string path) =>
        Stripes[(StringComparer.OrdinalIgnoreCase.GetHashCode(Path.GetFullPath(path)) & int.MaxValue) % Stripes.Length];

    private static void Retry(Action action)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                action();
                return;
            }
            catch (Exception ex) when (attempt < Attempts && ex is IOException or UnauthorizedAccessException && ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                Thread.Sleep(10 * attempt);
            }
        }
    }
}
