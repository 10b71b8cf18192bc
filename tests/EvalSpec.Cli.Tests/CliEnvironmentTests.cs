using System;
using System.Collections.Generic;
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
}
