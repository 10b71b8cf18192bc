using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace EvalSpec.Persistence;

/// <summary>
/// An exclusive lock on a committed file (recordings, the baseline) that other processes respect: two test runs of one
/// project (two filtered runs, two target frameworks) and the <c>evalspec</c> tool take turns to read, merge and write it.
/// </summary>
/// <remarks>
/// The lock is an open lock file in the temporary folder, not next to the file (that folder is committed), named by a
/// hash of the file's full path. The operating system releases it when the process ends, even when it is killed, so a
/// crashed run never leaves a lock behind. The lock file itself is left in place: deleting it would let a waiting process
/// lock a file that a third process then recreates and locks as well.
/// </remarks>
internal static class CrossProcessFileLock
{
    /// <summary>How long <see cref="Acquire(string)"/> waits for another process that holds the lock.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits up to <see cref="DefaultTimeout"/> for the lock on <paramref name="path"/>; dispose the result to release it.</summary>
    /// <exception cref="IOException">Another process held the lock for the whole timeout.</exception>
    public static IDisposable Acquire(string path) => Acquire(path, DefaultTimeout);

    /// <summary>Waits up to <paramref name="timeout"/> for the lock on <paramref name="path"/>; dispose the result to release it.</summary>
    /// <exception cref="IOException">Another process held the lock for the whole timeout.</exception>
    public static IDisposable Acquire(string path, TimeSpan timeout)
    {
        string full = Path.GetFullPath(path);
        string lockPath = LockPathFor(full);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock between processes: a sharing violation on Windows, flock(LOCK_EX) on Unix.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException ex) when (ex is not DirectoryNotFoundException)
            {
                if (waited.Elapsed > timeout)
                {
                    throw new IOException(
                        $"EvalSpec could not write {full}: another process has held its lock ({lockPath}) for {timeout.TotalSeconds:0} s. "
                        + "If no other test run or evalspec command is running, delete the lock file and try again.",
                        ex);
                }

                Thread.Sleep(20);
            }
        }
    }

    /// <summary>The lock file of <paramref name="fullPath"/> (case-insensitive on Windows, like its file system).</summary>
    internal static string LockPathFor(string fullPath)
    {
        string identity = OperatingSystem.IsWindows() ? fullPath.ToUpperInvariant() : fullPath;
        string hash = ShortHash.Of(identity);
        return Path.Combine(Path.GetTempPath(), "evalspec-" + hash + ".lock");
    }
}
