using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace EvalSpec.Snapshots;

/// <summary>
/// The state of scrubbing one snapshot: which value got which placeholder number, so that the same value keeps
/// its number across the parts of the snapshot (prompt, follow-up prompt, output). One per snapshot, one thread.
/// </summary>
internal sealed class ScrubContext
{
    private readonly Dictionary<string, Dictionary<string, int>> _numbers = new(StringComparer.Ordinal);
    private readonly string? _defaultProjectDirectory;
    private (string? ProjectDirectory, IReadOnlyList<(string, string)> Directories)? _directories;

    /// <param name="defaultProjectDirectory">The project folder used when the settings do not name one.</param>
    public ScrubContext(string? defaultProjectDirectory = null)
    {
        _defaultProjectDirectory = defaultProjectDirectory;
    }

    /// <summary><c>{name_n}</c>, where n numbers the distinct values of that name by first appearance.</summary>
    public string Placeholder(string name, string value)
    {
        if (!_numbers.TryGetValue(name, out Dictionary<string, int>? seen))
        {
            seen = new Dictionary<string, int>(StringComparer.Ordinal);
            _numbers.Add(name, seen);
        }

        if (!seen.TryGetValue(value, out int number))
        {
            number = seen.Count + 1;
            seen.Add(value, number);
        }

        return "{" + name + "_" + number.ToString(CultureInfo.InvariantCulture) + "}";
    }

    /// <summary>The folders the path scrubber replaces, with their placeholders.</summary>
    public IReadOnlyList<(string Directory, string Placeholder)> Directories(string? projectDirectory)
    {
        // Asked once per scrubbed string (every string value of a JSON snapshot): computed once per snapshot.
        if (_directories is { } cached && cached.ProjectDirectory == projectDirectory)
        {
            return cached.Directories;
        }

        var directories = new List<(string, string)>(3);
        Add(directories, projectDirectory ?? _defaultProjectDirectory, "{ProjectDirectory}");
        Add(directories, Path.GetTempPath(), "{TempDirectory}");
        Add(directories, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "{HomeDirectory}");
        _directories = (projectDirectory, directories);
        return directories;
    }

    private static void Add(List<(string, string)> directories, string? directory, string placeholder)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return;
        }

        string full;
        try
        {
            full = Path.GetFullPath(directory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return;
        }

        full = full.TrimEnd('/', '\\');

        // A root ("/", "C:") would turn every separator into a placeholder.
        if (full.Length == 0 || string.Equals(Path.GetPathRoot(full + Path.DirectorySeparatorChar)?.TrimEnd('/', '\\'), full, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        directories.Add((full, placeholder));
    }
}
