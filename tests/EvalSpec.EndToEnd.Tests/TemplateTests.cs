using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// The README's install section, step by step: the packages in a local feed (<see cref="PackedFeed"/>), a nuget.config
/// naming it and the registry, `dotnet new install` of the template package from the feed, `dotnet new evalspec`, then
/// `dotnet test`. The template goes into a template hive of the test's own (<c>--debug:custom-hive</c>), never into
/// the machine's template list.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class TemplateTests : IDisposable
{
    private static readonly string[] ExampleRows =
    {
        "RefundEvals.RefundWindow [laptop · formal]",
        "RefundEvals.RefundWindow [laptop · casual · lowercase]",
        "RefundEvals.RefundWindow [headphones · casual · whitespace-noise]",
        "RefundEvals.RefundWindow [monitor · formal · whitespace-noise]",
    };

    private readonly PackedFeed _feed;
    private readonly ITestOutputHelper _output;
    private readonly string _work;

    public TemplateTests(PackedFeed feed, ITestOutputHelper output)
    {
        _feed = feed;
        _output = output;
        _work = Path.Combine(feed.Root, "template-" + Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(_work);
    }

    private string Hive => Path.Combine(_work, "hive");

    /// <summary>The folder the user works in: the nuget.config of the README, and the created projects.</summary>
    private string Work => Path.Combine(_work, "work");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // The feed's folder is deleted with the collection anyway.
        }
    }

    [Fact]
    public async Task Dotnet_new_evalspec_creates_a_project_that_passes_from_the_local_feed_and_its_CI_workflow_replays_and_gates_it()
    {
        _output.WriteLine($"pack of every package (shared by the collection): {_feed.PackTime.TotalSeconds:F0} s");
        await InstallTemplateAsync();

        ProcessResult created = await Step("dotnet new evalspec", DotNet.RunAsync(Work, null, "new", "evalspec", "-n", "MyEvals", "--debug:custom-hive", Hive));
        created.ExitCode.Should().Be(0, created.ToString());
        created.Output.Should().Contain("GitHub reads workflows only from the repository root", "the post-action says where the workflow goes");
        string project = Path.Combine(Work, "MyEvals");
        foreach (string file in new[] { "MyEvals.csproj", "RefundEvals.cs", "ReturnsDesk.cs", "EvalsStartup.cs", "evalspec.json", "README.md", ".gitignore", ".gitattributes", ".github/workflows/evals.yml", ".config/dotnet-tools.json" })
        {
            File.Exists(Path.Combine(project, file)).Should().BeTrue($"the template creates {file}");
        }

        // The template references the packages of the version it was packed with (the only version in the feed).
        string csproj = File.ReadAllText(Path.Combine(project, "MyEvals.csproj"));
        csproj.Should().Contain($"<PackageReference Include=\"EvalSpec.Xunit.V3\" Version=\"{_feed.Version}\" />", "a new project is on xUnit v3")
            .And.Contain("<PackageReference Include=\"xunit.v3.mtp-off\" Version=\"4.")
            .And.Contain("<OutputType>Exe</OutputType>")
            .And.NotContain("<PackageReference Include=\"xunit\" ")
            .And.NotContain("\"EvalSpec.Xunit\"")
            .And.NotContain("EvalSpec.Embeddings.MiniLM")
            .And.NotContain("EVALSPEC_TEMPLATE_");
        JsonDocument.Parse(File.ReadAllText(Path.Combine(project, ".config", "dotnet-tools.json"))).RootElement
            .GetProperty("tools").GetProperty("evalspec.cli").GetProperty("version").GetString().Should().Be(_feed.Version);
        foreach (string file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
        {
            File.ReadAllText(file).Should().NotContain("@EvalSpecVersion@").And.NotContain("@PackageVersion:", $"every version token of the template is filled in when it is packed ({file})");
        }

        File.ReadAllText(Path.Combine(project, ".gitignore")).Should().Contain("TestResults/").And.Contain("*.received.*").And.Contain("*.evalspec.tmp");

        // `dotnet test MyEvals`, as the README says; warnings as errors: the example must compile clean.
        string trx = Path.Combine(_work, "trx");
        ProcessResult test = await Step("dotnet test MyEvals", DotNet.RunAsync(Work, null, "test", "MyEvals", "-p:TreatWarningsAsErrors=true", "--logger", "trx;LogFileName=evals.trx", "--results-directory", trx));
        test.ExitCode.Should().Be(0, test.ToString());
        TrxReport report = TrxReport.Load(trx);
        report.Results.Should().HaveCount(18, test.ToString());
        report.Results.Values.Should().OnlyContain(r => r.Outcome == "Passed", test.ToString());
        report.Results.Keys.Should().Contain(ExampleRows);

        string run = Directory.EnumerateDirectories(Path.Combine(project, "TestResults", "evalspec")).Single();
        File.ReadAllLines(Path.Combine(run, "results.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("outcome").GetString())
            .Should().HaveCount(18).And.OnlyContain(outcome => outcome == "pass");
        JsonElement summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement;
        summary.GetProperty("rows").GetProperty("pass").GetInt32().Should().Be(18);
        summary.GetProperty("maxConcurrency").GetInt32().Should().Be(4, "the template's evalspec.json sets MaxConcurrency 4, and is copied next to the test assembly");

        // The local steps before a first pull request: the tool pinned by the project, then a baseline of a reviewed run.
        ProcessResult toolRestore = await Step("dotnet tool restore", DotNet.RunAsync(project, null, "tool", "restore"));
        toolRestore.ExitCode.Should().Be(0, toolRestore.ToString());
        ProcessResult baseline = await Step("dotnet evalspec baseline update", DotNet.RunAsync(project, null, "evalspec", "baseline", "update"));
        baseline.ExitCode.Should().Be(0, baseline.ToString());
        File.Exists(Path.Combine(project, "evalspec.baseline.json")).Should().BeTrue(baseline.ToString());

        // The pull-request check: the workflow's own commands, on a build server (replay, no model), with its environment.
        string workflow = File.ReadAllText(Path.Combine(project, ".github", "workflows", "evals.yml"));
        workflow.Should().Contain("EVAL_PROJECT: MyEvals", "the workflow names the created project");
        string[] commands = WorkflowCommands(workflow);
        commands.Should().HaveCount(3, "the workflow restores the tool, runs the evals and gates: " + string.Join(" | ", commands));
        var buildServer = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["EVALSPEC_RUNID"] = "gh-e2e-1",
            ["EVALSPEC_RECORDING"] = "replay",
        };
        foreach (string command in commands)
        {
            ProcessResult step = await Step(command, DotNet.RunProgramAsync("bash", project, buildServer, "-c", command));
            step.ExitCode.Should().Be(0, step.ToString());
            if (command.StartsWith("dotnet evalspec gate", StringComparison.Ordinal))
            {
                step.Output.Should().Contain("Gate passed").And.Contain("18 paired row(s)");
            }
        }

        string ciRun = Path.Combine(project, "TestResults", "evalspec", "gh-e2e-1");
        File.ReadAllLines(Path.Combine(ciRun, "results.jsonl")).Should().HaveCount(18);
        File.Exists(Path.Combine(ciRun, "report.md")).Should().BeTrue("the workflow posts report.md on the pull request");
        File.Exists(Path.Combine(project, "gate.json")).Should().BeTrue("the workflow uploads gate.json");
    }

    [Fact]
    public async Task Dotnet_new_evalspec_with_minilm_judges_relation_rows_with_the_local_embedding_model()
    {
        await InstallTemplateAsync();

        // A dotted name: the project, its namespace and the workflow's folder all follow it.
        ProcessResult created = await Step("dotnet new evalspec --minilm", DotNet.RunAsync(Work, null, "new", "evalspec", "-n", "Contoso.Support.Evals", "--minilm", "--debug:custom-hive", Hive));
        created.ExitCode.Should().Be(0, created.ToString());
        string project = Path.Combine(Work, "Contoso.Support.Evals");
        File.ReadAllText(Path.Combine(project, "Contoso.Support.Evals.csproj"))
            .Should().Contain($"<PackageReference Include=\"EvalSpec.Embeddings.MiniLM\" Version=\"{_feed.Version}\" />");
        File.ReadAllText(Path.Combine(project, "RefundEvals.cs")).Should().Contain("namespace Contoso.Support.Evals;");
        File.ReadAllText(Path.Combine(project, ".github", "workflows", "evals.yml")).Should().Contain("EVAL_PROJECT: Contoso.Support.Evals");

        // NU1603: this machine's package registry lacks the exact versions SentenceTransformers asks for (see Directory.Build.props).
        ProcessResult test = await Step("dotnet test Contoso.Support.Evals", DotNet.RunAsync(Work, null, "test", "Contoso.Support.Evals", "-p:TreatWarningsAsErrors=true", "-p:NoWarn=NU1603"));
        test.ExitCode.Should().Be(0, test.ToString());
        test.Output.Should().Contain("18 rows, 18 passed, 0 failed, 0 inconclusive");

        string run = Directory.EnumerateDirectories(Path.Combine(project, "TestResults", "evalspec")).Single();
        JsonElement summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement;
        summary.GetProperty("judges").TryGetProperty("minilm-invariance", out JsonElement judge).Should().BeTrue(summary.ToString());
        judge.GetProperty("pass").GetInt32().Should().Be(12, "the 12 relation rows are judged by the embedding model");
        summary.GetProperty("inputSimilarity").GetProperty("measure").GetString().Should().Be("embedding-cosine");
    }

    [Fact]
    public async Task The_test_framework_option_offers_xunit2_beside_xunit3_and_refuses_a_framework_it_does_not_have()
    {
        await InstallTemplateAsync();

        // xUnit v2 stays a choice, and its project runs the same 18 rows with the v2 adapter.
        ProcessResult xunit2 = await Step("dotnet new evalspec --test-framework xunit2", DotNet.RunAsync(Work, null, "new", "evalspec", "-n", "V2Evals", "--test-framework", "xunit2", "--debug:custom-hive", Hive));
        xunit2.ExitCode.Should().Be(0, xunit2.ToString());
        File.ReadAllText(Path.Combine(Work, "V2Evals", "V2Evals.csproj"))
            .Should().Contain("<PackageReference Include=\"xunit\" Version=\"2.")
            .And.Contain($"<PackageReference Include=\"EvalSpec.Xunit\" Version=\"{_feed.Version}\" />")
            .And.NotContain("xunit.v3")
            .And.NotContain("EvalSpec.Xunit.V3")
            .And.NotContain("<OutputType>");
        string trx = Path.Combine(_work, "trx-v2");
        ProcessResult test = await Step("dotnet test V2Evals", DotNet.RunAsync(Work, null, "test", "V2Evals", "-p:TreatWarningsAsErrors=true", "--logger", "trx;LogFileName=evals.trx", "--results-directory", trx));
        test.ExitCode.Should().Be(0, test.ToString());
        TrxReport report = TrxReport.Load(trx);
        report.Results.Should().HaveCount(18, test.ToString());
        report.Results.Values.Should().OnlyContain(r => r.Outcome == "Passed", test.ToString());
        test.Output.Should().Contain("18 rows, 18 passed, 0 failed, 0 inconclusive", "the v2 adapter's diagnostic message");

        ProcessResult unknown = await DotNet.RunAsync(Work, null, "new", "evalspec", "-n", "V4Evals", "--test-framework", "xunit4", "--debug:custom-hive", Hive);
        unknown.ExitCode.Should().NotBe(0, unknown.ToString());
        unknown.Output.Should().Contain("xunit4").And.Contain("xunit2").And.Contain("xunit3");
        Directory.Exists(Path.Combine(Work, "V4Evals")).Should().BeFalse();
    }

    /// <summary>
    /// The commands of the workflow's run steps that call dotnet (one line each), in order: what the test runs in place
    /// of GitHub. The gate step's baseline check is shell around its dotnet line.
    /// </summary>
    private static string[] WorkflowCommands(string workflow) => workflow
        .Split('\n')
        .Select(line => line.Trim())
        .Select(line => line.StartsWith("run: ", StringComparison.Ordinal) ? line["run: ".Length..] : line)
        .Where(line => line.StartsWith("dotnet ", StringComparison.Ordinal))
        .ToArray();

    private async Task InstallTemplateAsync()
    {
        _ = _feed.Pack;
        Directory.CreateDirectory(Work);
        File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="evalspec-local" value="{_feed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        ProcessResult install = await Step(
            "dotnet new install",
            DotNet.RunAsync(Work, null, "new", "install", $"EvalSpec.Templates::{_feed.Version}", "--nuget-source", _feed.Feed, "--debug:custom-hive", Hive));
        install.ExitCode.Should().Be(0, install.ToString());
        install.Output.Should().Contain("evalspec");
    }

    private async Task<ProcessResult> Step(string name, Task<ProcessResult> run)
    {
        var clock = Stopwatch.StartNew();
        ProcessResult result = await run;
        _output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F1} s (exit {result.ExitCode})");
        return result;
    }
}
