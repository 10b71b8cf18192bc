using System;
using System.Collections;
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
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, StringBuilder output, params string[] arguments) =>
        StartProgram("dotnet", workingDirectory, environment, output, arguments);

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
