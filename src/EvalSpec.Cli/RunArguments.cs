using System.CommandLine;
using System.IO;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;

namespace EvalSpec.Cli;

/// <summary>
/// The options <c>report</c>, <c>gate</c> and <c>baseline update</c> share: which run, which project, which baseline.
/// Without <c>--run</c>, the newest run of the project (the current folder, or <c>--project</c>) is used; without
/// <c>--baseline</c>, the one the run used, else <c>evalspec.baseline.json</c> in the run's project.
/// </summary>
internal static class RunArguments
{
    public static Option<string?> RunOption() =>
        new("--run") { Description = "The run folder (TestResults/evalspec/<run id>), or its results.jsonl or summary.json. Default: the project's newest run.", HelpName = "path" };

    public static Option<string?> ProjectOption() =>
        new("--project") { Description = "The test project folder whose newest run to use when --run is not given. Default: the current folder.", HelpName = "dir" };

    public static Option<string?> BaselineOption(string description) =>
        new("--baseline") { Description = description, HelpName = "file" };

    /// <summary>Reads the run named by <paramref name="run"/>, or the newest run of the project.</summary>
    public static RunData LoadRun(string? run, string? project)
    {
        if (run is not null)
        {
            return RunData.Load(run);
        }

        string projectDirectory = Path.GetFullPath(project ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(projectDirectory))
        {
            throw new CliInputException($"The project folder {project} does not exist.");
        }

        string? latest = RunFolders.Latest(projectDirectory)
            ?? throw new CliInputException(
                $"No run in {RunFolders.ResultsRoot(projectDirectory)}: run `dotnet test` in the test project first, or pass --run <run folder> (or --project <test project folder>).");
        return RunData.Load(latest);
    }

    /// <summary>
    /// The baseline for <paramref name="run"/>: <paramref name="given"/>; else the file the run itself used, when it
    /// is still there; else <c>evalspec.baseline.json</c> in the run's project (or in <paramref name="project"/>).
    /// </summary>
    public static string BaselinePath(string? given, RunData run, string? project)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        if (run.Summary?.Baseline?.Path is { } used && File.Exists(used))
        {
            return used;
        }

        string? projectDirectory = RunFolders.ProjectOf(run.Directory) ?? (project is null ? null : Path.GetFullPath(project));
        return projectDirectory is not null
            ? Path.Combine(projectDirectory, Baseline.FileName)
            : run.Summary?.Baseline?.Path
                ?? throw new CliInputException(
                    $"Cannot tell which baseline belongs to {run.Directory} (it is not in <project>/TestResults/evalspec/): pass --baseline <file>.");
    }
}
