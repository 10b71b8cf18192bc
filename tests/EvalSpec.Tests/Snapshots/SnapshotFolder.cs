using System;
using System.IO;
using System.Linq;

namespace EvalSpec.Tests.Snapshots;

/// <summary>A fresh temporary folder for snapshot files, deleted afterwards.</summary>
internal sealed class SnapshotFolder : IDisposable
{
    public SnapshotFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evalspec-snapshots-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Read(string name) => System.IO.File.ReadAllText(File(name));

    public bool Exists(string name) => System.IO.File.Exists(File(name));

    public void Write(string name, string content)
    {
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
    }

    /// <summary>The file names in the folder, sorted (temporary files included, so leftovers show).</summary>
    public string[] Names() => Directory.EnumerateFiles(Path).Select(System.IO.Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
