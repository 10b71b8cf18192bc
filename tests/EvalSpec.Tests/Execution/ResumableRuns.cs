using System;
using System.Collections.Generic;
using System.IO;
using EvalSpec.Execution;

namespace EvalSpec.Tests.Execution;

/// <summary>Run hosts over this test assembly's descriptors in a results folder of a test's own, for runs that are interrupted and resumed.</summary>
internal static class ResumableRuns
{
    /// <summary>A run host writing into <paramref name="root"/> under <paramref name="runId"/>, resuming <paramref name="resume"/> when given.</summary>
    public static EvalRunHost Host(string root, string runId, string? resume = null, string unjudgedRubric = "ignore")
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ResultsDirectory"] = root,
            ["Baseline"] = "ignore",
            ["RecordingsDirectory"] = Path.Combine(root, "recordings"),
            ["UnjudgedRubric"] = unjudgedRubric,
            ["RunId"] = runId,
        };
        if (resume is not null)
        {
            options["Resume"] = resume;
        }

        return EvalRunHost.Create(new EvalRunSettings(typeof(ResumableRuns).Assembly) { Options = options, Environment = new Dictionary<string, string>() });
    }

    /// <summary>Deletes the folders, leaving any that cannot be deleted (a leftover temporary folder is harmless).</summary>
    public static void Delete(params string[] folders)
    {
        foreach (string folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
