using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Finds run folders: <c>&lt;project&gt;/TestResults/evalspec/&lt;run id&gt;/</c>, each with a <c>results.jsonl</c>.
/// When a path given for a run is not one, the error lists the run folders that are there.
/// </summary>
internal static class RunFolders
{
    private const int Listed = 10;

    /// <summary>The folder runs are written to in a test project.</summary>
    public static string ResultsRoot(string projectDirectory) => Path.Combine(projectDirectory, "TestResults", "evalspec");

    /// <summary>
    /// The run folder named by <paramref name="argument"/>: a run folder, or the path of its <c>results.jsonl</c> or
    /// <c>summary.json</c>.
    /// </summary>
    /// <exception cref="RunDataException">Nothing there is a run; the message lists the runs found nearby.</exception>
    public static string Resolve(string argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new RunDataException("An empty run path was given; pass a run folder (TestResults/evalspec/<run id>).");
        }

        string full = Path.GetFullPath(argument);
        if (File.Exists(full))
        {
            string name = Path.GetFileName(full);
            if (name is RunResultsReader.FileName or RunSummaryFile.FileName)
            {
                string folder = Path.GetDirectoryName(full)!;
                return File.Exists(Path.Combine(folder, RunResultsReader.FileName))
                    ? folder
                    : throw new RunDataException($"{folder} has no {RunResultsReader.FileName}: the run recorded no row. Run the tests again.");
            }

            throw new RunDataException($"{argument} is a file, not a run; pass a run folder (TestResults/evalspec/<run id>), its {RunResultsReader.FileName} or its {RunSummaryFile.FileName}.");
        }

        if (Directory.Exists(full))
        {
            if (File.Exists(Path.Combine(full, RunResultsReader.FileName)))
            {
                return full;
            }

            // A project folder or its TestResults folder: say which runs are in it.
            foreach (string candidate in new[] { full, Path.Combine(full, "evalspec"), ResultsRoot(full) })
            {
                IReadOnlyList<string> runs = List(candidate);
                if (runs.Count > 0)
                {
                    throw new RunDataException($"{argument} is not a run folder (no {RunResultsReader.FileName}). {Describe(candidate, runs)}");
                }
            }

            throw new RunDataException(
                $"{argument} is not a run folder: it has no {RunResultsReader.FileName}. A run writes TestResults/evalspec/<run id>/ in the test project; run `dotnet test` first.");
        }

        string? parent = Path.GetDirectoryName(full);
        IReadOnlyList<string> nearby = parent is null ? Array.Empty<string>() : List(parent);
        if (nearby.Count == 0)
        {
            string here = ResultsRoot(Directory.GetCurrentDirectory());
            IReadOnlyList<string> local = List(here);
            return local.Count > 0
                ? throw new RunDataException($"{argument} does not exist. {Describe(here, local)}")
                : throw new RunDataException($"{argument} does not exist; pass a run folder (TestResults/evalspec/<run id> in the test project).");
        }

        throw new RunDataException($"{argument} does not exist. {Describe(parent!, nearby)}");
    }

    /// <summary>
    /// The run folders directly inside <paramref name="folder"/>, newest first (by the time their results were last written).
    /// Hidden folders (a name starting with a dot) are no runs: the staging folder a killed <c>evalspec merge</c> leaves
    /// behind holds a results.jsonl written part way.
    /// </summary>
    public static IReadOnlyList<string> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, RunResultsReader.FileName)))
            .Select(d => (Folder: d, Written: File.GetLastWriteTimeUtc(Path.Combine(d, RunResultsReader.FileName))))
            .OrderByDescending(d => d.Written)
            .ThenByDescending(d => Path.GetFileName(d.Folder), StringComparer.Ordinal)
            .Select(d => d.Folder)
            .ToArray();
    }

    /// <summary>The newest run of the project in <paramref name="projectDirectory"/>, or null when it has none.</summary>
    public static string? Latest(string projectDirectory) => List(ResultsRoot(projectDirectory)).FirstOrDefault();

    /// <summary>The test project of a run folder laid out as <c>&lt;project&gt;/TestResults/evalspec/&lt;run id&gt;</c>, or null.</summary>
    public static string? ProjectOf(string runDirectory)
    {
        DirectoryInfo? results = Directory.GetParent(Path.GetFullPath(runDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        DirectoryInfo? testResults = results?.Parent;
        return results?.Name == "evalspec" && testResults?.Name == "TestResults" ? testResults.Parent?.FullName : null;
    }

    private static string Describe(string folder, IReadOnlyList<string> runs)
    {
        string names = string.Join(", ", runs.Take(Listed).Select(Path.GetFileName));
        string more = runs.Count > Listed ? $" and {runs.Count - Listed} older" : string.Empty;
        return $"Run folders in {folder} (newest first): {names}{more}.";
    }
}
