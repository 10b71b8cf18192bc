using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Prompts;

namespace EvalSpec.Tests.Execution;

/// <summary>Run hosts over this test assembly's descriptors in a results folder of a test's own, for runs that are interrupted and resumed.</summary>
internal static class ResumableRuns
{
    /// <summary>A run host writing into <paramref name="root"/> under <paramref name="runId"/>, resuming <paramref name="resume"/> when given, in <paramref name="recording"/> mode (Auto by default), running <paramref name="shard"/> when given.</summary>
    public static EvalRunHost Host(string root, string runId, string? resume = null, string unjudgedRubric = "ignore", string? recording = null, string? shard = null)
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

        if (recording is not null)
        {
            options["Recording"] = recording;
        }

        if (shard is not null)
        {
            options["Shard"] = shard;
        }

        return EvalRunHost.Create(new EvalRunSettings(typeof(ResumableRuns).Assembly) { Options = options, Environment = new Dictionary<string, string>() });
    }

    /// <summary>
    /// A one-row eval of <paramref name="suite"/> (<c>laptop/formal/identity</c>): the refund-window prompt with a <c>product</c>
    /// parameter, the case <c>laptop</c> expecting <paramref name="expected"/>, answered by <paramref name="answer"/>, with a
    /// snapshot when <paramref name="snapshotDirectory"/> is given.
    /// </summary>
    public static EvalMethodDescriptor OneRowEval(Type suite, string name, string? rubric, string expected, Func<EvalInput, ValueTask<object?>> answer, string? snapshotDirectory = null) => new(
        suite,
        name,
        rubric,
        0.5,
        timeoutMilliseconds: 0,
        new[] { "product" },
        new[] { new PromptVariant("formal", "What is the refund window for {product}?") },
        new[] { new EvalCaseDescriptor("laptop", new object?[] { "laptop" }, expected) },
        Array.Empty<RelationDescriptor>(),
        (_, input, _) => answer(input))
    {
        SnapshotOutput = snapshotDirectory is null ? null : SnapshotOutput.Exact,
        SnapshotDirectory = snapshotDirectory,
    };

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
