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
/// A run host of its own for a test class (or one test): results under a temporary folder, the baseline ignored (so a
/// failing row is always red and no baseline file is read or written), and recordings in that folder too. The options are
/// set in code, as the host's precedence allows, so no environment variable is changed and test classes run in parallel.
/// </summary>
public sealed class EvalRunFixture : IDisposable
{
    public EvalRunFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A run with options of its own besides the fixture's (which they replace when they set the same key); internal, as xUnit wants one public constructor of a class fixture.</summary>
    internal EvalRunFixture(IReadOnlyDictionary<string, string?> options, System.Threading.CancellationToken cancellation = default)
    {
        ResultsRoot = Directory.CreateTempSubdirectory("evalspec-runner-").FullName;
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ResultsDirectory"] = ResultsRoot,
            ["Baseline"] = "ignore",
            ["RecordingsDirectory"] = Path.Combine(ResultsRoot, "recordings"),

            // These rows have no rubric judges: rows with a rubric are decided by their other checks whether or not
            // this test process runs on a build server (the build-server rule has its own tests).
            ["UnjudgedRubric"] = "ignore",
        };
        foreach ((string key, string? value) in options)
        {
            all[key] = value;
        }

        Host = EvalRunHost.Create(new EvalRunSettings(typeof(EvalRunFixture).Assembly) { Options = all, Cancellation = cancellation });
    }

    /// <summary>The run the rows of the test class run in.</summary>
    internal EvalRunHost Host { get; }

    /// <summary>The folder the run writes <c>&lt;run-id&gt;/results.jsonl</c> under.</summary>
    public string ResultsRoot { get; }

    /// <summary>The results.jsonl line of <paramref name="rowId"/> (the last, if the row ran more than once).</summary>
    public JsonElement ResultOf(string rowId)
    {
        string path = Path.Combine(Host.RunDirectory, "results.jsonl");
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
        Host.Complete();
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
