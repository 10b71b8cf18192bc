using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>One `dotnet test` run of a fixture suite, with everything it wrote.</summary>
internal sealed class SuiteRun
{
    private SuiteRun(ProcessResult process, TrxReport report, string runDirectory)
    {
        Process = process;
        Report = report;
        RunDirectory = runDirectory;
    }

    public ProcessResult Process { get; }

    public TrxReport Report { get; }

    /// <summary>The EvalSpec run folder (results.jsonl, summary.json).</summary>
    public string RunDirectory { get; }

    public JsonElement Summary => JsonDocument.Parse(File.ReadAllText(Path.Combine(RunDirectory, "summary.json"))).RootElement;

    public IReadOnlyList<JsonElement> Rows => File.ReadAllLines(Path.Combine(RunDirectory, "results.jsonl"))
        .Select(line => JsonDocument.Parse(line).RootElement)
        .ToArray();

    public TrxResult this[string displayName] => Report.Results.TryGetValue(displayName, out TrxResult? result)
        ? result
        : throw new KeyNotFoundException($"No test named '{displayName}'. Tests: {string.Join(" | ", Report.Results.Keys)}\n{Process}");

    /// <summary>Runs `dotnet test` on a project under tests/fixtures with results in a fresh temp folder.</summary>
    public static Task<SuiteRun> RunAsync(string fixture, IReadOnlyDictionary<string, string>? environment = null, params string[] extraArguments) =>
        RunProjectAsync(Path.Combine(DotNet.RepoRoot, "tests", "fixtures", fixture), environment, extraArguments);

    /// <summary>
    /// Runs `dotnet test` on a fixture project on <paramref name="platform"/>: under VSTest as <see cref="RunAsync"/>; under
    /// Microsoft.Testing.Platform from tests/fixtures/mtp (whose global.json selects it) with MTP's own arguments
    /// (<c>--project</c>, <c>--report-trx</c>; exit code 2 for failed tests and 8 for none, where VSTest gives 1 and 0).
    /// </summary>
    /// <param name="platform">The test platform.</param>
    /// <param name="fixture">The project folder relative to tests/fixtures (for MTP, a folder under tests/fixtures/mtp).</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="extraArguments">Extra arguments of `dotnet test`, in the platform's syntax.</param>
    public static Task<SuiteRun> RunOnAsync(TestPlatform platform, string fixture, IReadOnlyDictionary<string, string>? environment = null, params string[] extraArguments) =>
        platform == TestPlatform.VSTest
            ? RunAsync(fixture, environment, extraArguments)
            : RunMtpAsync(Path.Combine(DotNet.RepoRoot, "tests", "fixtures", fixture), environment, extraArguments);

    /// <summary>Runs `dotnet test` on the project in <paramref name="projectDirectory"/> (a scratch copy) on <paramref name="platform"/>, as <see cref="RunOnAsync"/> does.</summary>
    public static Task<SuiteRun> RunProjectOnAsync(TestPlatform platform, string projectDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] extraArguments) =>
        platform == TestPlatform.VSTest
            ? RunProjectAsync(projectDirectory, environment, extraArguments)
            : RunMtpAsync(projectDirectory, environment, extraArguments);

    private static async Task<SuiteRun> RunMtpAsync(string projectDirectory, IReadOnlyDictionary<string, string>? environment, string[] extraArguments)
    {
        string root = Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n"));
        string trx = Path.Combine(root, "trx");
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["EVALSPEC_RESULTSDIRECTORY"] = Path.Combine(root, "evalspec"),
            ["EVALSPEC_RUNID"] = "e2e",
        };

        // The runner is chosen by the global.json found from the working directory, not from the project.
        string mtpFolder = Path.Combine(DotNet.RepoRoot, "tests", "fixtures", "mtp");
        string[] arguments = new[] { "test", "--project", projectDirectory, "--report-trx", "--report-trx-filename", "run.trx", "--results-directory", trx, "--no-progress", "--no-ansi" }
            .Concat(extraArguments)
            .ToArray();
        ProcessResult process = await RestoreOnce.RunAsync(mtpFolder, projectDirectory, variables, arguments, extraArguments);
        if (!Directory.Exists(trx))
        {
            throw new InvalidOperationException("dotnet test wrote no TRX file:\n" + process);
        }

        return new SuiteRun(process, TrxReport.Load(trx), Path.Combine(root, "evalspec", "e2e"));
    }

    /// <summary>Runs `dotnet test` on the project in <paramref name="projectDirectory"/> with results in a fresh temp folder.</summary>
    public static Task<SuiteRun> RunProjectAsync(string projectDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] extraArguments) =>
        RunInAsync(Path.Combine(Path.GetTempPath(), "evalspec-e2e", Guid.NewGuid().ToString("n")), projectDirectory, environment, extraArguments);

    /// <summary>Runs `dotnet test` on the project in <paramref name="projectDirectory"/> with results under <paramref name="root"/> (run folder <c>evalspec/e2e</c>).</summary>
    public static async Task<SuiteRun> RunInAsync(string root, string projectDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] extraArguments)
    {
        string trx = Path.Combine(root, "trx");
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["EVALSPEC_RESULTSDIRECTORY"] = Path.Combine(root, "evalspec"),
            ["EVALSPEC_RUNID"] = "e2e",
        };
        string[] arguments = new[] { "test", projectDirectory, "--logger", "trx;LogFileName=run.trx", "--results-directory", trx }
            .Concat(extraArguments)
            .ToArray();
        ProcessResult process = await RestoreOnce.RunAsync(DotNet.RepoRoot, projectDirectory, variables, arguments, extraArguments);
        if (!Directory.Exists(trx))
        {
            throw new InvalidOperationException("dotnet test wrote no TRX file:\n" + process);
        }

        return new SuiteRun(process, TrxReport.Load(trx), Path.Combine(root, "evalspec", "e2e"));
    }
}

/// <summary>
/// Restores a fixture once per test run: `dotnet test` of a project this process already ran, with nothing changed that
/// restore reads, gets <c>--no-restore</c> (a no-op restore of the fixture and EvalSpec's projects costs seconds, and the
/// fixtures are run about a hundred times). What restore reads, as far as this class tracks it: the project files under
/// the fixture's folder and in every folder above it up to the repository (*.csproj, *.props, *.targets, nuget.config,
/// global.json), the working directory, the arguments other than <c>--filter</c> and <c>--logger</c> and their values, and
/// the environment given other than EvalSpec's options and the fixtures' own FIXTURE_ variables (read at run time only).
/// The build itself still runs every time, as a user's does.
/// </summary>
internal static class RestoreOnce
{
    private static readonly ConcurrentDictionary<string, string> Restored = new(StringComparer.Ordinal);

    /// <summary>Runs the dotnet CLI with <paramref name="arguments"/>, or with <c>--no-restore</c> inserted before <paramref name="extraArguments"/> (their tail).</summary>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, string projectDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments, string[] extraArguments)
    {
        Task<ProcessResult> run(string[] withArguments) => DotNet.RunAsync(workingDirectory, environment, withArguments);
        string folder = Path.GetFullPath(projectDirectory);
        bool own = extraArguments.Contains("--no-restore") || extraArguments.Contains("--no-build");
        string? state = own ? null : State(workingDirectory, folder, environment, extraArguments);
        if (state is not null && Restored.TryGetValue(folder, out string? before) && before == state)
        {
            string[] withoutRestore = [.. arguments[..^extraArguments.Length], "--no-restore", .. extraArguments];
            ProcessResult again = await run(withoutRestore);

            // These fail the build before any test runs (so running it again runs no test twice): the assets file is gone
            // (NETSDK1004) or does not match the project (NETSDK1005, NETSDK1047, NETSDK1064). Restore after all.
            if (again.ExitCode == 0 || !new[] { "NETSDK1004", "NETSDK1005", "NETSDK1047", "NETSDK1064" }.Any(code => again.Output.Contains(code, StringComparison.Ordinal)))
            {
                return again;
            }
        }

        ProcessResult process = await run(arguments);
        if (!own && !process.Output.Contains("error NU", StringComparison.Ordinal) && State(workingDirectory, folder, environment, extraArguments) is { } restored)
        {
            Restored[folder] = restored;
        }

        return process;
    }

    /// <summary>What restore reads (see the class), hashed; null when there is no assets file to reuse.</summary>
    private static string? State(string workingDirectory, string folder, IReadOnlyDictionary<string, string> environment, string[] extraArguments)
    {
        if (!File.Exists(Path.Combine(folder, "obj", "project.assets.json")))
        {
            return null;
        }

        var text = new StringBuilder(Path.GetFullPath(workingDirectory)).Append('\0');
        IEnumerable<string> files = ProjectFiles(new DirectoryInfo(folder), top: true);
        for (DirectoryInfo? above = Directory.GetParent(folder); above is not null && above.FullName.StartsWith(Path.GetFullPath(DotNet.RepoRoot).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal); above = above.Parent)
        {
            files = files.Concat(above.EnumerateFiles().Select(f => f.FullName).Where(f => IsProjectFile(Path.GetFileName(f))));
        }

        foreach (string file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            text.Append(file).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        }

        for (int i = 0; i < extraArguments.Length; i++)
        {
            if (extraArguments[i] is "--filter" or "--logger")
            {
                i++;
                continue;
            }

            text.Append(extraArguments[i]).Append('\0');
        }

        foreach ((string name, string value) in environment.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith("EVALSPEC_", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("FIXTURE_", StringComparison.OrdinalIgnoreCase))
            {
                text.Append(name).Append('=').Append(value).Append('\0');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool IsProjectFile(string name) =>
        name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase) || name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase)
        || name.Equals("global.json", StringComparison.OrdinalIgnoreCase);

    // The fixture's own bin, obj and TestResults are not walked: restore reads nothing there that this fingerprint needs.
    private static IEnumerable<string> ProjectFiles(DirectoryInfo folder, bool top) =>
        folder.EnumerateFiles().Select(f => f.FullName).Where(f => IsProjectFile(Path.GetFileName(f)))
            .Concat(folder.EnumerateDirectories()
                .Where(d => !(top && d.Name is "bin" or "obj" or "TestResults"))
                .SelectMany(d => ProjectFiles(d, top: false)));
}

/// <summary>The test platform `dotnet test` runs a fixture on.</summary>
internal enum TestPlatform
{
    /// <summary>VSTest (xUnit v2, or xUnit v3 through xunit.v3.mtp-off and xunit.runner.visualstudio).</summary>
    VSTest,

    /// <summary>Microsoft.Testing.Platform (xunit.v3; selected by the global.json of tests/fixtures/mtp).</summary>
    Mtp,
}
