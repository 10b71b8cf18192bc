using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace EvalSpec.Reporting;

/// <summary>
/// Appends one JSON line per row to <c>results.jsonl</c>. Rows finish concurrently: lines are written whole
/// under a lock and flushed at once, so a crash loses at most the row being written.
/// </summary>
internal sealed class ResultsWriter : IDisposable
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer;
    private bool _disposed;

    public ResultsWriter(string path)
    {
        Path = path;
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
    }

    public string Path { get; }

    public void Append(RowResult result)
    {
        string line = JsonSerializer.Serialize(result, ResultsJson.Options);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.WriteLine(line);
            _writer.Flush();
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
            _writer.Dispose();
        }
    }
}
