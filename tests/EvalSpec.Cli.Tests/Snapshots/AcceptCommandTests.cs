using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Snapshots;

public sealed class AcceptCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public AcceptCommandTests()
    {
        Write("Evals/RefundEvals.RefundWindow_laptop_formal.verified.txt", "old answer");
        Write("Evals/RefundEvals.RefundWindow_laptop_formal.received.txt", "new answer");
        Write("Evals/RefundEvals.RefundWindow_phone_formal.received.json", "{\"answer\":1}");
        Write("Prompts/Warranty.prompt.received.txt", "new prompt");
        Write("bin/Debug/net10.0/Evals/Copied.received.txt", "build output");
        Write("obj/Stale.received.txt", "intermediate");
    }

    public void Dispose() => _folder.Dispose();

    private string Write(string relative, string text)
    {
        string path = _folder.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Read(string relative) => File.ReadAllText(_folder.Combine(relative.Split('/')));

    private bool Exists(string relative) => File.Exists(_folder.Combine(relative.Split('/')));

    [Fact]
    public async Task Accept_moves_each_received_file_over_its_verified_file_and_leaves_build_output_alone()
    {
        CliResult result = await Cli.RunAsync("accept", "--project", _folder.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        Read("Evals/RefundEvals.RefundWindow_laptop_formal.verified.txt").Should().Be("new answer");
        Read("Evals/RefundEvals.RefundWindow_phone_formal.verified.json").Should().Be("{\"answer\":1}");
        Read("Prompts/Warranty.prompt.verified.txt").Should().Be("new prompt");
        Exists("Evals/RefundEvals.RefundWindow_laptop_formal.received.txt").Should().BeFalse();
        Exists("bin/Debug/net10.0/Evals/Copied.received.txt").Should().BeTrue();
        Exists("obj/Stale.received.txt").Should().BeTrue();
        result.Output.Should().Contain($"Evals{Path.DirectorySeparatorChar}RefundEvals.RefundWindow_laptop_formal.received.txt replaces RefundEvals.RefundWindow_laptop_formal.verified.txt")
            .And.Contain("RefundEvals.RefundWindow_phone_formal.received.json creates RefundEvals.RefundWindow_phone_formal.verified.json")
            .And.Contain("Accepted 3 snapshot(s)");
    }

    [Fact]
    public async Task A_filter_accepts_only_the_received_files_whose_name_contains_it()
    {
        CliResult result = await Cli.RunAsync("accept", "--project", _folder.Path, "--filter", "refundwindow_LAPTOP");

        result.ExitCode.Should().Be(0, result.ToString());
        Read("Evals/RefundEvals.RefundWindow_laptop_formal.verified.txt").Should().Be("new answer");
        Exists("Evals/RefundEvals.RefundWindow_phone_formal.received.json").Should().BeTrue();
        result.Output.Should().Contain("Accepted 1 snapshot(s)");
    }

    [Fact]
    public async Task A_filter_with_wildcards_matches_whole_names()
    {
        CliResult result = await Cli.RunAsync("accept", "--project", _folder.Path, "--filter", "*_formal");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Accepted 2 snapshot(s)");
        Exists("Prompts/Warranty.prompt.received.txt").Should().BeTrue();
    }

    [Fact]
    public async Task Accepting_a_json_snapshot_removes_the_text_snapshot_it_replaces()
    {
        Write("Evals/RefundEvals.RefundWindow_phone_formal.verified.txt", "the answer was text before");

        CliResult result = await Cli.RunAsync("accept", "--project", _folder.Path, "--filter", "phone");

        result.ExitCode.Should().Be(0, result.ToString());
        Exists("Evals/RefundEvals.RefundWindow_phone_formal.verified.txt").Should().BeFalse();
        Read("Evals/RefundEvals.RefundWindow_phone_formal.verified.json").Should().Be("{\"answer\":1}");
        result.Output.Should().Contain("(and deletes RefundEvals.RefundWindow_phone_formal.verified.txt)");
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so_and_changes_nothing()
    {
        CliResult result = await Cli.RunAsync("accept", "--project", _folder.Path, "--filter", "Exchange");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("matches 'Exchange' (3 received file(s) do not)");
        Read("Evals/RefundEvals.RefundWindow_laptop_formal.verified.txt").Should().Be("old answer");
    }

    [Fact]
    public async Task Accept_is_refused_on_a_build_server()
    {
        CliResult result = await Cli.RunAsync(new Dictionary<string, string> { ["CI"] = "true" }, "accept", "--project", _folder.Path);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("will not accept snapshots on a build server (CI is set)");
        Read("Evals/RefundEvals.RefundWindow_laptop_formal.verified.txt").Should().Be("old answer");
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_be_accepted_and_changes_nothing()
    {
        CliResult result = await Cli.RunAsync("accept", "--project", _folder.Path, "--dry-run");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("Would accept 3 snapshot(s)");
        Exists("Evals/RefundEvals.RefundWindow_laptop_formal.received.txt").Should().BeTrue();
        Read("Evals/RefundEvals.RefundWindow_laptop_formal.verified.txt").Should().Be("old answer");
    }

    [Fact]
    public async Task A_missing_project_folder_is_an_input_error()
    {
        CliResult result = await Cli.RunAsync("accept", "--project", _folder.Combine("nope"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("nope does not exist");
    }
}
