using System;
using System.Collections.Generic;
using System.Reflection;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests;

public sealed class CliEnvironmentTests
{
    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(false, null, null, false)]
    [InlineData(true, "true", null, false)]
    [InlineData(true, null, "1", false)]
    public void Colours_are_used_only_on_a_terminal_outside_CI_and_without_NO_COLOR(bool terminal, string? ci, string? noColor, bool ansi)
    {
        var variables = new Dictionary<string, string?> { ["CI"] = ci, ["NO_COLOR"] = noColor };
        var environment = new CliEnvironment(name => variables.GetValueOrDefault(name), TimeProvider.System, terminal);

        environment.UseAnsi.Should().Be(ansi);
    }

    [Fact]
    public void The_tool_recognises_the_same_build_servers_as_the_runtime()
    {
        // The tool compiles the runtime's EvalSpec.Execution.ContinuousIntegration in; this checks it is the same list
        // the runtime assembly uses.
        Type runtime = typeof(EvalSpec.Reporting.BaselineMode).Assembly.GetType("EvalSpec.Execution.ContinuousIntegration", throwOnError: true)!;
        var variables = (System.Collections.Generic.IEnumerable<string>)runtime.GetField("Variables", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        CliEnvironment.ContinuousIntegrationVariables.Should().Equal(variables);
    }

    [Theory]
    [InlineData("CI", "true", true)]
    [InlineData("TF_BUILD", "True", true)]
    [InlineData("CI", "false", false)]
    [InlineData("CI", "0", false)]
    [InlineData("CI", "", false)]
    [InlineData("CODEBUILD_BUILD_ID", "evals:0b4a6a0e-8c1f-4e0c-9a5e-3f2b1c9d7e6a", true)]
    [InlineData("bamboo_buildKey", "SHOP-EVALS-JOB1", true)]
    public void A_build_server_is_recognised_by_a_variable_set_to_anything_but_false_or_0(string name, string value, bool detected)
    {
        var environment = new CliEnvironment(n => n == name ? value : null, TimeProvider.System, outputIsTerminal: false);

        environment.IsContinuousIntegration(out string? variable).Should().Be(detected);
        variable.Should().Be(detected ? name : null);
    }
}
