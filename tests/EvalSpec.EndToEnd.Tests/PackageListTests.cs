using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// EvalSpec.Packages.slnf is what the README's install section packs: a package project missing from it (a new adapter
/// package, say) would be missing from every local feed built that way.
/// </summary>
public sealed class PackageListTests
{
    [Fact]
    public void The_package_filter_lists_every_packable_project_of_the_solution_and_only_projects_that_exist()
    {
        string[] solutionProjects = Regex.Matches(File.ReadAllText(Path.Combine(DotNet.RepoRoot, "EvalSpec.sln")), "\"([^\"]+\\.csproj)\"")
            .Select(m => m.Groups[1].Value.Replace('\\', '/'))
            .ToArray();
        string[] packable = solutionProjects
            .Where(project => Regex.IsMatch(File.ReadAllText(Path.Combine(DotNet.RepoRoot, project)), "<(IsPackable|PackAsTool)>true</", RegexOptions.IgnoreCase))
            .ToArray();

        using JsonDocument filter = JsonDocument.Parse(File.ReadAllText(Path.Combine(DotNet.RepoRoot, "EvalSpec.Packages.slnf")));
        filter.RootElement.GetProperty("solution").GetProperty("path").GetString().Should().Be("EvalSpec.sln");
        string[] filtered = filter.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray()
            .Select(p => p.GetString()!.Replace('\\', '/'))
            .ToArray();

        packable.Should().NotBeEmpty();
        filtered.Should().Contain(packable, "every packable project of EvalSpec.sln is packed by `dotnet pack EvalSpec.Packages.slnf`");
        filtered.Should().OnlyContain(p => solutionProjects.Contains(p, StringComparer.Ordinal), "a solution filter can only name projects of its solution");
        packable.Select(Path.GetFileNameWithoutExtension).Should().BeEquivalentTo(PackedFeed.PackageIds, "the package tests check every package the filter packs");
    }

    [Fact]
    public void The_install_instructions_name_the_version_the_packages_are_packed_with()
    {
        string version = Regex.Match(File.ReadAllText(Path.Combine(DotNet.RepoRoot, "Directory.Build.props")), "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
        version.Should().NotBeEmpty("Directory.Build.props sets the one VersionPrefix of every package");

        // Every version the install instructions name for an EvalSpec package: a newcomer copies these lines.
        var mentions = new[]
        {
            "README.md",
            "src/EvalSpec/README.md",
            "src/EvalSpec.Cli/README.md",
            "templates/EvalSpec.Templates/README.md",
        }.SelectMany(file => Regex.Matches(
                File.ReadAllText(Path.Combine(DotNet.RepoRoot, file)),
                @"(EvalSpec\.Templates::|Include=""EvalSpec[A-Za-z.]*"" Version=""|install (?:--global )?EvalSpec\.Cli --version )([0-9][0-9A-Za-z.+-]*)")
            .Select(m => (File: file, Text: m.Value, Version: m.Groups[2].Value)))
            .ToArray();

        mentions.Should().Contain(m => m.File == "README.md" && m.Text.StartsWith("EvalSpec.Templates::", StringComparison.Ordinal), "the README's install section installs the template by version");
        mentions.Should().OnlyContain(m => m.Version == version, $"the packages are version {version}; a version bump updates the install instructions too");
    }
}
