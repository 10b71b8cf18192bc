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
        ProcessResult process = await RepeatRuns.RunAsync(mtpFolder, projectDirectory, variables, arguments, extraArguments, trx);
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
        ProcessResult process = await RepeatRuns.RunAsync(DotNet.RepoRoot, projectDirectory, variables, arguments, extraArguments, trx);
        if (!Directory.Exists(trx))
        {
            throw new InvalidOperationException("dotnet test wrote no TRX file:\n" + process);
        }

        return new SuiteRun(process, TrxReport.Load(trx), Path.Combine(root, "evalspec", "e2e"));
    }
}

/// <summary>
/// Restores and builds a fixture once per state: the end-to-end tests run `dotnet test` on the same fixtures about a
/// hundred and thirty times, and a no-op restore and an up-to-date build of a fixture and EvalSpec's projects cost about
/// four seconds of every run. A run of a project this process already ran, with nothing changed that restore reads, gets
/// <c>--no-restore</c>; with nothing changed that the build reads either, and the last build of that state successful
/// (it ran tests), it gets <c>--no-build</c>, as a developer's second `dotnet test --no-build` would.
/// <para>What restore reads, as far as this class tracks it: the project files under the fixture's folder and in every
/// folder above it up to the repository (*.csproj, *.props, *.targets, nuget.config, global.json), the working directory,
/// the arguments other than <c>--filter</c> and <c>--logger</c> and their values, and the environment given other than
/// EvalSpec's options and the fixtures' own FIXTURE_ variables (read at run time only). What the build reads besides: every
/// file of the repository's src/ and eng/ folders and of the fixtures' folder (tests/fixtures without .work; a scratch
/// copy's own folder under .work instead, since fixtures compile each other's sources), bin, obj and TestResults left
/// out, and the files of every folder above that one up to the repository's top; left out too are the files a run writes
/// beside the sources and the build does not read (recordings/ folders, .received. and .verified. snapshots), unless their
/// extension is one the build reads (.cs, .jsonl, .csv, .prompts, .resx). A file the build does not read but a run writes
/// (a baseline) only costs a build.</para>
/// </summary>
internal static class RepeatRuns
{
    private static readonly ConcurrentDictionary<string, string> Restored = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Built = new(StringComparer.Ordinal);

    private static readonly string[] RestoreErrors = { "NETSDK1004", "NETSDK1005", "NETSDK1047", "NETSDK1064" };

    private static readonly string[] BuildReads = { ".cs", ".jsonl", ".csv", ".prompts", ".resx" };

    /// <summary>
    /// EVALSPECDEV_RUN_TRACE=&lt;file&gt; appends a line per run to that file: seconds, how it ran ("as given", --no-restore,
    /// --no-build) and the project (to see where the end-to-end tests' time goes). The file is no build input, wherever it is.
    /// </summary>
    private static readonly string? TraceFile = Environment.GetEnvironmentVariable("EVALSPECDEV_RUN_TRACE") is { Length: > 0 } file ? Path.GetFullPath(file) : null;

    private static readonly object TraceLock = new();

    /// <summary>
    /// Runs the dotnet CLI with <paramref name="arguments"/>, or with <c>--no-build</c> or <c>--no-restore</c> inserted
    /// before <paramref name="extraArguments"/> (their tail). A run that writes a TRX file into <paramref name="trxFolder"/>
    /// ran tests, so its build succeeded.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, string projectDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments, string[] extraArguments, string trxFolder)
    {
        DateTime started = DateTime.UtcNow;
        async Task<ProcessResult> run(string flag)
        {
            started = DateTime.UtcNow;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            ProcessResult result = await DotNet.RunAsync(workingDirectory, environment, flag.Length == 0 ? arguments : [.. arguments[..^extraArguments.Length], flag, .. extraArguments]);
            if (TraceFile is not null)
            {
                lock (TraceLock)
                {
                    File.AppendAllText(TraceFile, FormattableString.Invariant($"{clock.Elapsed.TotalSeconds:F1}\t{(flag.Length == 0 ? "as given" : flag)}\t{Path.GetRelativePath(Root, projectDirectory)}\n"));
                }
            }

            return result;
        }

        // Only a TRX file written by this attempt counts (a caller may give the folder of an earlier run).
        bool testsRan() => Directory.Exists(trxFolder)
            && Directory.EnumerateFiles(trxFolder, "*.trx", SearchOption.AllDirectories).Any(f => File.GetLastWriteTimeUtc(f) >= started);

        string folder = Path.GetFullPath(projectDirectory);
        if (extraArguments.Contains("--no-restore") || extraArguments.Contains("--no-build"))
        {
            return await run(string.Empty);
        }

        string? restoreState = RestoreState(workingDirectory, folder, environment, extraArguments);
        string? buildInputs = BuildInputs(folder);
        if (restoreState is not null && buildInputs is not null && Built.TryGetValue(folder, out string? built) && built == restoreState + buildInputs + Output(folder))
        {
            // This very state was built, that build ran tests, and its output is as it left it (no other build wrote it since).
            return await run("--no-build");
        }

        if (restoreState is not null && Restored.TryGetValue(folder, out string? restored) && restored == restoreState)
        {
            ProcessResult again = await run("--no-restore");

            // These fail the build before any test runs: the assets file is gone (NETSDK1004) or does not match the project
            // (NETSDK1005, NETSDK1047, NETSDK1064). Restore after all.
            if (again.ExitCode == 0 || testsRan() || !RestoreErrors.Any(code => again.Output.Contains(code, StringComparison.Ordinal)))
            {
                Remember(folder, restoreState, buildInputs, testsRan());
                return again;
            }
        }

        ProcessResult process = await run(string.Empty);
        if (!process.Output.Contains("error NU", StringComparison.Ordinal) && RestoreState(workingDirectory, folder, environment, extraArguments) is { } now)
        {
            Remember(folder, now, buildInputs, testsRan());
        }

        return process;
    }

    /// <summary>
    /// Remembers what a run of <paramref name="folder"/> restored and, when it ran tests, what it built: the build inputs
    /// from before the run, unless the run changed them (then the next run builds), and the output it left.
    /// </summary>
    private static void Remember(string folder, string restoreState, string? buildInputs, bool testsRan)
    {
        Restored[folder] = restoreState;
        if (testsRan && buildInputs is not null && BuildInputs(folder) == buildInputs)
        {
            Built[folder] = restoreState + buildInputs + Output(folder);
        }
        else
        {
            Built.TryRemove(folder, out _);
        }
    }

    /// <summary>The project's bin folder as names, sizes and times: another build that wrote it shows here.</summary>
    private static string Output(string folder)
    {
        var bin = new DirectoryInfo(Path.Combine(folder, "bin"));
        if (!bin.Exists)
        {
            return "none";
        }

        try
        {
            var text = new StringBuilder();
            foreach (FileInfo file in bin.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                text.Append(file.FullName).Append('\0').Append(file.Length).Append('\0').Append(file.LastWriteTimeUtc.Ticks).Append('\0');
            }

            return Hash(text.ToString());
        }
        catch (IOException)
        {
            // A file went while it was listed: match nothing, so the next run builds.
            return Guid.NewGuid().ToString("n");
        }
    }

    /// <summary>What restore reads (see the class), hashed; null when there is no assets file to reuse.</summary>
    private static string? RestoreState(string workingDirectory, string folder, IReadOnlyDictionary<string, string> environment, string[] extraArguments)
    {
        if (!File.Exists(Path.Combine(folder, "obj", "project.assets.json")))
        {
            return null;
        }

        var text = new StringBuilder(Path.GetFullPath(workingDirectory)).Append('\0');
        IEnumerable<string> files = ProjectFiles(new DirectoryInfo(folder), top: true);
        files = files.Concat(FilesAbove(folder).Where(f => IsProjectFile(Path.GetFileName(f))));

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

        return Hash(text.ToString());
    }

    /// <summary>
    /// What the build reads besides (see the class), hashed; null for a project outside tests/fixtures, or when a file went
    /// while it was read (a run writing beside the sources at the same time): no shortcut then.
    /// </summary>
    private static string? BuildInputs(string folder)
    {
        string fixtures = Path.Combine(Root, "tests", "fixtures");
        string work = Path.Combine(fixtures, ".work");
        if (!folder.StartsWith(fixtures + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !Directory.Exists(folder))
        {
            return null;
        }

        string fixtureFiles = folder.StartsWith(work + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.Combine(work, Path.GetRelativePath(work, folder).Split(Path.DirectorySeparatorChar)[0])
            : fixtures;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            IEnumerable<string> files = new[] { Path.Combine(Root, "src"), Path.Combine(Root, "eng"), fixtureFiles }
                .SelectMany(f => BuildFiles(new DirectoryInfo(f), inRecordings: false));
            files = files.Concat(FilesAbove(fixtureFiles));
            foreach (string file in files.Where(f => f != TraceFile).OrderBy(f => f, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
                hash.AppendData(File.ReadAllBytes(file));
                hash.AppendData(new byte[1]);
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> BuildFiles(DirectoryInfo folder, bool inRecordings) =>
        folder.EnumerateFiles()
            .Where(f => BuildReads.Contains(f.Extension, StringComparer.OrdinalIgnoreCase) || !(inRecordings || WrittenByRuns(f.Name)))
            .Select(f => f.FullName)
            .Concat(folder.EnumerateDirectories()
                .Where(d => d.Name is not ("bin" or "obj" or "TestResults" or ".work"))
                .SelectMany(d => BuildFiles(d, inRecordings || d.Name == "recordings")));

    private static bool WrittenByRuns(string name) =>
        name.Contains(".received.", StringComparison.Ordinal) || name.Contains(".verified.", StringComparison.Ordinal);

    /// <summary>The files of every folder above <paramref name="folder"/> up to the repository's top (not their subfolders).</summary>
    private static IEnumerable<string> FilesAbove(string folder)
    {
        for (DirectoryInfo? above = Directory.GetParent(folder); above is not null && above.FullName.StartsWith(Root, StringComparison.Ordinal); above = above.Parent)
        {
            foreach (FileInfo file in above.EnumerateFiles())
            {
                yield return file.FullName;
            }
        }
    }

    private static string Root { get; } = Path.GetFullPath(DotNet.RepoRoot).TrimEnd(Path.DirectorySeparatorChar);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

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
