using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// What every package carries (one version, a README, the licence, the repository, symbols with Source Link), and the
/// pack-time checks that refuse a package without them (eng/Packaging.targets).
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageMetadataTests
{
    // The Source Link custom debug information of a portable PDB (its JSON maps document paths to URLs).
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private readonly PackedFeed _feed;

    public PackageMetadataTests(PackedFeed feed)
    {
        _feed = feed;
    }

    [Fact]
    public void Every_package_has_the_one_version_a_readme_the_licence_and_its_repository()
    {
        _ = _feed.Pack;
        Directory.EnumerateFiles(_feed.Feed, "*.nupkg").Select(Path.GetFileName)
            .Should().BeEquivalentTo(PackedFeed.PackageIds.Select(id => $"{id}.{_feed.Version}.nupkg"), "EvalSpec.Packages.slnf packs exactly the packages, all with the version of Directory.Build.props");

        foreach (string id in PackedFeed.PackageIds)
        {
            using ZipArchive package = ZipFile.OpenRead(_feed.PackagePath(id));
            XElement metadata = Nuspec(package, id);
            XNamespace ns = metadata.Name.Namespace;
            metadata.Element(ns + "version")!.Value.Should().Be(_feed.Version, id);
            metadata.Element(ns + "description")!.Value.Should().NotBeNullOrWhiteSpace(id);
            metadata.Element(ns + "license")!.Attribute("type")!.Value.Should().Be("expression", id);
            metadata.Element(ns + "license")!.Value.Should().Be("MIT", id);
            metadata.Element(ns + "authors")!.Value.Should().Be("EvalSpec contributors", id);

            string readme = metadata.Element(ns + "readme")?.Value ?? throw new InvalidOperationException($"{id} has no readme element");
            string readmeText = Read(package, readme);
            readmeText.Should().StartWith($"# {id}", $"{id}'s package README is its own, not another package's");

            XElement repository = metadata.Element(ns + "repository") ?? throw new InvalidOperationException($"{id} has no repository element");
            repository.Attribute("type")?.Value.Should().Be("git", id);
            repository.Attribute("url")?.Value.Should().Be(PackedFeed.RepositoryUrl, id);
            repository.Attribute("commit")?.Value.Should().Be(_feed.Commit, id);

            // A package that depends on another EvalSpec package depends on this very version.
            foreach (XElement dependency in metadata.Descendants(ns + "dependency").Where(d => d.Attribute("id")!.Value.StartsWith("EvalSpec", StringComparison.Ordinal)))
            {
                dependency.Attribute("version")!.Value.Should().Be(_feed.Version, $"{id} depends on {dependency.Attribute("id")!.Value}");
            }
        }

        using ZipArchive miniLm = ZipFile.OpenRead(_feed.PackagePath("EvalSpec.Embeddings.MiniLM"));
        XElement miniLmMetadata = Nuspec(miniLm, "EvalSpec.Embeddings.MiniLM");
        miniLmMetadata.Descendants(miniLmMetadata.Name.Namespace + "dependency").Select(d => d.Attribute("id")!.Value).Should().Contain("EvalSpec");
    }

    [Fact]
    public void Every_package_with_code_has_symbols_whose_source_link_points_at_the_commit()
    {
        _ = _feed.Pack;
        File.Exists(_feed.PackagePath("EvalSpec.Templates", ".snupkg")).Should().BeFalse("the template package has no assembly");
        string raw = $"https://raw.githubusercontent.com/evalspec-e2e/evalspec/{_feed.Commit}/*";

        foreach (string id in PackedFeed.PackageIds.Where(id => id != "EvalSpec.Templates"))
        {
            string symbols = _feed.PackagePath(id, ".snupkg");
            File.Exists(symbols).Should().BeTrue($"{id} has a symbol package");
            using ZipArchive archive = ZipFile.OpenRead(symbols);
            ZipArchiveEntry[] pdbs = archive.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).ToArray();
            pdbs.Should().NotBeEmpty(id);
            foreach (ZipArchiveEntry pdb in pdbs)
            {
                (string? sourceLink, string[] documents) = ReadPdb(pdb);
                sourceLink.Should().NotBeNull($"{id}: {pdb.FullName} has Source Link");
                JsonDocument.Parse(sourceLink!).RootElement.GetProperty("documents").GetProperty("/_/*").GetString()
                    .Should().Be(raw, $"{id}: {pdb.FullName} maps its sources to the raw files of the commit");

                // Built with CI=true: ContinuousIntegrationBuild maps the build folder to /_/, so the PDB does not depend on where it was built.
                documents.Should().Contain(d => d.StartsWith("/_/src/", StringComparison.Ordinal), $"{id}: {pdb.FullName}");
                documents.Should().NotContain(d => d.StartsWith(_feed.Source, StringComparison.Ordinal), $"{id}: {pdb.FullName}");
            }
        }
    }

    [Fact]
    public async Task Pack_fails_naming_the_package_when_it_has_no_readme()
    {
        _ = _feed.Pack;
        string project = Path.Combine(_feed.Source, "src", "EvalSpec.FluentAssertions", "EvalSpec.FluentAssertions.csproj");

        ProcessResult pack = await PackWithChangedProjectAsync(project, text => text
            .Replace("    <PackageReadmeFile>README.md</PackageReadmeFile>\n", string.Empty, StringComparison.Ordinal)
            .Replace("    <None Include=\"README.md\" Pack=\"true\" PackagePath=\"\\\" />\n", string.Empty, StringComparison.Ordinal));

        pack.ExitCode.Should().NotBe(0, pack.ToString());
        pack.Output.Should().Contain("error ESPACK001").And.Contain("Package EvalSpec.FluentAssertions (EvalSpec.FluentAssertions.csproj) has no README");
    }

    [Fact]
    public async Task Pack_fails_when_a_package_sets_a_version_of_its_own()
    {
        _ = _feed.Pack;
        string project = Path.Combine(_feed.Source, "src", "EvalSpec.FluentAssertions", "EvalSpec.FluentAssertions.csproj");

        ProcessResult pack = await PackWithChangedProjectAsync(project, text => text
            .Replace("    <IsPackable>true</IsPackable>\n", "    <IsPackable>true</IsPackable>\n    <Version>9.9.9</Version>\n", StringComparison.Ordinal));

        pack.ExitCode.Should().NotBe(0, pack.ToString());
        pack.Output.Should().Contain("error ESPACK004").And.Contain($"would be version 9.9.9, but every EvalSpec package is version {_feed.Version}");
    }

    [Fact]
    public async Task Pack_fails_naming_the_template_file_and_package_when_a_template_version_has_no_central_version()
    {
        _ = _feed.Pack;
        string project = Path.Combine(_feed.Source, "templates", "EvalSpec.Templates", "EvalSpec.Templates.csproj");
        string templateProject = Path.Combine(_feed.Source, "templates", "EvalSpec.Templates", "content", "EvalProject", "MyEvals.csproj");

        ProcessResult pack = await PackWithChangedProjectAsync(project, text => text.Replace(
            "    <PackageReference Include=\"Microsoft.NET.Test.Sdk\"",
            "    <PackageReference Include=\"Contoso.Unlisted\" Version=\"@PackageVersion:Contoso.Unlisted@\" />\n    <PackageReference Include=\"Microsoft.NET.Test.Sdk\"",
            StringComparison.Ordinal), templateProject);

        pack.ExitCode.Should().NotBe(0, pack.ToString());
        pack.Output.Should().Contain("MyEvals.csproj : error ESPACK010")
            .And.Contain("@PackageVersion:Contoso.Unlisted@ was not filled in: package Contoso.Unlisted has no PackageVersion in Directory.Packages.props");
    }

    /// <summary>
    /// Packs <paramref name="project"/> of the scratch repository, already built by the collection's pack, after
    /// <paramref name="change"/> to its project file, or to <paramref name="changedFile"/> when given (asserted to
    /// change it); the file is put back afterwards.
    /// </summary>
    private async Task<ProcessResult> PackWithChangedProjectAsync(string project, Func<string, string> change, string? changedFile = null)
    {
        changedFile ??= project;
        string original = File.ReadAllText(changedFile);
        string changed = change(original);
        changed.Should().NotBe(original, "the test must break the file it packs");
        File.WriteAllText(changedFile, changed);
        try
        {
            return await DotNet.RunAsync(
                _feed.Source,
                new Dictionary<string, string> { ["CI"] = "true" },
                "pack", project, "-c", "Release", "--no-build", "-o", Path.Combine(_feed.Root, "broken-" + Guid.NewGuid().ToString("n")[..8]), "--version-suffix", _feed.VersionSuffix);
        }
        finally
        {
            File.WriteAllText(changedFile, original);
        }
    }

    private static XElement Nuspec(ZipArchive package, string id)
    {
        ZipArchiveEntry entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = entry.Open();
        XElement root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata") ?? throw new InvalidOperationException($"{id}: no metadata in {entry.FullName}");
    }

    private static string Read(ZipArchive package, string path)
    {
        ZipArchiveEntry entry = package.GetEntry(path) ?? throw new InvalidOperationException($"{path} is not in the package");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static (string? SourceLink, string[] Documents) ReadPdb(ZipArchiveEntry pdb)
    {
        using var copy = new MemoryStream();
        using (Stream stream = pdb.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(copy);
        MetadataReader reader = provider.GetMetadataReader();
        string? sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation)
            .Where(information => reader.GetGuid(information.Kind) == SourceLinkKind)
            .Select(information => Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)))
            .SingleOrDefault();
        string[] documents = reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)).ToArray();
        return (sourceLink, documents);
    }
}
