using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// Every EvalSpec package, packed once for the tests of <see cref="PackagesCollection"/> the way the README tells a
/// newcomer to (<c>dotnet pack EvalSpec.Packages.slnf -c Release -o &lt;feed&gt;</c>) and the way a build server packs a
/// release: from a git repository whose remote "origin" is on GitHub, with <c>CI=true</c>. The repository is a scratch
/// copy of this working tree (tracked and new files, uncommitted changes included) committed into a fresh git repository,
/// so Source Link and the repository metadata have a remote to point at and the real checkout's bin/obj folders are not
/// touched. The version gets a unique suffix (<c>--version-suffix</c>), so the global packages folder never serves a
/// stale package; its prefix is the one in Directory.Build.props.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>The GitHub remote of the scratch repository: what Source Link and the nuspec's repository element must name.</summary>
    public const string RepositoryUrl = "https://github.com/evalspec-e2e/evalspec.git";

    /// <summary>The packages EvalSpec.Packages.slnf must produce, each with the same version.</summary>
    public static readonly string[] PackageIds =
    {
        "EvalSpec",
        "EvalSpec.Cli",
        "EvalSpec.Embeddings.MiniLM",
        "EvalSpec.FluentAssertions",
        "EvalSpec.Templates",
        "EvalSpec.Xunit",
        "EvalSpec.Xunit.V3",
    };

    private ProcessResult? _pack;

    /// <summary>The temporary folder holding the scratch repository, the feed and anything the tests create.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "evalspec-package-e2e", Guid.NewGuid().ToString("n")[..12]);

    /// <summary>The scratch repository the packages were packed from.</summary>
    public string Source => Path.Combine(Root, "repo");

    /// <summary>The local feed: every .nupkg and .snupkg.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The version suffix given to <c>dotnet pack</c>.</summary>
    public string VersionSuffix { get; } = "e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>VersionPrefix from the scratch repository's Directory.Build.props: the one place the version is set.</summary>
    public string VersionPrefix { get; private set; } = string.Empty;

    /// <summary>The version every package must have.</summary>
    public string Version => VersionPrefix + "-" + VersionSuffix;

    /// <summary>The commit of the scratch repository.</summary>
    public string Commit { get; private set; } = string.Empty;

    /// <summary>How long the pack took (reported by the tests, never asserted).</summary>
    public TimeSpan PackTime { get; private set; }

    /// <summary>The result of the pack; fails the calling test with its output if the pack failed.</summary>
    internal ProcessResult Pack
    {
        get
        {
            if (_pack is null || _pack.ExitCode != 0)
            {
                throw new InvalidOperationException("Packing the EvalSpec packages failed, so this test cannot run:\n" + _pack);
            }

            return _pack;
        }
    }

    /// <summary>The path of a package of the feed.</summary>
    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Feed, $"{id}.{Version}{extension}");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        await CopyWorkingTreeAsync();
        VersionPrefix = Regex.Match(File.ReadAllText(Path.Combine(Source, "Directory.Build.props")), "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
        Commit = await CommitScratchRepositoryAsync();

        var clock = Stopwatch.StartNew();
        _pack = await DotNet.RunAsync(
            Source,
            new Dictionary<string, string> { ["CI"] = "true" },
            "pack", "EvalSpec.Packages.slnf", "-c", "Release", "-o", Feed, "--version-suffix", VersionSuffix);
        PackTime = clock.Elapsed;
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        // Restores and `dotnet tool restore` put the packages into the machine's global packages folder: remove this
        // run's version of each, so nothing but this run ever sees it.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in PackageIds)
        {
            TryDelete(Path.Combine(packages, id.ToLowerInvariant(), Version.ToLowerInvariant()));
        }

        TryDelete(Root);
        return Task.CompletedTask;
    }

    /// <summary>Runs git in <paramref name="directory"/>, failing with its output when it fails.</summary>
    public static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        ProcessResult git = await DotNet.RunProgramAsync("git", directory, null, arguments);
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException(git.ToString());
        }

        return git.Output.Trim();
    }

    private async Task CopyWorkingTreeAsync()
    {
        // Tracked and untracked files, minus what .gitignore excludes (bin, obj, TestResults...): the working tree a
        // developer would commit.
        string files = await GitAsync(DotNet.RepoRoot, "-c", "core.quotePath=false", "ls-files", "--cached", "--others", "--exclude-standard");
        foreach (string relative in files.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string from = Path.Combine(DotNet.RepoRoot, relative);
            if (!File.Exists(from))
            {
                continue;   // deleted in the working tree, not yet committed
            }

            string to = Path.Combine(Source, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }

    private async Task<string> CommitScratchRepositoryAsync()
    {
        await GitAsync(Source, "init", "--quiet", "--initial-branch=main");
        await GitAsync(Source, "add", "--all");
        await GitAsync(Source, "-c", "user.name=EvalSpec e2e", "-c", "user.email=e2e@evalspec.invalid", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "Working tree of the package tests");
        await GitAsync(Source, "remote", "add", "origin", RepositoryUrl);
        return await GitAsync(Source, "rev-parse", "HEAD");
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
