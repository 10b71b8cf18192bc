using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvalSpec.Snapshots;

/// <summary>Finds the folder of a test source file, where its snapshots live.</summary>
internal static class SnapshotPaths
{
    private static readonly ConcurrentDictionary<string, string> Resolved = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string?> Projects = new(StringComparer.Ordinal);

    /// <summary>
    /// The folder of <paramref name="sourceFile"/> (a <c>[CallerFilePath]</c>). A build with deterministic source
    /// paths (<c>ContinuousIntegrationBuild</c>, as on CI) records <c>/_/tests/My.Tests/MyTests.cs</c> instead of the
    /// real path; then the file is looked for under the folders above the test output folder and the current folder.
    /// </summary>
    /// <exception cref="EvalConfigurationException">The file cannot be found.</exception>
    public static string SourceDirectory(string sourceFile) =>
        Resolved.GetOrAdd(sourceFile, file => SourceDirectory(file, new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }));

    /// <summary><see cref="SourceDirectory(string)"/>, searching above the given folders.</summary>
    internal static string SourceDirectory(string sourceFile, IEnumerable<string> searchFrom)
    {
        if (string.IsNullOrEmpty(sourceFile))
        {
            throw new ArgumentException("The calling source file is unknown; pass sourceFile (normally filled in by the compiler).", nameof(sourceFile));
        }

        string? directory = Path.IsPathFullyQualified(sourceFile) ? Path.GetDirectoryName(sourceFile) : null;
        if (directory is not null && Directory.Exists(directory))
        {
            return directory;
        }

        string[] segments = sourceFile.Split('/', '\\').Where(s => s.Length > 0).ToArray();
        string[] ancestors = searchFrom.SelectMany(Ancestors).Distinct(StringComparer.Ordinal).ToArray();

        // The longest tail that exists wins: /_/tests/A/X.cs is tests/A/X.cs under the repository root.
        for (int skip = 0; skip < segments.Length; skip++)
        {
            string relative = Path.Combine(segments[skip..]);
            foreach (string ancestor in ancestors)
            {
                string candidate = Path.Combine(ancestor, relative);
                if (File.Exists(candidate))
                {
                    return Path.GetDirectoryName(Path.GetFullPath(candidate))!;
                }
            }
        }

        throw new EvalConfigurationException(
            $"EvalSpec cannot find the source file {sourceFile}, beside which its snapshots live. The path was recorded at build time; "
            + "if the build maps source paths (DeterministicSourcePaths, ContinuousIntegrationBuild, PathMap), run the tests from within the repository, "
            + "or build the test project with <DeterministicSourcePaths>false</DeterministicSourcePaths>.");
    }

    /// <summary>The nearest folder at or above <paramref name="directory"/> that holds a project file, or null.</summary>
    public static string? ProjectDirectory(string directory) => Projects.GetOrAdd(directory, FindProjectDirectory);

    private static string? FindProjectDirectory(string directory)
    {
        for (DirectoryInfo? dir = new(directory); dir is not null; dir = dir.Parent)
        {
            try
            {
                if (dir.EnumerateFiles("*.csproj").Any() || dir.EnumerateFiles("*.fsproj").Any() || dir.EnumerateFiles("*.vbproj").Any())
                {
                    return dir.FullName;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                return null;
            }
        }

        return null;
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (DirectoryInfo? dir = new(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
