using System;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography;

namespace EvalSpec.Persistence;

/// <summary>
/// Writes committed files (recordings, the baseline, verified snapshots) so that a reader, or a process killed at any
/// moment, sees either the old file or the complete new one: the content goes to a temporary file beside the target,
/// is flushed to disk, and then replaces the target in one rename.
/// </summary>
/// <remarks>
/// <para>
/// A temporary file is named <c>.&lt;file name with _ for .&gt;.&lt;random&gt;.evalspec.tmp</c>: hidden, without the
/// <c>.verified.</c>, <c>.received.</c> or <c>.recordings.json</c> markers, so nothing ever takes a leftover for a
/// committed file.
/// </para>
/// <para>
/// A process killed between writing and renaming leaves its temporary file behind. The first write into a folder in each
/// process deletes such leftovers: a temporary file is a leftover when no process has it open, which is tested by opening
/// it exclusively (a writer keeps it open, shared, until it is complete). So a crashed run's debris is gone after the next
/// run that writes there, and a concurrent writer's file is never taken.
/// </para>
/// </remarks>
internal static class AtomicFile
{
    /// <summary>The suffix of every temporary file.</summary>
    public const string TemporarySuffix = ".evalspec.tmp";

    private const int Attempts = 5;

    private static readonly ConcurrentDictionary<string, bool> SweptFolders = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> (creating its folder), unless it already holds exactly that.</summary>
    /// <returns>Whether the file was written.</returns>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        Write(path, content);
        return true;
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> in one rename, creating its folder.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        SweepOnce(directory);
        for (int attempt = 1; ; attempt++)
        {
            string temporary = TemporaryPathFor(full);
            try
            {
                // Open shared (not exclusively) while it is written: the sweep of another process then knows it is in use.
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Delete, bufferSize: 1))
                {
                    stream.Write(content);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, full, overwrite: true);
                return;
            }
            catch (FileNotFoundException) when (attempt < Attempts)
            {
                // Another process's sweep took the closed temporary file for a leftover in the instant before the rename.
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }
    }

    /// <summary>Fails unless a file can be created in <paramref name="directory"/> (creating the folder); writes nothing that stays.</summary>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static void EnsureWritable(string directory)
    {
        Directory.CreateDirectory(directory);
        string probe = TemporaryPathFor(Path.Combine(Path.GetFullPath(directory), "probe"));
        File.WriteAllBytes(probe, Array.Empty<byte>());
        File.Delete(probe);
    }

    /// <summary>Deletes the temporary files in <paramref name="directory"/> that no process has open (left by a killed process).</summary>
    /// <returns>The deleted files.</returns>
    public static string[] DeleteAbandoned(string directory)
    {
        var deleted = new System.Collections.Generic.List<string>();
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, ".*" + TemporarySuffix);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }

        foreach (string candidate in candidates)
        {
            try
            {
                // Exclusive: fails while a writer has the file open (flock on Unix, sharing on Windows).
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1))
                {
                }

                File.Delete(candidate);
                deleted.Add(candidate);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // In use by a writer, already gone, or not ours to delete: leave it.
            }
        }

        return deleted.ToArray();
    }

    /// <summary>A new temporary file name beside <paramref name="fullPath"/>.</summary>
    internal static string TemporaryPathFor(string fullPath) =>
        Path.Combine(
            Path.GetDirectoryName(fullPath)!,
            "." + Path.GetFileName(fullPath).Replace('.', '_') + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant() + TemporarySuffix);

    private static void SweepOnce(string directory)
    {
        if (SweptFolders.TryAdd(directory, true))
        {
            DeleteAbandoned(directory);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
