using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace EvalSpec.Snapshots;

/// <summary>
/// Snapshot assertions for ordinary tests: <c>await Snapshot.VerifyAsync(value);</c> compares the value with
/// <c>&lt;SourceFile&gt;.&lt;TestMethod&gt;.verified.txt</c> (or <c>.json</c>) beside the test's source file.
/// </summary>
/// <remarks>
/// <para>
/// On a mismatch or a missing verified file the test fails with a diff, and the value is written beside it as
/// <c>.received.txt</c>/<c>.received.json</c> (ignore <c>*.received.*</c> in .gitignore). Accept it by renaming the
/// file, with <c>evalspec accept</c>, or by running the tests with <c>EVALSPEC_SNAPSHOTS=accept</c> (or <c>"Snapshots": "accept"</c>
/// in evalspec.json: the mode is the run's <see cref="EvalOptions.Snapshots"/> option); build servers
/// (<c>CI</c>, <c>TF_BUILD</c>, <c>GITHUB_ACTIONS</c>...) never accept. Snapshot files are UTF-8 with LF line ends;
/// add <c>*.verified.* text eol=lf</c> to .gitattributes.
/// </para>
/// </remarks>
public static class Snapshot
{
    /// <summary>Verifies a value against its snapshot file.</summary>
    /// <param name="value">A string (snapshotted as text) or any value serialisable to JSON (snapshotted as indented JSON).</param>
    /// <param name="settings">Scrubbers for volatile values; default <see cref="SnapshotSettings"/> (all built-in scrubbers).</param>
    /// <param name="name">Names the snapshot when a test takes several: the file becomes <c>&lt;SourceFile&gt;.&lt;TestMethod&gt;.&lt;name&gt;.verified.txt</c>.</param>
    /// <param name="sourceFile">Filled in by the compiler: the calling source file.</param>
    /// <param name="member">Filled in by the compiler: the calling test method.</param>
    /// <returns>Completes when the snapshot matches, or was accepted.</returns>
    /// <exception cref="SnapshotMismatchException">The value differs from the verified file, or there is none.</exception>
    /// <exception cref="EvalConfigurationException">The verified file cannot be used (carriage returns, not UTF-8), or the configuration (evalspec.json, <c>EVALSPEC_</c> variables) is invalid.</exception>
    public static async Task VerifyAsync(
        object? value,
        SnapshotSettings? settings = null,
        string? name = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string member = "")
    {
        // In a test run by EvalSpec's test framework (or inside an eval row), the run's store: its options were resolved once.
        // Elsewhere (an assembly without eval rows), the options are resolved the same way for the test's project.
        SnapshotStore store = Execution.EvalFlow.Current?.Snapshots ?? StoreOutsideRun(sourceFile, settings, new Execution.EvalRunSettings(typeof(Snapshot).Assembly));
        await VerifyCoreAsync(value, settings, name, sourceFile, member, store).ConfigureAwait(false);
    }

    /// <summary><see cref="VerifyAsync(object?, SnapshotSettings?, string?, string, string)"/> with a given store (mode and build server).</summary>
    internal static async Task<SnapshotResult> VerifyCoreAsync(object? value, SnapshotSettings? settings, string? name, string sourceFile, string member, SnapshotStore store)
    {
        string directory = SnapshotPaths.SourceDirectory(sourceFile);
        string? projectDirectory = settings?.ProjectDirectory ?? SnapshotPaths.ProjectDirectory(directory);
        SnapshotDocument document = SnapshotDocument.ForValue(value, settings, projectDirectory);
        SnapshotResult result = await store.VerifyAsync(directory, SnapshotNames.ForMember(sourceFile, member, name), document).ConfigureAwait(false);
        return result.Outcome switch
        {
            SnapshotOutcome.Matched or SnapshotOutcome.Accepted => result,
            SnapshotOutcome.InvalidVerifiedFile => throw new EvalConfigurationException(result.Message),
            _ => throw new SnapshotMismatchException(result.Message, result.VerifiedFile, result.ReceivedFile, result.Diff),
        };
    }

    /// <summary>
    /// The store of a snapshot verified outside an eval run: the <see cref="EvalOptions.Snapshots"/> mode of the test's
    /// project, resolved as a run resolves it (code, then <c>EVALSPEC_</c> variables, then evalspec.json, then the default).
    /// </summary>
    /// <param name="sourceFile">The calling test's source file (its project holds evalspec.json).</param>
    /// <param name="settings">The snapshot settings, whose project folder wins over the one found from the source file.</param>
    /// <param name="run">The environment and code options the mode is resolved with.</param>
    internal static SnapshotStore StoreOutsideRun(string sourceFile, SnapshotSettings? settings, Execution.EvalRunSettings run)
    {
        string directory = SnapshotPaths.SourceDirectory(sourceFile);
        string projectDirectory = settings?.ProjectDirectory ?? SnapshotPaths.ProjectDirectory(directory) ?? directory;
        EvalOptions options = Execution.EvalRunHost.BindOptions(run.LoadConfiguration(projectDirectory));
        return new SnapshotStore(options.Snapshots, Execution.ContinuousIntegration.IsDetected(run.Variable, out string? variable) ? variable : null);
    }
}
