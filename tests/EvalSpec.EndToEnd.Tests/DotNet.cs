using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI in a child process, as a user would from a terminal.</summary>
internal static class DotNet
{
    public static string RepoRoot { get; } = typeof(DotNet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, environment, arguments);

    /// <summary>
    /// Runs another program (git, bash) the way <see cref="RunAsync"/> runs the dotnet CLI: same environment rules, same
    /// 10-minute limit, output combined.
    /// </summary>
    public static async Task<ProcessResult> RunProgramAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        if (fileName == "dotnet")
        {
            await SourcesBuilt.Value.ConfigureAwait(false);
        }

        // Tests run two at a time: a fixture built and run where it is (not a scratch copy) takes one child at a time.
        List<SemaphoreSlim> gates = InPlaceFixtures(workingDirectory, arguments).Select(f => FixtureGates.GetOrAdd(f, _ => new SemaphoreSlim(1, 1))).ToList();
        foreach (SemaphoreSlim gate in gates)
        {
            await gate.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            return await RunUngatedAsync(fileName, workingDirectory, environment, arguments).ConfigureAwait(false);
        }
        finally
        {
            foreach (SemaphoreSlim gate in gates)
            {
                gate.Release();
            }
        }
    }

    private static async Task<ProcessResult> RunUngatedAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var output = new StringBuilder();
        using Process process = StartProgram(fileName, workingDirectory, environment, output, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", arguments)} did not finish within 10 minutes. Output so far:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), fileName + " " + string.Join(" ", arguments));
        }
    }

    /// <summary>
    /// Starts the dotnet CLI with the environment of <see cref="RunAsync"/>; its standard output and error are appended to
    /// <paramref name="output"/> (lock it to read). For tests that must act on the process while it runs (kill it).
    /// </summary>
    /// <remarks>
    /// A fixture in place is refused: its other children could not be kept apart from a process the caller acts on. Run a
    /// scratch copy (<see cref="ScratchCopy"/>) or a collection's own build.
    /// </remarks>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, StringBuilder output, params string[] arguments)
    {
        if (InPlaceFixtures(workingDirectory, arguments).FirstOrDefault() is { } fixture)
        {
            throw new InvalidOperationException($"DotNet.Start runs tests/fixtures/{fixture} in place, beside other tests that may build it: run a scratch copy (ScratchCopy.Of).");
        }

        EnsureSourcesBuilt();
        return StartProgram("dotnet", workingDirectory, environment, output, arguments);
    }

    /// <summary>
    /// Builds, once per test run, the EvalSpec projects every fixture references (through eng/EvalSpec.InRepo.targets), before
    /// the first child that builds a fixture: tests run two at a time, and two children building one of these projects
    /// for the first time at once would write the same files. (Under `dotnet test EvalSpec.sln` they are built already,
    /// and this is an up-to-date check.) Blocks; for children started without <see cref="RunAsync"/>.
    /// </summary>
    public static void EnsureSourcesBuilt() => SourcesBuilt.Value.GetAwaiter().GetResult();

    // Task.Run: its continuations must not need xUnit's two test threads, which tests waiting for it may hold.
    private static readonly Lazy<Task> SourcesBuilt = new(() => Task.Run(async () =>
    {
        foreach (string project in new[] { "EvalSpec.Xunit", "EvalSpec.Xunit.V3", "EvalSpec.Generators", "EvalSpec.Analyzers" })
        {
            string path = Path.Combine(RepoRoot, "src", project, project + ".csproj");
            ProcessResult build = await RunUngatedAsync("dotnet", RepoRoot, null, new[] { "build", path, "-nologo", "-v", "q" }).ConfigureAwait(false);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"Building {project}, which the fixtures reference, failed, so no fixture can be built:\n{build}");
            }
        }
    }));

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FixtureGates = new(StringComparer.Ordinal);

    /// <summary>
    /// The fixtures under tests/fixtures that a child would build or run in place, named relative to tests/fixtures
    /// (<c>BehaviourSuite</c>, <c>v3/CancellationSuite.V3</c>, <c>mtp/BehaviourSuite.Mtp</c>), in a fixed order: the working
    /// directory and every argument that is an existing path under tests/fixtures, except scratch copies (tests/fixtures/.work).
    /// </summary>
    internal static IReadOnlyList<string> InPlaceFixtures(string workingDirectory, IEnumerable<string> arguments)
    {
        string fixtures = Path.Combine(RepoRoot, "tests", "fixtures") + Path.DirectorySeparatorChar;
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string candidate in arguments.Prepend(workingDirectory))
        {
            if (candidate.Length == 0 || candidate.StartsWith('-') || candidate.Contains('='))
            {
                continue;
            }

            // Only a path that exists: a bare word ("test", a project name) resolves under the working directory too.
            string full = Path.GetFullPath(candidate, workingDirectory);
            if (!full.StartsWith(fixtures, StringComparison.Ordinal) || !Path.Exists(full))
            {
                continue;
            }

            string[] parts = full[fixtures.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            int depth = parts.Length > 0 && parts[0] is "v3" or "mtp" ? 2 : 1;
            if (parts.Length >= depth && parts[0] != ".work")
            {
                found.Add(string.Join('/', parts.Take(depth)));
            }
        }

        return found.ToList();
    }

    private static Process StartProgram(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, StringBuilder output, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild/VSTest/EvalSpec settings must not leak into the child, nor the build
        // server's CI markers (a child recording a baseline is a local run; tests set CI themselves when needed).
        foreach (string key in start.Environment.Keys.Where(Inherited).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = SharedCompilation;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (KeyValuePair<string, string> variable in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable.Key] = variable.Value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// The children's builds compile through one compiler server (VBCSCompiler), even where the machine sets
    /// UseSharedCompilation=false (as these machines and many CI images do): otherwise each of this project's hundreds of
    /// builds starts a compiler that compiles Roslyn, the xUnit analyzers and EvalSpec's generator to machine code again.
    /// The server does not hold the children's output open (it is started detached), and it exits when idle.
    /// EVALSPECDEV_SHARED_COMPILATION=false turns it off (to see a build as a fresh CI job's first build does).
    /// </summary>
    public static string SharedCompilation { get; } =
        Environment.GetEnvironmentVariable("EVALSPECDEV_SHARED_COMPILATION") is "false" ? "false" : "true";

    private static readonly string[] BuildServerMarkers =
    {
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI", "APPVEYOR", "TRAVIS",
        "CODEBUILD_BUILD_ID", "bamboo_buildKey",
    };

    private static bool Inherited(string key) =>
        key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("EVALSPEC_", StringComparison.OrdinalIgnoreCase)
        // A child's git (and Source Link, which reads the repository) must find the repository of its own folder.
        || key.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase)
        || BuildServerMarkers.Contains(key, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Exit code and combined output of a child process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string CommandLine)
{
    public override string ToString() => $"{CommandLine} exited with {ExitCode}:\n{Output}";
}
