using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task Help_names_the_tool_as_it_is_typed_and_lists_both_commands()
    {
        CliResult result = await Cli.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("evalspec [command] [options]").And.Contain("paraphrase").And.Contain("compare <summary>");
    }

    [Fact]
    public async Task No_command_is_a_usage_error_pointing_to_help()
    {
        CliResult result = await Cli.RunAsync();

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("Run 'evalspec --help' for the options.");
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_pointing_to_the_command_help()
    {
        CliResult result = await Cli.RunAsync("compare", "a", "b", "--min-kendall", "0.5");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--min-kendall").And.Contain("Run 'evalspec compare --help' for the options.");
    }

    [Fact]
    public async Task Help_lists_the_run_commands_and_the_snapshot_commands()
    {
        CliResult result = await Cli.RunAsync("--help");

        result.Output.Should().Contain("report <run>").And.Contain("gate").And.Contain("baseline").And.Contain("accept").And.Contain("clean");
    }

    [Fact]
    public async Task A_usage_error_in_a_subcommand_points_to_its_full_help()
    {
        CliResult result = await Cli.RunAsync("baseline", "update", "--frobnicate");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--frobnicate").And.Contain("Run 'evalspec baseline update --help' for the options.");
    }
}
