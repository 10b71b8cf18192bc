using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Cli.Tests.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Snapshots;

public sealed class CleanCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    /// <summary>Five runs written 1, 2, 5, 10 and 20 days before the tool's clock (2026-03-14 09:30 UTC), and two received files.</summary>
    public CleanCommandTests()
    {
        foreach (int days in new[] { 1, 2, 5, 10, 20 })
        {
            RunFiles.Write(_folder.Path, $"run-{days:00}d", RunFiles.Suite16(), written: Cli.Now.UtcDateTime.AddDays(-days));
        }

        Directory.CreateDirectory(_folder.Combine("Evals"));
        File.WriteAllText(_folder.Combine("Evals", "A.received.txt"), "a");
        File.WriteAllText(_folder.Combine("Evals", "A.verified.txt"), "kept");
    }

    public void Dispose() => _folder.Dispose();

    private string[] Runs() => Directory.GetDirectories(_folder.Combine("TestResults", "evalspec")).Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public async Task Clean_keeps_the_newest_runs_and_deletes_received_files()
    {
        CliResult result = await Cli.RunAsync("clean", "--project", _folder.Path, "--keep", "2");

        result.ExitCode.Should().Be(0, result.ToString());
        Runs().Should().Equal("run-01d", "run-02d");
        File.Exists(_folder.Combine("Evals", "A.received.txt")).Should().BeFalse();
        File.Exists(_folder.Combine("Evals", "A.verified.txt")).Should().BeTrue();
        result.Output.Should().Contain("Deleted 1 received snapshot file(s) and 3 of 5 run folder(s)");
    }

    [Fact]
    public async Task Older_than_deletes_only_runs_older_than_that_many_days_beyond_the_kept_ones()
    {
        CliResult result = await Cli.RunAsync("clean", "--project", _folder.Path, "--keep", "1", "--older-than", "7", "--runs-only");

        result.ExitCode.Should().Be(0, result.ToString());
        Runs().Should().Equal("run-01d", "run-02d", "run-05d");
        File.Exists(_folder.Combine("Evals", "A.received.txt")).Should().BeTrue("--runs-only leaves received files alone");
    }

    [Fact]
    public async Task A_dry_run_deletes_nothing()
    {
        CliResult result = await Cli.RunAsync("clean", "--project", _folder.Path, "--keep", "0", "--dry-run");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("Would delete 1 received snapshot file(s) and 5 of 5 run folder(s)");
        Runs().Should().HaveCount(5);
        File.Exists(_folder.Combine("Evals", "A.received.txt")).Should().BeTrue();
    }

    [Fact]
    public async Task A_negative_keep_is_a_usage_error()
    {
        CliResult result = await Cli.RunAsync("clean", "--project", _folder.Path, "--keep", "-1");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--keep must be 0 or more");
    }
}
