using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// The path a new user takes: the packed EvalSpec package (<see cref="PackedFeed"/>, a local folder feed), then a fresh
/// xUnit project outside this repository that references only that package writes an eval class and runs `dotnet test`.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageTests : IDisposable
{
    private readonly PackedFeed _feed;
    private readonly string _app;

    public PackageTests(PackedFeed feed)
    {
        _feed = feed;
        _app = Path.Combine(feed.Root, "apps", Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(_app);
    }

    private string Feed => _feed.Feed;

    private string App => _app;

    public void Dispose()
    {
        foreach (string folder in new[] { _app, _app + "-trx" })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // The feed's folder is deleted with the collection anyway.
            }
        }
    }

    [Fact]
    public async Task A_fresh_project_using_only_the_package_lists_runs_and_records_its_rows()
    {
        ProcessResult pack = _feed.Pack;
        string package = _feed.PackagePath("EvalSpec");
        File.Exists(package).Should().BeTrue(pack.ToString());
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            zip.Entries.Select(e => e.FullName).Should().Contain(new[]
            {
                "lib/net8.0/EvalSpec.dll",
                "lib/net10.0/EvalSpec.dll",
                "analyzers/dotnet/cs/EvalSpec.Generators.dll",
                "analyzers/dotnet/cs/EvalSpec.Analyzers.dll",
                "analyzers/dotnet/cs/EvalSpec.CodeFixes.dll",
                "build/EvalSpec.targets",
            });

            // The core package references no xUnit: an xUnit v3 project must never see xUnit v2 assemblies.
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName == "EvalSpec.nuspec").Open());
            System.Xml.Linq.XDocument.Parse(nuspec.ReadToEnd()).Descendants().Where(d => d.Name.LocalName == "dependency")
                .Select(d => d.Attribute("id")!.Value).Should().NotContain(id => id.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
        }

        WriteApp();

        ProcessResult list = await DotNet.RunAsync(App, null, "test", "--list-tests");
        list.ExitCode.Should().Be(0, list.ToString());
        list.Output.Should().Contain("RefundEvals.RefundWindow [laptop · formal]")
            .And.Contain("RefundEvals.RefundWindow [headphones · casual · lowercase]")
            .And.Contain("RefundEvals.RefundWindow [tablet · casual · whitespace-noise]");

        string trx = App + "-trx";
        ProcessResult test = await DotNet.RunAsync(App, null, "test", "--no-build", "--logger", "trx;LogFileName=app.trx", "--results-directory", trx);
        test.ExitCode.Should().NotBe(0, "the tablet rows fail");
        TrxReport report = TrxReport.Load(trx);
        report.Results.Should().HaveCount(18, test.ToString());
        report.Results.Where(r => r.Value.Outcome == "Failed").Select(r => r.Key).Should().BeEquivalentTo(
            "RefundEvals.RefundWindow [tablet · formal]",
            "RefundEvals.RefundWindow [tablet · casual]");
        report.Results["RefundEvals.RefundWindow [tablet · formal]"].Message.Should().Contain("Expected: \"30 days\"");

        // Results land in the fresh project's own TestResults folder (found through the package's build targets).
        string runs = Path.Combine(App, "TestResults", "evalspec");
        string run = Directory.EnumerateDirectories(runs).Single();
        File.ReadAllLines(Path.Combine(run, "results.jsonl")).Should().HaveCount(18);
        JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement
            .GetProperty("rows").GetProperty("fail").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_fresh_xunit_v3_project_using_the_v3_adapter_runs_its_rows_and_sees_no_xunit_v2()
    {
        _ = _feed.Pack;
        WriteApp(xunitV3: true);

        string trx = App + "-trx";
        ProcessResult test = await DotNet.RunAsync(App, null, "test", "--logger", "trx;LogFileName=app.trx", "--results-directory", trx);
        test.ExitCode.Should().Be(1, "the tablet rows fail\n" + test);
        TrxReport report = TrxReport.Load(trx);
        report.Results.Should().HaveCount(18, test.ToString());
        report.Results.Where(r => r.Value.Outcome == "Failed").Select(r => r.Key).Should().BeEquivalentTo(
            "RefundEvals.RefundWindow [tablet · formal]",
            "RefundEvals.RefundWindow [tablet · casual]");
        string run = Directory.EnumerateDirectories(Path.Combine(App, "TestResults", "evalspec")).Single();
        JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement
            .GetProperty("rows").GetProperty("fail").GetInt32().Should().Be(2);

        // What restore resolved for the project: xUnit v3 only.
        JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "obj", "project.assets.json"))).RootElement.GetProperty("libraries")
            .EnumerateObject().Select(library => library.Name.Split('/')[0])
            .Should().Contain("xunit.v3.extensibility.core")
            .And.NotContain(new[] { "xunit.core", "xunit.extensibility.core", "xunit.extensibility.execution", "xunit.abstractions" });
    }

    [Fact]
    public async Task The_packaged_analyzer_reports_authoring_mistakes_at_build_time()
    {
        _ = _feed.Pack;
        WriteApp();
        File.WriteAllText(Path.Combine(App, "BrokenEvals.cs"), """
            using EvalSpec;

            namespace Contoso.Support.Evals;

            public partial class BrokenEvals
            {
                [Eval]
                [Prompt("formal", "What is the refund window for {prodcut}?")]
                [Case("laptop")]
                public Task<string> Refund(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """);

        ProcessResult build = await DotNet.RunAsync(App, null, "build");

        build.ExitCode.Should().NotBe(0);
        build.Output.Should().Contain("error ES1001").And.Contain("{prodcut}").And.Contain("Valid placeholders: {product}");
    }

    private void WriteApp(bool xunitV3 = false)
    {
        File.WriteAllText(Path.Combine(App, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(App, "Support.Evals.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <OutputType>{(xunitV3 ? "Exe" : "Library")}</OutputType>
              </PropertyGroup>
              <ItemGroup>
                {(xunitV3 ? References("EvalSpec.Xunit.V3", "xunit.v3.mtp-off", "4.0.3") : References("EvalSpec.Xunit", "xunit", "2.9.3"))}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(App, "RefundEvals.cs"), """
            using EvalSpec;
            using EvalSpec.Metamorphic;

            namespace Contoso.Support.Evals;

            public partial class RefundEvals
            {
                private static readonly Dictionary<string, string> Windows = new()
                {
                    ["laptop"] = "You can return a laptop within 30 days.",
                    ["headphones"] = "Headphones can be returned within 14 days.",
                };

                [Eval(Rubric = "States the refund window for the product.")]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", "how long can i send back my {product}")]
                [Case("laptop", Expected = "30 days")]
                [Case("headphones", Expected = "14 days")]
                [Case("tablet", Expected = "30 days")]
                [Invariant<Lowercase>, Invariant<WhitespaceNoise>]
                public async Task<string> RefundWindow(EvalInput input, string product)
                {
                    await Task.Delay(10, input.CancellationToken);
                    return Windows.FirstOrDefault(w => input.Prompt.Contains(w.Key, StringComparison.OrdinalIgnoreCase)).Value
                        ?? "Sorry, I can't help with that.";
                }
            }
            """);
    }

    // The adapter package brings EvalSpec (runtime, generator, analyzers); the rest is what a VSTest xUnit project has.
    private string References(string adapter, string xunit, string xunitVersion) => $"""
        <PackageReference Include="{adapter}" Version="{_feed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="{xunit}" Version="{xunitVersion}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
        """;
}
