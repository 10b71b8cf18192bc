using System;
using System.IO;
using System.Text;
using System.Text.Json;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting;

/// <summary>
/// Appends one JSON line per row to <c>results.jsonl</c>. Rows finish concurrently: lines are written whole
/// under a lock and flushed at once, so a crash loses at most the row being written. Secrets are redacted from each
/// line (<see cref="SecretRedactor"/>).
/// </summary>
internal sealed class ResultsWriter : IDisposable
{
    private readonly object _gate = new();
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly FileStream _stream;
    private bool _disposed;

    /// <param name="path">The results file.</param>
    /// <param name="append">Append to the file of a resumed run (<see cref="Execution.ResumedRun"/>) instead of creating a new one.</param>
    public ResultsWriter(string path, bool append = false)
    {
        Path = path;

        // A new file, no buffering and one write per line. Two processes must never share the file: appends from
        // separate processes are not atomic in .NET, so lines could interleave.
        try
        {
            _stream = new FileStream(path, append ? FileMode.Append : FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new EvalConfigurationException(
                $"The run folder {System.IO.Path.GetDirectoryName(path)} already has a results.jsonl: every run needs its own run id. Leave EVALSPEC_RUNID unset (a project with several target frameworks runs once per framework), or give each run a new one.",
                ex);
        }
    }

    public string Path { get; }

    public void Append(RowResult result)
    {
        byte[] line = Utf8.GetBytes(SecretRedactor.Default.Redact(JsonSerializer.Serialize(result, Files.RunFilesJson.Compact.RowResult)) + "\n");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream.Write(line, 0, line.Length);
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stream.Dispose();
        }
    }
}
