using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvalSpec.Reporting.Reports;

/// <summary>A finished (or interrupted) run read from its folder: its rows and, when it was written, its summary.</summary>
internal sealed class RunData
{
    private RunData(string directory, IReadOnlyList<RunRow> rows, RunSummaryFile? summary)
    {
        Directory = directory;
        Rows = rows;
        Summary = summary;
    }

    /// <summary>The run folder.</summary>
    public string Directory { get; }

    /// <summary>Every recorded row, sorted by row id.</summary>
    public IReadOnlyList<RunRow> Rows { get; }

    /// <summary>The run summary, or null when the run did not get to write one.</summary>
    public RunSummaryFile? Summary { get; }

    public string RunId => Summary?.RunId ?? Path.GetFileName(Directory);

    /// <summary>Rows that were judged (not-applicable relation rows were not).</summary>
    public IEnumerable<RunRow> JudgedRows => Rows.Where(r => r.IsJudged);

    /// <summary>Reads the run named by <paramref name="argument"/> (see <see cref="RunFolders.Resolve"/>).</summary>
    /// <exception cref="RunDataException">The folder or one of its files cannot be used.</exception>
    public static RunData Load(string argument)
    {
        string directory = RunFolders.Resolve(argument);
        IReadOnlyList<RunRow> rows = RunResultsReader.Read(Path.Combine(directory, RunResultsReader.FileName));
        string summaryPath = Path.Combine(directory, RunSummaryFile.FileName);
        RunSummaryFile? summary = File.Exists(summaryPath) ? RunSummaryFile.Read(summaryPath) : null;
        return new RunData(directory, rows, summary);
    }

    /// <summary>A run from rows in memory (tests, and callers that already hold them).</summary>
    public static RunData From(string directory, IReadOnlyList<RunRow> rows, RunSummaryFile? summary = null) =>
        new(directory, rows.OrderBy(r => r.RowId, System.StringComparer.Ordinal).ToArray(), summary);
}
