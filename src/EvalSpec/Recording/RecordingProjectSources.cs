using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvalSpec.Recording;

/// <summary>
/// The sources that define a test project's rows (its <c>.cs</c> files, <c>.prompts</c> files and project file): when one
/// changed after the project's list of rows was written (a checkout, a pull, an edit not yet run), the list may be older
/// than the code, and a row the code has again could look deleted. Neither the assembly (not rebuilt yet) nor the
/// recordings file (the same on both branches) tells that; the sources do.
/// </summary>
internal static class RecordingProjectSources
{
    private static readonly string[] Extensions = [".cs", ".prompts", ".csproj"];

    // Build output, version control and EvalSpec's own folders hold no sources (obj holds generated .cs files that a build rewrites).
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "TestResults" };

    /// <summary>
    /// The folder whose sources define the rows of <paramref name="inventory"/>: the one it records, else the nearest folder
    /// above the assembly that holds a project file, else the folder that holds <paramref name="recordingsDirectory"/>
    /// (the default <c>recordings</c> folder is in the project folder).
    /// </summary>
    public static string? ProjectDirectory(RecordingInventory inventory, string recordingsDirectory)
    {
        if (inventory.ProjectDirectory is { } recorded && Directory.Exists(recorded))
        {
            return recorded;
        }

        string? assemblyFolder = Path.GetDirectoryName(inventory.AssemblyPath);
        for (DirectoryInfo? dir = string.IsNullOrEmpty(assemblyFolder) || !Directory.Exists(assemblyFolder) ? null : new DirectoryInfo(assemblyFolder); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        return Path.GetDirectoryName(Path.GetFullPath(recordingsDirectory));
    }

    /// <summary>The newest source file under <paramref name="projectDirectory"/> changed after <paramref name="listedUtc"/>, or null.</summary>
    public static (string Path, DateTime WrittenUtc)? NewestAfter(string projectDirectory, DateTime listedUtc)
    {
        (string Path, DateTime WrittenUtc)? newest = null;
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(projectDirectory));
        while (pending.Count > 0)
        {
            DirectoryInfo dir = pending.Pop();
            try
            {
                foreach (FileInfo file in dir.EnumerateFiles())
                {
                    if (Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase)
                        && file.LastWriteTimeUtc > listedUtc
                        && (newest is null || file.LastWriteTimeUtc > newest.Value.WrittenUtc))
                    {
                        newest = (file.FullName, file.LastWriteTimeUtc);
                    }
                }

                foreach (DirectoryInfo child in dir.EnumerateDirectories())
                {
                    if (!child.Name.StartsWith('.') && !Skipped.Contains(child.Name) && !child.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        pending.Push(child);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be read holds no source we could compare; the others still decide.
            }
        }

        return newest;
    }
}
