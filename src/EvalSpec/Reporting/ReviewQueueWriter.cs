using System;
using System.IO;
using System.Text;
using EvalSpec.Judging;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting;

/// <summary>
/// Appends the rows a cascade abstained on or decided against a dissent to the run's <c>review.jsonl</c>, one line each, written
/// whole under a lock and flushed at once (as <see cref="ResultsWriter"/>); secrets redacted. The file is created with the first
/// line, so a run with nothing to review has none.
/// </summary>
internal sealed class ReviewQueueWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly object _gate = new();
    private FileStream? _stream;
    private bool _disposed;

    /// <param name="path">The review queue file.</param>
    /// <param name="append">Append to the file of a resumed run (<see cref="Execution.ResumedRun"/>), which may already have one.</param>
    public ReviewQueueWriter(string path, bool append = false)
    {
        Path = path;
        _append = append;
    }

    private readonly bool _append;

    public string Path { get; }

    public int Written { get; private set; }

    public void Append(ReviewItem item)
    {
        byte[] line = Utf8.GetBytes(SecretRedactor.Default.Redact(ReviewQueue.ToLine(item)) + "\n");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream ??= new FileStream(Path, _append ? FileMode.Append : FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
            _stream.Write(line, 0, line.Length);
            _stream.Flush();
            Written++;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _stream?.Dispose();
        }
    }
}
