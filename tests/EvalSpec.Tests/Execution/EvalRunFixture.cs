using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvalSpec.Execution;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// Points the process-wide <see cref="EvalRun"/> at a temporary results folder before the first row runs, and
/// completes the run afterwards. The run reads its options once, when it is created on first use. The
/// baseline is ignored, so a failing row is always red and no baseline file is read or written.
/// </summary>
public sealed class EvalRunFixture : IDisposable
{
    private const string ResultsDirectoryVariable = "EVALSPEC_RESULTSDIRECTORY";
    private const string BaselineVariable = "EVALSPEC_BASELINE";
    private const string UnjudgedRubricVariable = "EVALSPEC_UNJUDGEDRUBRIC";

    private readonly string? _previousResultsDirectory;
    private readonly string? _previousBaseline;
    private readonly string? _previousUnjudgedRubric;

    public EvalRunFixture()
    {
        _previousResultsDirectory = Environment.GetEnvironmentVariable(ResultsDirectoryVariable);
        _previousBaseline = Environment.GetEnvironmentVariable(BaselineVariable);
        _previousUnjudgedRubric = Environment.GetEnvironmentVariable(UnjudgedRubricVariable);
        ResultsRoot = Directory.CreateTempSubdirectory("evalspec-runner-").FullName;
        EvalRun.Complete();
        Environment.SetEnvironmentVariable(ResultsDirectoryVariable, ResultsRoot);
        Environment.SetEnvironmentVariable(BaselineVariable, "ignore");

        // These rows have no rubric judges: rows with a rubric are decided by their other checks whether or not this
        // test process runs on a build server (the build-server rule has its own tests).
        Environment.SetEnvironmentVariable(UnjudgedRubricVariable, "ignore");
    }

    /// <summary>The folder the run writes <c>&lt;run-id&gt;/results.jsonl</c> under.</summary>
    public string ResultsRoot { get; }

    /// <summary>The results.jsonl line of <paramref name="rowId"/> (the last, if the row ran more than once).</summary>
    public JsonElement ResultOf(string rowId)
    {
        EvalRun run = EvalRun.CurrentOrNull ?? throw new InvalidOperationException("No eval run is in progress.");
        string path = Path.Combine(run.RunDirectory, "results.jsonl");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        List<JsonElement> rows = reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<JsonElement>(line))
            .Where(row => row.GetProperty("rowId").GetString() == rowId)
            .ToList();
        return rows.Count > 0 ? rows[^1] : throw new InvalidOperationException($"results.jsonl has no line for row '{rowId}'.");
    }

    public void Dispose()
    {
        EvalRun.Complete();
        Environment.SetEnvironmentVariable(ResultsDirectoryVariable, _previousResultsDirectory);
        Environment.SetEnvironmentVariable(BaselineVariable, _previousBaseline);
        Environment.SetEnvironmentVariable(UnjudgedRubricVariable, _previousUnjudgedRubric);
        try
        {
            Directory.Delete(ResultsRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

/// <summary>
/// Every test that runs eval rows shares the process-wide <see cref="EvalRun"/>, so they run one class at a
/// time, apart from the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EvalRunCollection : ICollectionFixture<EvalRunFixture>
{
    public const string Name = "EvalRun";
}
